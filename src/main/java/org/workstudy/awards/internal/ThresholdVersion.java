package org.workstudy.awards.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of the award thresholds, in force from {@code effectiveFrom} up to the day before the next version's
 * ({@code effectiveUntil}, null for the newest).
 * <ul>
 * <li>a student: hours counted in the academic year at least {@code studentYearHours} (or, when
 * {@code studentOnTrackSuffices}, on track for their semester) and no penalty in force;</li>
 * <li>a class (its league branch): at least {@code classOnTrackPercent} % of its students on track and none in
 * arrears past the window;</li>
 * <li>a counselor: at least {@code counselorOnTrackPercent} % of their students on track and at least
 * {@code confirmOnTimePercent} % of the confirmations of the year decided within {@code confirmDeadlineDays} days;</li>
 * <li>"just below": up to {@code nearHours} hours or {@code nearPercent} percentage points short.</li>
 * </ul>
 */
public record ThresholdVersion(long id, LocalDate effectiveFrom, LocalDate effectiveUntil, BigDecimal studentYearHours,
        boolean studentOnTrackSuffices, BigDecimal classOnTrackPercent, BigDecimal counselorOnTrackPercent,
        int confirmDeadlineDays, BigDecimal confirmOnTimePercent, BigDecimal nearHours, BigDecimal nearPercent,
        String note, String createdBy, Instant createdAt) {

    /** Whether the version is in force on the day. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveUntil == null || !day.isAfter(effectiveUntil));
    }
}
