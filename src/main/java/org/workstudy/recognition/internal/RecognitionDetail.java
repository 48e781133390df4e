package org.workstudy.recognition.internal;

import java.util.List;

import org.workstudy.approvals.DecisionView;

/** A list with its students and the offices' decisions; {@code mayDecide}: the reader may approve or return it now. */
public record RecognitionDetail(RecognitionView recognition, List<RecognitionItemView> items,
        List<DecisionView> decisions, boolean mayDecide) {

    public RecognitionDetail {
        items = List.copyOf(items);
        decisions = List.copyOf(decisions);
    }
}
