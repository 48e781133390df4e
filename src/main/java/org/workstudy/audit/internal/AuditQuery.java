package org.workstudy.audit.internal;

import java.time.LocalDate;

/** What an administrator searches the trail by; every part is optional. */
public record AuditQuery(String actor, String entityType, String entityId, String action, LocalDate from,
        LocalDate to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
