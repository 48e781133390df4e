package org.workstudy.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.workstudy.calendar.DayKind;
import org.workstudy.credits.ExemptionKind;
import org.workstudy.hours.NewWorkRecord;
import org.workstudy.hours.WorkRecordView;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.NewStatusChange;
import org.workstudy.organization.StatusChangeKind;
import org.workstudy.placements.PlacementView;
import org.workstudy.positions.BankKind;
import org.workstudy.positions.PositionAction;
import org.workstudy.positions.PositionForm;
import org.workstudy.positions.PositionType;
import org.workstudy.positions.SelectionMode;
import org.workstudy.positions.TimeKind;

/** The graduated cohorts: exemptions and recognition, the audit, who graduates, and the deferred students' make-up. */
final class DemoGraduation extends DemoPast {

    private final DemoCredits credits;
    private final DemoHours hoursHistory;

    DemoGraduation(DemoPast past, DemoCredits credits, DemoHours hoursHistory) {
        super(past);
        this.credits = credits;
        this.hoursHistory = hoursHistory;
    }

    // ================================================================== graduated cohorts

    void graduate(int cohort, boolean latest) {
        // exemptions and offsets in the fifth semester, made final through their notice
        LocalDate fifth = semester(cohort, 5);
        List<Long> granted = new ArrayList<>();
        for (Kid k : withRole(cohort, r -> r.equals("exempt") || r.equals("offset"))) {
            granted.add(credits.exemption(k, fifth.plusDays(20), k.role.equals("exempt") ? ExemptionKind.EXEMPT
                    : ExemptionKind.OFFSET, "granted"));
        }
        if (!granted.isEmpty()) {
            credits.publishExemptions(granted, fifth.plusDays(40).atTime(9, 0), true);
        }
        // the joint recognition of each college's list after the window, and its notice made final
        LocalDate after = semester(cohort, 6).plusDays(30);
        credits.recognise(cohort, after, true, Set.of());
        // the audit: who is still short is deferred, and the rest graduate
        LocalDate audit = semester(cohort, 6).plusMonths(4).withDayOfMonth(10);
        CurrentUser jiaowu = actors.user("jiaowu", Role.ACADEMIC_AFFAIRS);
        List<Kid> deficient = withRole(cohort, r -> r.equals("released") || r.equals("makeup")
                || r.equals("deferred"));
        if (!deficient.isEmpty()) {
            actors.as(jiaowu, audit.atTime(10, 0), () -> x.graduation().defer(jiaowu, cohort, null,
                    deficient.stream().map(k -> k.s.id()).toList()));
        }
        LocalDate graduation = audit.plusDays(10);
        CurrentUser admin = actors.user("admin", Role.ADMIN);
        List<NewStatusChange> graduates = cohorts.get(cohort).stream().filter(k -> !deficient.contains(k))
                .map(k -> graduate(k, graduation)).toList();
        actors.as(admin, graduation.atTime(9, 0), () -> x.status().recordAll(admin, graduates));
        figures.put("graduated-" + cohort, cohorts.get(cohort).size() - deficient.size());
        if (latest) {
            makeUp(cohort, deficient, audit.plusDays(1));
            one(cohort, "graduate").ifPresent(k -> people.put("graduate", k.s));
        }
    }

