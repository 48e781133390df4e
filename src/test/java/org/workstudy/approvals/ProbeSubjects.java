package org.workstudy.approvals;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Two test subjects that hear {@link ApprovalDecided} as subject modules do: "test-failing" cannot move (its
 * listener throws), "test-noted" writes what the decision meant into the history.
 */
@Component
class ProbeSubjects {

    static final String FAILING = "test-failing";
    static final String NOTED = "test-noted";

    private final Approvals approvals;

    ProbeSubjects(Approvals approvals) {
        this.approvals = approvals;
    }

    @EventListener
    void on(ApprovalDecided event) {
        if (event.about(FAILING)) {
            throw new IllegalStateException("the subject cannot move");
        }
        if (event.about(NOTED)) {
            approvals.noteDecision(event, event.approved() ? "approved-here" : "returned-here",
                    event.approved() ? "DONE" : "BACK");
        }
    }
}
