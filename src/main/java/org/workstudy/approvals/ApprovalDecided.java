package org.workstudy.approvals;

import org.workstudy.identity.Role;

/**
 * An approver decided on a step. Published in the deciding transaction; the subject's module hears it with a plain
 * (synchronous) {@code @EventListener}, moves its own record and writes the step's meaning into the history with
 * {@link Approvals#noteDecision}. A listener that fails rolls the decision back. {@code finished} is true when the
 * request ended with this decision: the last step approved, or any return.
 *
 * @param step the step's number, from 1
 * @param stepName the step's name, as the subject opened it ({@link StepSpec#named})
 * @param role the role the approver decided in
 * @param decidedBy the approver's user name
 * @param reason the reason given, trimmed; null when none
 * @param decisionId the decision's row
 */
public record ApprovalDecided(long requestId, String subjectType, long subjectId, int step, String stepName,
        boolean approved, boolean finished, Role role, String decidedBy, String reason, long decisionId) {

    /** Whether the event is about a subject of this type. */
    public boolean about(String type) {
        return subjectType.equals(type);
    }
}
