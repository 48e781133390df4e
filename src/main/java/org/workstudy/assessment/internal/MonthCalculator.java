package org.workstudy.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.hours.HoursFigures;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Role;
import org.workstudy.organization.ClassRow;
import org.workstudy.organization.College;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentScope;
import org.workstudy.placements.Placements;
import org.workstudy.placements.SelfArrangedWork;
import org.workstudy.positions.AnnualPlan;
import org.workstudy.positions.AnnualPlans;
import org.workstudy.statistics.ClassFigures;

/**
 * Computes every subject's figures of a month from the owners' facades, by the formulas of {@link Metric}: first per
 * class (standings, waits, registers), then summed over each counselor's classes, each college's and the school's,
 * with the plans added for colleges and the school. Used live for the open month and by {@link MonthFreeze}.
 */
@Service
class MonthCalculator {

    private final Organization organization;
    private final Roster roster;
    private final Accounts accounts;
    private final ClassFigures classFigures;
    private final HoursFigures hours;
    private final SelfArrangedWork selfArranged;
    private final Placements placements;
    private final AnnualPlans plans;
    private final Clock clock;

    MonthCalculator(Organization organization, Roster roster, Accounts accounts, ClassFigures classFigures,
            HoursFigures hours, SelfArrangedWork selfArranged, Placements placements, AnnualPlans plans,
            Clock clock) {
        this.organization = organization;
        this.roster = roster;
        this.accounts = accounts;
        this.classFigures = classFigures;
        this.hours = hours;
        this.selfArranged = selfArranged;
        this.placements = placements;
        this.plans = plans;
        this.clock = clock;
    }

    /** The figures of every subject in the month as the facades answer now; {@code frozen} is written on each. */
    @Transactional(readOnly = true)
    List<SubjectFigures> compute(YearMonth month, int days, boolean frozen) {
        return compute(month, days, frozen, null);
    }

