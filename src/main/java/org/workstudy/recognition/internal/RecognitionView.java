package org.workstudy.recognition.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.workstudy.identity.Role;

/**
 * A submitted list: college, cohort, status, how many students (still) on it, who submitted it, which offices have
 * approved it so far, the return reason of a returned list, the notice and the day it became final.
 */
public record RecognitionView(long id, long collegeId, String collegeName, int cohort, RecognitionStatus status,
        int students, String submittedBy, Instant submittedAt, Set<Role> approvedBy, String returnReason,
        Long noticeId, LocalDate finalOn) {

    public RecognitionView {
        approvedBy = Set.copyOf(approvedBy);
    }
}
