package org.workstudy.recognition;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.workstudy.approvals.ApprovalDecided;

/**
 * Hears the two offices' decisions on recognition lists. A plain (synchronous) listener: it runs in the deciding
 * transaction, so a list that cannot move undoes the decision.
 */
@Component
class RecognitionApprovals {

    private final Recognitions recognitions;

    RecognitionApprovals(Recognitions recognitions) {
        this.recognitions = recognitions;
    }

    @EventListener
    void on(ApprovalDecided event) {
        if (event.about(Recognitions.SUBJECT)) {
            recognitions.decided(event);
        }
    }
}
