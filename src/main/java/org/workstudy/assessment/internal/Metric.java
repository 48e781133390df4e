package org.workstudy.assessment.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * The metrics of assessment, each defined here once; every figure is a numerator over a denominator, shown as a
 * percentage with one decimal (rounded down), and the page writes out the formula (messages {@code asm.def.*}).
 * <ul>
 * <li>{@link #ON_TRACK} (按进度完成率): students on track for their semester / students not withdrawn, as statistics
 * holds them when the month is frozen ({@code statistics/Standing}: completed, or counted hours plus offsets at least
 * the even-pace expectation).</li>
 * <li>{@link #HANDLED_IN_TIME} (按时处理率): waits for a decision whose deadline fell in the month and that were
 * decided by it / all waits whose deadline fell in the month. A wait is a self-arranged registration waiting for the
 * counselor or vice dean, or a work record waiting for its confirmation; its deadline is the start of the wait plus
 * the days set in the settings ({@code asm_setting}); the student's withdrawal ends a wait without counting it.</li>
 * <li>{@link #POSITIONS_PLAN} (岗位计划完成率): positions published in the bank from 1 September to the end of the
 * month / the annual plan's target positions (school and colleges only; none without a plan).</li>
 * <li>{@link #PLACEMENTS_PLAN} (上岗计划完成率): placements made from 1 September to the end of the month / the annual
 * plan's target placements (school and colleges only).</li>
 * <li>{@link #REGISTER_TIMELY} (登记及时率): counted hours entered in the month for work done in that same month /
 * all counted hours entered in the month. A late record (work of an earlier month) counts in the month it is
 * entered, in the denominator only.</li>
 * </ul>
 * Annual figures combine the academic year's frozen months: {@link Annual#POOLED} adds the numerators and the
 * denominators of the months and divides once; {@link Annual#LAST} (the plans, cumulative from 1 September) takes the
 * last frozen month. The score (综合得分) of a subject is the mean of its metrics that have a denominator, each capped
 * at 100; rankings order by it.
 */
public enum Metric {
    ON_TRACK(Annual.POOLED, EnumSet.allOf(SubjectKind.class)),
    HANDLED_IN_TIME(Annual.POOLED, EnumSet.allOf(SubjectKind.class)),
    POSITIONS_PLAN(Annual.LAST, EnumSet.of(SubjectKind.SCHOOL, SubjectKind.COLLEGE)),
    PLACEMENTS_PLAN(Annual.LAST, EnumSet.of(SubjectKind.SCHOOL, SubjectKind.COLLEGE)),
    REGISTER_TIMELY(Annual.POOLED, EnumSet.allOf(SubjectKind.class));

    /** How the months of a year combine. */
    public enum Annual {
        POOLED, LAST
    }

    private final Annual annual;
    private final Set<SubjectKind> subjects;

    Metric(Annual annual, Set<SubjectKind> subjects) {
        this.annual = annual;
        this.subjects = subjects;
    }

    public Annual annual() {
        return annual;
    }

    /** Whether the metric is measured for this kind of subject. */
    public boolean appliesTo(SubjectKind kind) {
        return subjects.contains(kind);
    }
}
