package org.workstudy.exemptions.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.workstudy.credits.ExemptionKind;
import org.workstudy.exemptions.ExemptionReason;

/**
 * An exemption or offset application as its student and the reviewers see it. For an offset, {@code qualityCredits}
 * are the credits used and {@code offsetHours} the hours they cover; {@code remainingHours} must still be worked.
 * {@code noticeId}: the public notice it is (or was) listed on.
 */
public record ExemptionView(long id, long studentId, String studentNo, String studentName, String className,
        long collegeId, String collegeName, int cohort, ExemptionKind kind, ExemptionReason reasonKind, String reason,
        ExemptionStatus status, BigDecimal qualityCredits, BigDecimal offsetHours, BigDecimal requiredHours,
        BigDecimal remainingHours, Long noticeId, LocalDate finalOn, Instant createdAt) {

    public boolean offset() {
        return kind == ExemptionKind.OFFSET;
    }
}
