package org.workstudy.approvals;

import java.util.List;

/**
 * One step of a request, by name ("counselor", "director", "vice-dean", "joint"): every approver listed must approve
 * (in any order) before the next step begins. The name reaches the subject in {@link ApprovalDecided#stepName()}, so
 * a subject tells its steps apart by name, not by number.
 */
public record StepSpec(String name, List<Approver> approvers) {

    public StepSpec {
        if (name == null || name.isBlank() || name.length() > 40) {
            throw new IllegalArgumentException("a step needs a name of 1 to 40 characters: " + name);
        }
        approvers = List.copyOf(approvers);
        if (approvers.isEmpty() || approvers.stream().map(Approver::role).distinct().count() != approvers.size()) {
            throw new IllegalArgumentException("a step needs approvers of distinct roles: " + approvers);
        }
    }

    /** A named step with one approver, or several in parallel (joint approval: academic and student affairs). */
    public static StepSpec named(String name, Approver... approvers) {
        return new StepSpec(name, List.of(approvers));
    }
}
