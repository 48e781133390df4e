package org.workstudy.approvals;

import java.util.List;

/** One step of a request: every approver listed must approve (in any order) before the next step begins. */
public record StepSpec(List<Approver> approvers) {

    public StepSpec {
        approvers = List.copyOf(approvers);
        if (approvers.isEmpty() || approvers.stream().map(Approver::role).distinct().count() != approvers.size()) {
            throw new IllegalArgumentException("a step needs approvers of distinct roles: " + approvers);
        }
    }

    public static StepSpec of(Approver approver) {
        return new StepSpec(List.of(approver));
    }

    /** Several approvers in parallel (joint approval, e.g. academic affairs and student affairs). */
    public static StepSpec allOf(Approver... approvers) {
        return new StepSpec(List.of(approvers));
    }
}
