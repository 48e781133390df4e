package org.workstudy.exemptions.internal;

import java.time.Instant;

/** One step of an application's history: submitted, a decision with its reason, published, revoked, final. */
public record ExemptionEvent(Instant at, String actor, String action, ExemptionStatus status, String reason) {
}
