package org.workstudy.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.workstudy.calendar.DayKind;
import org.workstudy.checkin.Checkins;
import org.workstudy.checkin.ScanForm;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.placements.PlacementView;
import org.workstudy.shared.BusinessException;

/**
 * Check-ins of the last ten weeks on two campus-service positions of the cohort in its third semester (or the
 * youngest studying one): 后勤处 ({@code yongren}) opens a shift on term Sundays, a few of the placed students scan
 * in and out (some late, one now and then typing the code, far away or on a classmate's phone), the employer confirms
 * what the check-outs wrote, and the missed check-outs are asked to be made up and decided. The most recent Sunday's
 * reports and make-ups still wait. Its own seed: nothing drawn here moves the rest of the history.
 */
final class DemoCheckins extends DemoPast {

    private static final int WEEKS = 10;
    private static final int STUDENTS_PER_POSITION = 6;
    /** 后勤处's workplace on the campus (集美): the shift's centre and radius. */
    private static final BigDecimal LATITUDE = new BigDecimal("24.5790");
    private static final BigDecimal LONGITUDE = new BigDecimal("118.0970");
    private static final int RADIUS_M = 300;

    private final Random random = new Random(DemoHistory.SEED * 13);
    private final CurrentUser employer;
    private int checkIns;

    DemoCheckins(DemoPast past) {
        super(past);
        this.employer = actors.user("yongren", Role.EMPLOYER);
    }

