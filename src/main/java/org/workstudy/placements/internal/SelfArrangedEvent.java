package org.workstudy.placements.internal;

import java.time.Instant;

import org.workstudy.placements.SelfArrangedStatus;

/** One step in the history of a registration: submitted, approved, returned, certificate uploaded, verified... */
public record SelfArrangedEvent(Instant at, String actor, String action, SelfArrangedStatus status, String reason) {
}
