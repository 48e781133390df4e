package org.workstudy.audit.internal;

import java.time.Instant;

/** One line of the trail; {@code changes} is a JSON object of field → value, or field → [before, after]. */
public record AuditEntry(long id, Instant at, String actor, String action, String entityType, String entityId,
        String changes) {
}
