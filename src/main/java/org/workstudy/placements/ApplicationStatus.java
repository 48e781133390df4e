package org.workstudy.placements;

import java.util.EnumSet;
import java.util.Set;

/** Where an application stands. PENDING waits for the employer; WAITLISTED for a place to free up. */
public enum ApplicationStatus {
    PENDING, WAITLISTED, ACCEPTED, REJECTED, WITHDRAWN, CANCELLED;

    /** Undecided applications: they count against the student's limit of open applications. */
    public static final Set<ApplicationStatus> OPEN = EnumSet.of(PENDING, WAITLISTED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Statuses a new application on the same position replaces (the student may apply again). */
    public boolean allowsReapplying() {
        return this == WITHDRAWN;
    }
}
