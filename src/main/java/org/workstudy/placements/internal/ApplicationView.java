package org.workstudy.placements.internal;

import java.time.Instant;
import org.workstudy.placements.ApplicationStatus;

/** An application with what its readers need: position, employer, student and class. */
public record ApplicationView(long id, long positionId, String positionTitle, String employerName, long studentId,
        String studentNo, String studentName, String className, ApplicationStatus status, Instant appliedAt,
        Instant decidedAt, String reason, Integer waitPosition) {
}