    /** The deferred students are placed on the library's summer shifts; one has made up everything, one half. */
    private void makeUp(int cohort, List<Kid> deficient, LocalDate start) {
        if (deficient.isEmpty()) {
            return;
        }
        CurrentUser center = actors.user("zhongxin", Role.CENTER_STAFF);
        LocalDateTime at = start.atTime(9, 0);
        long position = actors.as(center, at, () -> x.workflow().create(center, new PositionForm(BankKind.SCHOOL,
                null, employer("图书馆"), cohort + "级补修：图书馆暑期闭馆整理",
                "面向暂缓毕业学生的补修岗位：暑期闭馆期间剔旧、倒架、修补破损图书，按日签到。",
                PositionType.PROJECT, Set.of(TimeKind.SUMMER_VACATION, TimeKind.WEEKEND, TimeKind.WINTER_VACATION),
                "图书馆3-5层书库", "350211", deficient.size() + 2, EIGHT, new BigDecimal("18.00"), start,
                start.plusMonths(8), at.minusHours(1), at.plusDays(30), Set.of(), Set.of(cohort),
                SelectionMode.EMPLOYER_CHOICE, "搬运书籍注意腰部保护，登高取书须使用书梯。")));
        actors.as(center, at, () -> {
            x.workflow().step(center, position, PositionAction.SUBMIT, null);
            x.workflow().step(center, position, PositionAction.APPROVE, null);
            x.workflow().step(center, position, PositionAction.PUBLISH, null);
            x.placements().place(center, position, deficient.stream().map(k -> k.s.id()).toList());
        });
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = start.plusDays(1); d.isBefore(start.plusMonths(8)) && d.isBefore(today); d = d.plusDays(1)) {
            DayKind kind = calendar.kindOf(d);
            if (kind.isVacation() || (kind == DayKind.WEEKEND && d.getDayOfWeek() == DayOfWeek.SATURDAY)) {
                days.add(d);
            }
        }
        for (Kid k : deficient) {
            k.placement = x.placements().ofStudent(k.s.id()).stream().filter(p -> p.positionId() == position)
                    .mapToLong(PlacementView::id).findFirst().orElseThrow();
            BigDecimal missing = BigDecimal.valueOf(360).subtract(k.target);
            BigDecimal hours = k.role.equals("released") ? missing
                    : k.role.equals("makeup") ? missing.divide(BigDecimal.valueOf(2)).setScale(0, java.math.RoundingMode.DOWN)
                    : BigDecimal.valueOf(8 * (k.random.nextInt(3)));
            List<NewWorkRecord> records = hoursHistory.plan(k, days.subList(0, Math.min(days.size(), 40)), hours);
            if (records.isEmpty()) {
                continue;
            }
            CurrentUser counselor = actors.user(k.c.counselorAccount(), Role.COUNSELOR);
            LocalDate lastDay = records.get(records.size() - 1).workDate();
            actors.as(counselor, lastDay.plusDays(1).atTime(17, 0), () -> x.ledger().recordAll(counselor, records));
        }
        one(cohort, "makeup").ifPresent(k -> people.put("deferred-make-up", k.s));
        one(cohort, "released").ifPresent(k -> {
            people.put("released", k.s);
            releasedGraduates(cohort, k);
        });
        figures.put("deferred-" + cohort, deficient.size());
    }

    /**
     * The released student: academic affairs' recheck after the last make-up day (the release itself happened when
     * those hours counted), then their college's list with them alone (basis MAKE_UP) through the joint approval and
     * its notice, and they graduate.
     */
    private void releasedGraduates(int cohort, Kid k) {
        CurrentUser counselor = actors.user(k.c.counselorAccount(), Role.COUNSELOR);
        LocalDate lastDay = x.ledger().ofStudent(counselor, k.s.id()).stream().map(WorkRecordView::workDate)
                .max(Comparator.naturalOrder()).orElse(null);
        if (lastDay == null) {
            return;
        }
        LocalDate recheck = lastDay.plusDays(5);
        LocalDate on = workingDaysBefore(recheck.plusDays(12), 0);
        if (!on.plusDays(45).isBefore(today)) {
            return; // too recent: the list would still be on its way
        }
        CurrentUser jiaowu = actors.user("jiaowu", Role.ACADEMIC_AFFAIRS);
        actors.as(jiaowu, recheck.atTime(10, 0), () -> x.graduation().recheck(jiaowu, cohort));
        credits.recognise(cohort, on, true, Set.of(k.c.collegeId()));
        CurrentUser admin = actors.user("admin", Role.ADMIN);
        actors.as(admin, on.plusDays(40).atTime(9, 0), () -> x.status().record(admin, graduate(k, on.plusDays(40))));
        figures.merge("graduated-" + cohort, 1, Integer::sum);
    }

    /** 毕业 as the 学籍异动 it is (the account closes; the register keeps the student's hours). */
    static NewStatusChange graduate(Kid k, LocalDate on) {
        return new NewStatusChange(k.s.id(), StatusChangeKind.GRADUATE, on, null, null, "毕业");
    }
}
