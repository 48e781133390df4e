package org.workstudy.audit.web;

import java.util.List;

import org.workstudy.audit.internal.AuditEntry;

/**
 * One line of the trail as the page shows it: the entry, the actor's name (null for the system or an unknown
 * account) and the changes as field lines; {@code raw} is the recorded text when it could not be read as fields.
 */
record AuditLine(AuditEntry entry, String actorName, boolean system, List<Change> changes, String raw) {

    /** A field's value ({@code before} null) or a change from {@code before} to {@code after}. */
    record Change(String field, String before, String after, boolean changed) {
    }
}