    /**
     * The figures of every subject in the month; {@code standings}: the classes' standings to use for ON_TRACK (a
     * late freeze passes those of the month's last day), null for today's from the statistics summary.
     */
    @Transactional(readOnly = true)
    List<SubjectFigures> compute(YearMonth month, int days, boolean frozen,
            List<ClassFigures.ClassStanding> standings) {
        Instant from = MetricMath.start(month, clock.getZone());
        Instant next = MetricMath.start(month.plusMonths(1), clock.getZone());
        Instant asOf = clock.instant();

        List<ClassRow> classes = organization.classes(new StudentScope(true, Set.of(), Set.of(), Set.of()), null, null);
        Map<Long, Map<Metric, Figure>> byClass = new LinkedHashMap<>();
        classes.forEach(c -> byClass.put(c.id(), empty()));

        (standings == null ? classFigures.standings() : standings).forEach(s -> add(byClass, s.classId(),
                Figure.of(Metric.ON_TRACK, s.onTrack(), s.students())));
        classFigures.enteredIn(month).forEach(e -> add(byClass, e.classId(),
                new Figure(Metric.REGISTER_TIMELY, e.sameMonthHours(), e.enteredHours())));

        // waits whose deadline falls in the month began `days` days earlier
        Instant begunFrom = from.minus(java.time.Duration.ofDays(days));
        Instant begunTo = next.minus(java.time.Duration.ofDays(days));
        List<long[]> waits = new ArrayList<>(); // student id, in time (1/0)
        for (HoursFigures.Wait w : hours.confirmationWaits(begunFrom, begunTo)) {
            if (MetricMath.dueIn(w.since(), days, from, next, asOf)) {
                waits.add(new long[] {w.studentId(), MetricMath.inTime(w.since(), w.endedAt(), days) ? 1 : 0});
            }
        }
        for (SelfArrangedWork.Wait w : selfArranged.waitsBegun(begunFrom, begunTo)) {
            if (MetricMath.dueIn(w.since(), days, from, next, asOf)) {
                waits.add(new long[] {w.studentId(), MetricMath.inTime(w.since(), w.endedAt(), days) ? 1 : 0});
            }
        }
        Set<Long> waiting = new HashSet<>();
        waits.forEach(w -> waiting.add(w[0]));
        Map<Long, Student> students = roster.findAll(waiting);
        for (long[] w : waits) {
            Student s = students.get(w[0]);
            if (s != null) {
                add(byClass, s.classId(), Figure.of(Metric.HANDLED_IN_TIME, w[1], 1));
            }
        }

        List<SubjectFigures> out = new ArrayList<>();
        Map<Long, ClassRow> classById = new HashMap<>();
        classes.forEach(c -> classById.put(c.id(), c));
        for (ClassRow c : classes) {
            out.add(subject(SubjectKind.CLASS, c.id(), c.name(), c.collegeId(), frozen, byClass.get(c.id())));
        }

        // counselors: their classes summed; their college is the one of most of their classes
        Map<Long, String> counselorNames = new LinkedHashMap<>();
        Map<Long, List<Long>> counselorClasses = new LinkedHashMap<>();
        for (Accounts.Holding h : accounts.holdings(Role.COUNSELOR)) {
            if (classById.containsKey(h.scopeId())) {
                counselorNames.put(h.accountId(), h.displayName());
                counselorClasses.computeIfAbsent(h.accountId(), k -> new ArrayList<>()).add(h.scopeId());
            }
        }
        for (Map.Entry<Long, List<Long>> e : counselorClasses.entrySet()) {
            Map<Metric, Figure> sum = empty();
            Map<Long, Integer> colleges = new HashMap<>();
            for (long classId : e.getValue()) {
                byClass.get(classId).values().forEach(f -> sum.merge(f.metric(), f, Figure::plus));
                colleges.merge(classById.get(classId).collegeId(), 1, Integer::sum);
            }
            Long college = colleges.entrySet().stream()
                    .max(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                            Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse(null);
            out.add(subject(SubjectKind.COUNSELOR, e.getKey(), counselorNames.get(e.getKey()), college, frozen, sum));
        }

        // colleges and the school: their classes summed, and the annual plan
        String year = academicYear(month);
        Instant yearStart = MetricMath.start(YearMonth.of(startYear(month), 9), clock.getZone());
        Map<Metric, Figure> school = empty();
        for (College college : organization.colleges()) {
            Map<Metric, Figure> sum = empty();
            classes.stream().filter(c -> c.collegeId() == college.id())
                    .forEach(c -> byClass.get(c.id()).values().forEach(f -> sum.merge(f.metric(), f, Figure::plus)));
            sum.values().forEach(f -> school.merge(f.metric(), f, Figure::plus));
            plan(sum, college.id(), year, yearStart, next);
            out.add(subject(SubjectKind.COLLEGE, college.id(), college.name(), college.id(), frozen, sum));
        }
        plan(school, null, year, yearStart, next);
        out.add(subject(SubjectKind.SCHOOL, 0, "", null, frozen, school));
        return out;
    }

    private void plan(Map<Metric, Figure> figures, Long collegeId, String year, Instant yearStart, Instant until) {
        Optional<AnnualPlan> plan = plans.find(year, collegeId);
        long positions = plans.publishedPositions(collegeId, yearStart, until);
        long placed = placements.placedBetween(collegeId, yearStart, until);
        figures.put(Metric.POSITIONS_PLAN, Figure.of(Metric.POSITIONS_PLAN, positions,
                plan.map(AnnualPlan::targetPositions).orElse(0)));
        figures.put(Metric.PLACEMENTS_PLAN, Figure.of(Metric.PLACEMENTS_PLAN, placed,
                plan.map(AnnualPlan::targetPlacements).orElse(0)));
    }

    /** The academic year (1 September to 31 August) that holds the month, e.g. "2025-2026". */
    static String academicYear(YearMonth month) {
        int start = startYear(month);
        return start + "-" + (start + 1);
    }

    static int startYear(YearMonth month) {
        return month.getMonthValue() >= 9 ? month.getYear() : month.getYear() - 1;
    }

    private static Map<Metric, Figure> empty() {
        Map<Metric, Figure> m = new EnumMap<>(Metric.class);
        for (Metric metric : List.of(Metric.ON_TRACK, Metric.HANDLED_IN_TIME, Metric.REGISTER_TIMELY)) {
            m.put(metric, Figure.of(metric, 0, 0));
        }
        return m;
    }

    private static void add(Map<Long, Map<Metric, Figure>> byClass, long classId, Figure f) {
        Map<Metric, Figure> m = byClass.get(classId);
        if (m != null) {
            m.merge(f.metric(), f, Figure::plus);
        }
    }

    private static SubjectFigures subject(SubjectKind kind, long id, String name, Long collegeId, boolean frozen,
            Map<Metric, Figure> figures) {
        return new SubjectFigures(kind, id, name == null ? "" : name, collegeId, frozen,
                figures.values().stream().filter(f -> f.metric().appliesTo(kind)).toList());
    }
}
