package org.workstudy.positions;

/** The capacity of a published position was raised (it is never lowered after publishing). */
public record PositionCapacityChanged(long positionId, int capacity) {
}
