package org.workstudy.approvals;

/**
 * An approver decided on a step. {@code finished} is true when the request ended with this decision: the last
 * step approved, or any return.
 */
public record ApprovalDecided(long requestId, String subjectType, long subjectId, int step, boolean approved,
        boolean finished) {
}
