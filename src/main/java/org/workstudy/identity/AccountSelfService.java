package org.workstudy.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Service;

/** What a signed-in person does to their own account: change the password, switch the active role. */
@Service
public class AccountSelfService {

    private final Accounts accounts;
    private final SignedInSessions sessions;

    AccountSelfService(Accounts accounts, SignedInSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    public boolean mustChangePassword() {
        return sessions.principal().mustChangePassword();
    }

    public void changePassword(String current, String next, HttpServletRequest request,
            HttpServletResponse response) {
        AccountPrincipal principal = sessions.principal();
        accounts.changePassword(principal.currentUser().accountId(), current, next);
        sessions.replace(principal.passwordChanged(), request, response);
    }

    public void switchRole(Role role, HttpServletRequest request, HttpServletResponse response) {
        sessions.replace(sessions.principal().actingAs(role), request, response);
    }
}
