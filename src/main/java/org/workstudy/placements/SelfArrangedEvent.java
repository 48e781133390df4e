package org.workstudy.placements;

import java.time.Instant;

/** One step in the history of a registration: submitted, approved, returned, certificate uploaded, verified... */
public record SelfArrangedEvent(Instant at, String actor, String action, SelfArrangedStatus status, String reason) {
}
