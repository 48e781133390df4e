package org.workstudy.recognition.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the system proposes for a college and cohort: every active student not yet recognised and not on a live
 * list, qualifying ones first. {@code recognised} and {@code onLiveList} count the students left out.
 */
public record RecognitionProposal(long collegeId, String collegeName, int cohort, String courseName,
        BigDecimal credits, BigDecimal requiredHours, List<RecognitionCandidate> candidates, int recognised,
        int onLiveList) {

    public RecognitionProposal {
        candidates = List.copyOf(candidates);
    }

    public List<RecognitionCandidate> qualifying() {
        return candidates.stream().filter(RecognitionCandidate::qualifies).toList();
    }

    public List<RecognitionCandidate> notQualifying() {
        return candidates.stream().filter(c -> !c.qualifies()).toList();
    }
}
