package org.workstudy.positions;

import java.time.Instant;

/**
 * A published (or earlier) position ended: {@code status} is CLOSED or CANCELLED, with the reason given (null for a
 * close without one) and the moment it happened (a cancellation ends the position's placements at that moment).
 */
public record PositionClosed(long positionId, PositionStatus status, String reason, Instant at) {

    public PositionClosed(long positionId, PositionStatus status) {
        this(positionId, status, null, null);
    }
}
