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
import java.util.TreeMap;

import org.workstudy.calendar.DayKind;
import org.workstudy.hours.NewWorkRecord;
import org.workstudy.hours.RecordStatus;
import org.workstudy.hours.SourceKind;
import org.workstudy.hours.WorkRecordView;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;

/**
 * Hours: what the counselors recorded for each student up to their target, and the last weeks of one class (records
 * waiting, a correction, a void).
 */
final class DemoHours extends DemoPast {

    DemoHours(DemoPast past) {
        super(past);
    }

    // ================================================================== hours

    /**
     * Each student's hours: 8 on a term Saturday (the term-time week cap) and 8 on vacation days, on days spread over
     * the semesters so far, up to their target; the counselor records a month's hours on its last day, or (one class
     * in three) a quarter's early the month after — late for assessment's registers-on-time figure.
     */
    void hours(int cohort) {
        LocalDate from = semester(cohort, 1);
        LocalDate until = windowEnd(cohort).isBefore(today.minusDays(1)) ? windowEnd(cohort) : today.minusDays(1);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(until); d = d.plusDays(1)) {
            DayKind kind = calendar.kindOf(d);
            if ((kind == DayKind.WEEKEND && d.getDayOfWeek() == DayOfWeek.SATURDAY) || kind.isVacation()) {
                days.add(d);
            }
        }
        Map<Long, TreeMap<YearMonth, List<NewWorkRecord>>> byClass = new LinkedHashMap<>();
        int records = 0;
        for (Kid k : cohorts.get(cohort)) {
            List<NewWorkRecord> mine = plan(k, days, k.target);
            records += mine.size();
            TreeMap<YearMonth, List<NewWorkRecord>> months = byClass.computeIfAbsent(k.c.classId(),
                    c -> new TreeMap<>());
            // most counselors record each month's hours on its last day (on time for assessment); one class in
            // three records a quarter at a time, early the month after, from the attendance sheets the employer sends
            boolean quarterly = k.c.classId() % 3 == 0;
            mine.forEach(r -> months.computeIfAbsent(quarterly ? quarter(r.workDate()) : YearMonth.from(r.workDate()),
                    m -> new ArrayList<>()).add(r));
        }
        byClass.forEach((classId, months) -> {
            CurrentUser counselor = actors.user(classes.get(classId).counselorAccount(), Role.COUNSELOR);
            boolean quarterly = classId % 3 == 0;
            months.forEach((month, list) -> {
                LocalDateTime at = quarterly ? month.plusMonths(1).atDay(3).atTime(16, 30)
                        : month.atEndOfMonth().atTime(20, 30);
                if (quarterly && at.isAfter(now)) {
                    // the running quarter's sheets have not come yet: entering it all "now" would put months of
                    // late hours into the open month (登记及时率 0 % early in a month), so its months go on time
                    onTime(counselor, list);
                    return;
                }
                if (at.isAfter(now)) {
                    at = now.minusHours(3);
                }
                actors.as(counselor, at, () -> x.ledger().recordAll(counselor, list));
            });
        });
        figures.merge("records", records, Integer::sum);
    }

    /** Records each month's hours on its last day (the open month's a few hours ago). */
    private void onTime(CurrentUser counselor, List<NewWorkRecord> records) {
        TreeMap<YearMonth, List<NewWorkRecord>> byMonth = new TreeMap<>();
        records.forEach(r -> byMonth.computeIfAbsent(YearMonth.from(r.workDate()), m -> new ArrayList<>()).add(r));
        byMonth.forEach((month, list) -> {
            LocalDateTime at = month.atEndOfMonth().atTime(20, 30);
            LocalDateTime when = at.isAfter(now) ? now.minusHours(3) : at;
            actors.as(counselor, when, () -> x.ledger().recordAll(counselor, list));
        });
    }

    private static YearMonth quarter(LocalDate d) {
        return YearMonth.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 3);
    }

    private static final String[] CONTENT = {"公共区域保洁", "绿化带修剪与浇水", "教学楼设备巡查", "实训室整理",
        "图书上架与整架", "就餐秩序引导", "迎新物资搬运", "运动会场地布置", "宿舍楼来访登记", "招生咨询资料装袋"};

    /** Records of {@code target} hours on days spread over {@code days}, avoiding the student's busy days. */
    List<NewWorkRecord> plan(Kid k, List<LocalDate> days, BigDecimal target) {
        List<NewWorkRecord> out = new ArrayList<>();
        int n = target.divide(EIGHT, 0, java.math.RoundingMode.CEILING).intValue();
        if (n == 0 || days.isEmpty()) {
            return out;
        }
        BigDecimal left = target;
        double step = (double) days.size() / Math.min(n, days.size());
        int last = -1;
        for (int j = 0; j < n && left.signum() > 0; j++) {
            int index = Math.max(last + 1, (int) Math.floor((j + k.random.nextDouble()) * step));
            while (index < days.size() && k.busy.contains(days.get(index))) {
                index++;
            }
            if (index >= days.size()) {
                break;
            }
            last = index;
            LocalDate d = days.get(index);
            BigDecimal h = left.min(EIGHT);
            k.busy.add(d);
            out.add(new NewWorkRecord(k.s.id(), SourceKind.PLACEMENT, k.placement, d, LocalTime.of(8, 30),
                    LocalTime.of(8, 30).plusMinutes(h.multiply(BigDecimal.valueOf(60)).longValue()).plusMinutes(0),
                    h, CONTENT[k.random.nextInt(CONTENT.length)]));
            left = left.subtract(h);
        }
        return out;
    }

    /** Recent weeks of one class: an employer's records waiting, a student's report waiting, a correction, a void. */
    void recentHours(int cohort) {
        Kid complete = one(cohort, "complete").orElse(null);
        Kid behind = one(cohort, "behind").orElse(null);
        if (behind == null) {
            return;
        }
        CurrentUser counselor = actors.user(behind.c.counselorAccount(), Role.COUNSELOR);
        CurrentUser student = actors.user(behind.s.accountId(), Role.STUDENT);
        CurrentUser employer = actors.user("yongren", Role.EMPLOYER);
        List<LocalDate> saturdays = new ArrayList<>();
        for (LocalDate d = today.minusDays(1); saturdays.size() < 3 && d.isAfter(today.minusDays(40)); d = d.minusDays(1)) {
            if (calendar.kindOf(d) == DayKind.WEEKEND && d.getDayOfWeek() == DayOfWeek.SUNDAY
                    && !behind.busy.contains(d.minusDays(1)) && !behind.busy.contains(d)) {
                saturdays.add(d);
            }
        }
        for (LocalDate d : saturdays) {
            behind.busy.add(d);
        }
        if (saturdays.size() < 3) {
            return;
        }
        // the employer (后勤处) records a Sunday: it waits for the counselor
        actors.as(employer, saturdays.get(0).plusDays(1).atTime(17, 0), () -> x.ledger().record(employer,
                new NewWorkRecord(behind.s.id(), SourceKind.PLACEMENT, behind.placement, saturdays.get(0),
                        LocalTime.of(9, 0), LocalTime.of(13, 0), null, "体育馆看台清扫")));
        // the student reports one: it waits for confirmation too
        actors.as(student, saturdays.get(1).atTime(20, 0), () -> x.ledger().record(student, new NewWorkRecord(
                behind.s.id(), SourceKind.PLACEMENT, behind.placement, saturdays.get(1), LocalTime.of(14, 0),
                LocalTime.of(18, 0), null, "校园开放日引导")));
        // the counselor recorded one with the wrong times and corrected it, and voided a duplicate
        long wrong = actors.as(counselor, saturdays.get(2).plusDays(1).atTime(9, 0), () -> x.ledger().record(
                counselor, new NewWorkRecord(behind.s.id(), SourceKind.PLACEMENT, behind.placement, saturdays.get(2),
                        LocalTime.of(8, 0), LocalTime.of(14, 0), null, "公共区域保洁")));
        actors.as(counselor, saturdays.get(2).plusDays(2).atTime(10, 0), () -> x.ledger().correct(counselor, wrong,
                new NewWorkRecord(behind.s.id(), null, 0, saturdays.get(2), LocalTime.of(8, 0), LocalTime.of(12, 0),
                        null, "公共区域保洁"), "签到表显示 12:00 签退，按签到表更正为 4 小时"));
        if (complete != null) {
            List<WorkRecordView> records = x.ledger().ofStudent(counselor.acts(Role.COUNSELOR)
                    && complete.c.counselorAccount() == behind.c.counselorAccount() ? counselor
                    : actors.user(complete.c.counselorAccount(), Role.COUNSELOR), complete.s.id());
            CurrentUser theirs = actors.user(complete.c.counselorAccount(), Role.COUNSELOR);
            records.stream().filter(r -> r.status() == RecordStatus.COUNTED).findFirst().ifPresent(r ->
                    actors.as(theirs, now.minusDays(2), () -> x.ledger().voidEntry(theirs, r.id(),
                            "与用人单位考勤核对：当天该生请假未到岗，系重复登记")));
            // a complete student keeps working: a little more than 360 is usual
        }
    }
}
