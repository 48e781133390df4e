package org.workstudy.positions;

import java.math.BigDecimal;

/**
 * Actual figures for annual plans that other modules own (placements, hours). Implementations are optional beans;
 * the plan page shows "—" when there is none. {@code collegeId} null means the whole school.
 */
public interface PlanActuals {

    /** Students placed in the academic year (e.g. "2026-2027"). */
    long placements(Long collegeId, String academicYear);

    /** Hours worked (confirmed) in the academic year. */
    BigDecimal hours(Long collegeId, String academicYear);
}
