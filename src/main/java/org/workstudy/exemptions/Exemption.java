package org.workstudy.exemptions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.workstudy.credits.ExemptionKind;
import org.workstudy.exemptions.internal.ExemptionStatus;
import org.workstudy.shared.BusinessException;

/**
 * An application as stored. It knows its lifecycle: which step waits for whom, which moves are allowed from where it
 * stands, and refuses the others (see {@link ExemptionStatus#mayBecome}).
 */
record Exemption(long id, long studentId, ExemptionKind kind, ExemptionReason reasonKind, String reason,
        ExemptionStatus status, BigDecimal qualityCredits, BigDecimal offsetHours, long policyVersionId, Long noticeId,
        LocalDate finalOn, Instant createdAt, Long approvalId) {

    boolean offset() {
        return kind == ExemptionKind.OFFSET;
    }

    /** The student withdraws it: only while it waits for a decision. */
    ExemptionStatus withdraw() {
        if (!status.pending()) {
            throw BusinessException.conflict("exemption.withdraw.not-possible");
        }
        return ExemptionStatus.WITHDRAWN;
    }

    /** Whether the director's step is the current one (the counselor approved). */
    boolean waitsForDirector() {
        return status == ExemptionStatus.WAITING_DIRECTOR;
    }

    /** Refuses a decision on an application that waits for none. */
    void requirePending() {
        if (!status.pending() || approvalId == null) {
            throw BusinessException.conflict("exemption.not-pending");
        }
    }

    /**
     * Where a decision of the named step leads: the counselor approves (on to the director) or returns; the director
     * grants or rejects. Refuses a step that is not the one the application waits for.
     */
    ExemptionStatus decided(String step, boolean approve) {
        requirePending();
        String waitsFor = waitsForDirector() ? Exemptions.DIRECTOR_STEP : Exemptions.COUNSELOR_STEP;
        if (!waitsFor.equals(step)) {
            throw BusinessException.conflict("exemption.changed-meanwhile");
        }
        if (waitsForDirector()) {
            return approve ? ExemptionStatus.GRANTED : ExemptionStatus.REJECTED;
        }
        return approve ? ExemptionStatus.WAITING_DIRECTOR : ExemptionStatus.RETURNED;
    }

    /** Whether it stands on that notice now (an outcome of another notice changes nothing). */
    boolean onNotice(long notice) {
        return status == ExemptionStatus.IN_NOTICE && Long.valueOf(notice).equals(noticeId);
    }

    /** Refuses a move its status does not allow (a programming error or a race the row's lock did not stop). */
    Exemption moveTo(ExemptionStatus next) {
        if (!status.mayBecome(next)) {
            throw BusinessException.conflict("exemption.changed-meanwhile");
        }
        return new Exemption(id, studentId, kind, reasonKind, reason, next, qualityCredits, offsetHours,
                policyVersionId, noticeId, finalOn, createdAt, approvalId);
    }
}
