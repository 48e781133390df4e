package org.workstudy.positions.internal;

import java.time.Instant;
import org.workstudy.positions.PositionStatus;

/** One step in a position's history: who did what, when, from which status to which, and why. */
public record PositionEvent(long id, Instant at, String actor, String actorName, String action,
        PositionStatus fromStatus, PositionStatus toStatus, String reason) {
}
