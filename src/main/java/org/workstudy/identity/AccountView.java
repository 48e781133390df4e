package org.workstudy.identity;

import java.time.Instant;
import java.util.List;

/** An account as administrators see it: never its password; awaiting activation while it has none. */
public record AccountView(long id, String username, String displayName, boolean enabled, boolean mustChangePassword,
        int failedLogins, Instant lockedUntil, List<Grant> grants, boolean awaitingActivation) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
