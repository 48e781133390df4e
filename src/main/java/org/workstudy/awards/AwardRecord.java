package org.workstudy.awards;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reward or penalty of a student: what for, why, the day decided, the last day a penalty is in force (null for a
 * reward), who decided and recorded it; and, once revoked (撤销), who revoked it, when and why (all null before).
 */
public record AwardRecord(long id, long studentId, String studentNo, String studentName, String className,
        AwardCategory category, String reason, LocalDate decidedOn, LocalDate validUntil, String decidedBy,
        String decidedByName, Instant createdAt, Instant revokedAt, String revokedBy, String revokedByName,
        String revokeReason) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean penalty() {
        return category.penalty();
    }

    /** Whether a penalty is in force on the day (a reward never is, nor a revoked penalty). */
    public boolean inForce(LocalDate day) {
        return penalty() && !revoked() && !day.isBefore(decidedOn) && !day.isAfter(validUntil);
    }
}
