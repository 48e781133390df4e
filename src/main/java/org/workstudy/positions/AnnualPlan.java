package org.workstudy.positions;

import java.math.BigDecimal;
import java.time.Instant;

/** A year's work-study targets of the school ({@code collegeId} null) or of one college. */
public record AnnualPlan(long id, String academicYear, Long collegeId, int targetPositions, int targetPlacements,
        BigDecimal targetHours, BigDecimal targetHoursPerHardship, String notes, Instant updatedAt, String updatedBy) {
}
