package org.workstudy.approvals;

import java.time.Instant;

/** A request whose current step waits for the user (in their active role). */
public record PendingApproval(long requestId, String subjectType, long subjectId, int step, Instant createdAt) {
}
