package org.workstudy.placements.internal;

/** Places of a position right now. */
public record SeatCount(long positionId, int capacity, int accepted, int waiting) {

    public int free() {
        return Math.max(0, capacity - accepted);
    }
}
