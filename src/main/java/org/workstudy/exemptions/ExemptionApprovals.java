package org.workstudy.exemptions;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.workstudy.approvals.ApprovalDecided;

/**
 * Hears the approvers' decisions on exemption applications. A plain (synchronous) listener: it runs in the deciding
 * transaction, so an application that cannot move undoes the decision.
 */
@Component
class ExemptionApprovals {

    private final ExemptionLifecycle lifecycle;

    ExemptionApprovals(ExemptionLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @EventListener
    void on(ApprovalDecided event) {
        if (event.about(Exemptions.SUBJECT)) {
            lifecycle.decided(event);
        }
    }
}
