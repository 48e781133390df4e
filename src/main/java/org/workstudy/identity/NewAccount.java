package org.workstudy.identity;

import java.util.List;

/**
 * An account to create. Without a password ({@link #awaitingActivation}) the person activates it with a one-time
 * code and chooses a password then (a roster import, a new student); an initial password is one an administrator
 * chose, which the person must change at first sign-in (a new staff member, an employer's contact).
 */
public record NewAccount(String username, String displayName, String password, boolean initialPassword,
        List<Grant> grants) {

    public NewAccount {
        grants = List.copyOf(grants);
    }

    /** An account that has no password until its holder activates it with a code. */
    public static NewAccount awaitingActivation(String username, String displayName, List<Grant> grants) {
        return new NewAccount(username, displayName, null, true, grants);
    }

    public boolean awaitsActivation() {
        return password == null;
    }
}
