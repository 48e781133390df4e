package org.workstudy.positions;

/** A published (or earlier) position ended: {@code status} is CLOSED or CANCELLED. */
public record PositionClosed(long positionId, PositionStatus status) {
}
