package org.workstudy.statistics;

import java.math.BigDecimal;

/**
 * A student of the summary as other modules read it ({@link StatisticsFigures#standings}): where they are, the
 * required, counted (all time) and expected hours of today, the hours counted in the asked academic year, and the
 * standings of {@code Standing} (completed, on track); {@code deferral} is DEFERRED, RELEASED or null.
 */
public record StudentStanding(long studentId, String studentNo, String name, long collegeId, String collegeName,
        long classId, String className, int cohort, BigDecimal requiredHours, BigDecimal countedHours,
        BigDecimal expectedHours, BigDecimal yearHours, boolean completed, boolean onTrack, String deferral) {
}
