package org.workstudy.placements;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.workstudy.approvals.ApprovalDecided;

/**
 * Hears the approvers' decisions on self-arranged work. A plain (synchronous) listener: it runs in the deciding
 * transaction, so a registration that cannot move undoes the decision.
 */
@Component
class SelfArrangedApprovals {

    private final SelfArrangedLifecycle lifecycle;

    SelfArrangedApprovals(SelfArrangedLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @EventListener
    void on(ApprovalDecided event) {
        if (event.about(SelfArrangedWork.SUBJECT)) {
            lifecycle.decided(event);
        }
    }
}
