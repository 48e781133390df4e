package org.workstudy.hours;

import org.workstudy.identity.Role;

/** Who wrote an entry, which decides whether it needs a confirmation before it counts. */
public enum RecorderRole {
    /** The employer of the placement's position: counts once the counselor confirms (by default). */
    EMPLOYER,
    /** The student's counselor (the keeper of the register): counts at once. */
    COUNSELOR,
    /** The student's own report: counts once the employer or the counselor confirms. */
    STUDENT;

    /** The recorder role of a user's active role, if they may write to the ledger at all. */
    public static java.util.Optional<RecorderRole> of(Role role) {
        return switch (role) {
            case EMPLOYER -> java.util.Optional.of(EMPLOYER);
            case COUNSELOR -> java.util.Optional.of(COUNSELOR);
            case STUDENT -> java.util.Optional.of(STUDENT);
            default -> java.util.Optional.empty();
        };
    }
}
