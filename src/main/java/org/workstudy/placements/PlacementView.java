package org.workstudy.placements;

import java.time.Instant;

public record PlacementView(long id, long positionId, String positionTitle, String employerName, long studentId,
        String studentNo, String studentName, PlacementSource source, Instant createdAt, String createdBy,
        Instant endedAt) {

    public boolean active() {
        return endedAt == null;
    }
}
