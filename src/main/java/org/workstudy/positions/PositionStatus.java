package org.workstudy.positions;

/** Where a position is in its review lifecycle. Students see and apply only to PUBLISHED ones. */
public enum PositionStatus {
    DRAFT, SUBMITTED, APPROVED, PUBLISHED, CLOSED, CANCELLED;

    /** CLOSED and CANCELLED are final. */
    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED;
    }
}
