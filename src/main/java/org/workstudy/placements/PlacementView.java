package org.workstudy.placements;

import java.time.Instant;

/**
 * A student on a position. {@code endedAt} is when the placement ended (null while it holds) and
 * {@code endedReason} why: {@code withdrawn} (the student withdrew) or the reason the position was cancelled (取消).
 */
public record PlacementView(long id, long positionId, String positionTitle, String employerName, long studentId,
        String studentNo, String studentName, PlacementSource source, Instant createdAt, String createdBy,
        Instant endedAt, String endedReason) {

    /** The code stored when the student withdrew. */
    public static final String WITHDRAWN = "withdrawn";

    /** The day the placement ended, in the school's time zone (Asia/Shanghai). */
    public java.time.LocalDate endedOn() {
        return endedAt == null ? null : java.time.LocalDate.ofInstant(endedAt, java.time.ZoneId.of("Asia/Shanghai"));
    }

    public boolean active() {
        return endedAt == null;
    }

    /** The cancellation reason to show, when the position was cancelled under the student (null otherwise). */
    public String cancellationReason() {
        return endedAt == null || endedReason == null || WITHDRAWN.equals(endedReason) ? null : endedReason;
    }
}
