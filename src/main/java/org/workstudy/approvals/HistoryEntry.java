package org.workstudy.approvals;

import java.time.Instant;

/**
 * One step of a subject's lifecycle, oldest first: what happened ({@code action}, the subject's word: "submitted",
 * "counselor-approved", "published"…), the subject's status after it, who, when and why. A decision's entry names its
 * step and request.
 */
public record HistoryEntry(long id, Long requestId, String stepName, String action, String status, String actor,
        String reason, Instant at) {
}
