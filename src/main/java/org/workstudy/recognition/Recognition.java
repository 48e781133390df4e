package org.workstudy.recognition;

import java.time.Instant;
import java.time.LocalDate;

import org.workstudy.recognition.internal.RecognitionStatus;
import org.workstudy.shared.BusinessException;

/**
 * A submitted list as stored. It knows its lifecycle — SUBMITTED → IN_NOTICE (both offices approved) or RETURNED
 * (either returned it); IN_NOTICE → FINAL — and refuses any other move.
 */
record Recognition(long id, long collegeId, int cohort, RecognitionStatus status, Long approvalId, Long noticeId,
        LocalDate finalOn, String returnReason, String submittedBy, Instant submittedAt, long submittedByAccount,
        int students) {

    /** Refuses a decision on a list that waits for none. */
    void requireWaiting() {
        if (status != RecognitionStatus.SUBMITTED || approvalId == null) {
            throw BusinessException.conflict("recognition.not-waiting");
        }
    }

    /** Whether its notice's finality still has something to write. */
    boolean inNotice() {
        return status == RecognitionStatus.IN_NOTICE;
    }

    /** Refuses a move its status does not allow. */
    void requireMayBecome(RecognitionStatus next) {
        boolean allowed = switch (status) {
            case SUBMITTED -> next == RecognitionStatus.IN_NOTICE || next == RecognitionStatus.RETURNED;
            case IN_NOTICE -> next == RecognitionStatus.FINAL;
            case RETURNED, FINAL -> false;
        };
        if (!allowed) {
            throw BusinessException.conflict("recognition.changed-meanwhile");
        }
    }
}
