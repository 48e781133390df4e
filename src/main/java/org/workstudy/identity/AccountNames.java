package org.workstudy.identity;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * People's names for pages that show who did something in a record's history (positions, self-arranged work,
 * exemptions), where only the username was kept. Templates call {@code ${@accountNames.nameOf(e.actor)}}; "system"
 * and unknown usernames are shown as they are.
 */
@Component("accountNames")
class AccountNames {

    private final Accounts accounts;

    AccountNames(Accounts accounts) {
        this.accounts = accounts;
    }

    public String nameOf(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return accounts.namesOf(List.of(username)).getOrDefault(username, username);
    }
}
