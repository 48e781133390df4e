package org.workstudy.identity;

import java.util.List;

/**
 * An account to create. An initial password is one the person must change at first login (a roster import, a reset);
 * it is hashed with a cheaper BCrypt cost so that 30,000 students import in seconds, and rehashed at full cost on
 * the change.
 */
public record NewAccount(String username, String displayName, String password, boolean initialPassword,
        List<Grant> grants) {

    public NewAccount {
        grants = List.copyOf(grants);
    }
}