    void load() {
        int cohort = cohorts.keySet().stream().filter(c -> semesterNow(c) == 3).findFirst()
                .or(() -> cohorts.keySet().stream().filter(c -> semesterNow(c) >= 2 && semesterNow(c) <= 4).findFirst())
                .orElse(0);
        if (cohort == 0) {
            return;
        }
        Map<Long, List<Kid>> crews = crews(cohort);
        List<LocalDate> sundays = new ArrayList<>();
        for (LocalDate d = today.minusWeeks(WEEKS); d.isBefore(today); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SUNDAY && calendar.kindOf(d) == DayKind.WEEKEND) {
                sundays.add(d);
            }
        }
        for (int i = 0; i < sundays.size(); i++) {
            for (Map.Entry<Long, List<Kid>> crew : crews.entrySet()) {
                shift(crew.getKey(), crew.getValue(), sundays.get(i), i);
            }
        }
        crews.values().stream().flatMap(List::stream).findFirst().ifPresent(k -> staff.put("check-in-counselor",
                actors.user(k.c.counselorAccount(), Role.COUNSELOR).username()));
        figures.put("check-ins", checkIns);
    }

    /** The first two colleges' positions of the cohort, each with a few of its placed students (no demo people). */
    private Map<Long, List<Kid>> crews(int cohort) {
        Map<Long, List<Kid>> byCollege = new LinkedHashMap<>();
        cohorts.get(cohort).stream().filter(k -> k.role.isEmpty())
                .forEach(k -> byCollege.computeIfAbsent(k.c.collegeId(), c -> new ArrayList<>()).add(k));
        Map<Long, List<Kid>> crews = new LinkedHashMap<>();
        for (List<Kid> kids : byCollege.values().stream().limit(2).toList()) {
            List<Kid> crew = new ArrayList<>();
            for (int j = 0; crew.size() < STUDENTS_PER_POSITION && j * 9 < kids.size(); j++) {
                crew.add(kids.get(j * 9));
            }
            Map<Long, List<PlacementView>> placements = x.placements().ofStudents(crew.stream().map(k -> k.s.id())
                    .toList());
            crew.stream().findFirst().flatMap(k -> placements.get(k.s.id()).stream()
                            .filter(p -> p.id() == k.placement).findFirst())
                    .ifPresent(p -> crews.put(p.positionId(), crew));
        }
        return crews;
    }

    /** One Sunday morning's shift: half the crew on duty, by turns. */
    private void shift(long position, List<Kid> crew, LocalDate day, int turn) {
        LocalDateTime opens = day.atTime(8, 50);
        long shift = actors.as(employer, opens, () -> x.checkins().openShift(employer, position,
                new Checkins.ShiftPlace(LATITUDE, LONGITUDE, RADIUS_M)));
        LocalDateTime closes = day.atTime(12, 30);
        List<Missed> missedCheckOuts = new ArrayList<>();
        for (int j = 0; j < crew.size(); j++) {
            Kid k = crew.get(j);
            if ((j + turn) % 2 != 0 || !free(k, day)) {
                continue; // not on duty today, or the week's term-time hours are done already
            }
            k.busy.add(day);
            CurrentUser student = actors.user(k.s.accountId(), Role.STUDENT);
            boolean late = random.nextInt(10) == 0;
            LocalDateTime in = late ? day.atTime(9, 35).plusMinutes(j) : day.atTime(8, 52).plusMinutes(2L * j);
            String device = random.nextInt(30) == 0 && j > 0 ? device(crew.get(j - 1)) : device(k);
            Checkins.ScanOutcome checkedIn = scan(student, in, scanForm(shift, in, device));
            if (checkedIn == null) {
                continue;
            }
            checkIns++;
            if (random.nextInt(9) == 0) {
                missedCheckOuts.add(new Missed(k, checkedIn.attendance().id())); // left with the crew, forgot to scan
                continue;
            }
            LocalDateTime out = day.atTime(12, 2).plusMinutes(j);
            Checkins.ScanOutcome checkedOut = scan(student, out, scanForm(shift, out, device));
            Long entry = checkedOut == null ? null : checkedOut.attendance().entryId();
            LocalDateTime confirmed = day.plusDays(1).atTime(10, 0);
            if (entry != null && confirmed.isBefore(now)) {
                actors.as(employer, confirmed, () -> x.ledger().confirm(employer, entry));
            }
        }
        actors.as(employer, closes, () -> x.checkins().closeShift(employer, shift));
        missedCheckOuts.forEach(m -> makeUp(m, day));
    }

    /** A check-in without its check-out. */
    private record Missed(Kid kid, long attendance) {
    }

    /** The student asks that evening; the employer approves the next morning, or turns down one in four. */
    private void makeUp(Missed missed, LocalDate day) {
        CurrentUser student = actors.user(missed.kid().s.accountId(), Role.STUDENT);
        long request = actors.as(student, day.atTime(20, 30), () -> x.checkins().requestMakeUp(student,
                missed.attendance(),
                LocalTime.of(12, 0), "忘记签退，当天 12:00 随班组一起离岗，带班老师可证明。"));
        LocalDateTime decided = day.plusDays(1).atTime(9, 30);
        if (!decided.isBefore(now)) {
            return; // waits for the employer
        }
        boolean approve = random.nextInt(4) != 0;
        actors.as(employer, decided, () -> x.checkins().decideMakeUp(employer, request, approve,
                approve ? null : "带班记录显示该生 11:20 已提前离岗，请按实际时间重新登记。"));
    }

    /** A week without other term-time hours and a month with room under its cap (the counting rules). */
    private boolean free(Kid k, LocalDate day) {
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        YearMonth month = YearMonth.from(day);
        boolean weekFree = k.busy.stream().noneMatch(d -> !d.isBefore(monday) && d.isBefore(monday.plusDays(7)));
        long inMonth = k.busy.stream().filter(d -> YearMonth.from(d).equals(month)).count();
        return weekFree && inMonth <= 3;
    }

    /** The code on the supervisor's screen at the moment; now and then typed from its fallback instead of scanned. */
    private ScanForm scanForm(long shift, LocalDateTime at, String device) {
        Checkins.ShiftCode code = actors.as(employer, at, () -> x.checkins().code(employer, shift));
        boolean typed = random.nextInt(15) == 0;
        boolean far = random.nextInt(25) == 0;
        BigDecimal offset = BigDecimal.valueOf(random.nextInt(200) - 100, 5).add(far ? new BigDecimal("0.02000")
                : BigDecimal.ZERO);
        return new ScanForm(typed ? code.fallback() : code.token(), LATITUDE.add(offset), LONGITUDE.add(offset),
                device);
    }

    /** What the scan did, or null when it was refused (a real student asks the supervisor and moves on). */
    private Checkins.ScanOutcome scan(CurrentUser student, LocalDateTime at, ScanForm form) {
        try {
            return actors.as(student, at, () -> x.checkins().scan(student, form));
        } catch (BusinessException e) {
            return null;
        }
    }

    private static String device(Kid k) {
        return "demo-phone-" + k.s.studentNo();
    }
}
