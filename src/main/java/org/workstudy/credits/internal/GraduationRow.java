package org.workstudy.credits.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One student of the graduation audit: {@code inWindowHours} counted within the semester window, {@code makeUpHours}
 * counted as make-up after deferral, {@code missingHours} still missing (DEFICIENT, DEFERRED), {@code deficitHours}
 * missing on the day of the deferral, {@code waitingHours} written but not yet confirmed; {@code windowEnd} the last day
 * of the student's own semester window (null if the calendar does not know it), {@code deferrable} whether the student
 * may be put on the deferred list now (deficient and the window over).
 */
public record GraduationRow(long studentId, String studentNo, String name, long classId, String className,
        long collegeId, String collegeName, GraduationStatus status, BigDecimal inWindowHours, BigDecimal makeUpHours,
        BigDecimal missingHours, BigDecimal deficitHours, LocalDate deferredOn, LocalDate releasedOn,
        BigDecimal waitingHours, LocalDate windowEnd, boolean deferrable) {
}
