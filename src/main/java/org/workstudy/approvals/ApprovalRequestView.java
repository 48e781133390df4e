package org.workstudy.approvals;

import java.time.Instant;
import java.util.List;

/**
 * A request with its steps (index 0 = step 1) and where it stands: the current step number while open, or its
 * outcome once closed.
 */
record ApprovalRequestView(long id, String subjectType, long subjectId, String requestedBy, Instant createdAt,
        List<StepSpec> steps, int currentStep, ApprovalOutcome outcome, Instant closedAt) {

    public boolean open() {
        return outcome == null;
    }

    /** The approvers of the current step, or none once closed. */
    public List<Approver> currentApprovers() {
        return open() ? steps.get(currentStep - 1).approvers() : List.of();
    }
}
