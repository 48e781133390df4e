package org.workstudy.approvals;

import java.time.Instant;

import org.workstudy.identity.Role;

/** One decision of the history: step number (from 1), the approver's role, approve or return, reason, who, when. */
public record DecisionView(long id, long requestId, int step, Role role, boolean approved, String reason,
        String decidedBy, Instant decidedAt) {
}
