package org.workstudy.positions;

/** A position was published: students may now apply, up to its capacity. */
public record PositionPublished(long positionId, int capacity) {
}
