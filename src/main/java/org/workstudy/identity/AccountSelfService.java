package org.workstudy.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Service;

/**
 * What a person does to their own account: activate it with a code (and be signed in), change the password, switch
 * the active role.
 */
@Service
public class AccountSelfService {

    private final Accounts accounts;
    private final SignedInSessions sessions;
    private final Activations activations;
    private final AccountDetailsService details;

    AccountSelfService(Accounts accounts, SignedInSessions sessions, Activations activations,
            AccountDetailsService details) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.activations = activations;
        this.details = details;
    }

    /** Whether a username and code open an activation (for the page that a sign-in with a code leads to). */
    public Activations.Check checkActivation(String username, String code) {
        return activations.check(username, code);
    }

    /** The username and code a sign-in with a code started with, if any (read once). */
    public java.util.Optional<String[]> startedActivation(HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        Object started = session == null ? null : session.getAttribute(ActivationSignInFilter.STARTED);
        if (started instanceof ActivationSignInFilter.Started s) {
            session.removeAttribute(ActivationSignInFilter.STARTED);
            return java.util.Optional.of(new String[] {s.username(), s.code()});
        }
        return java.util.Optional.empty();
    }

    /**
     * Spends the activation code, sets the chosen password and signs the person in, in a new session (the id changes
     * so that a session fixed before cannot ride on it).
     */
    public void activate(String username, String code, String password, HttpServletRequest request,
            HttpServletResponse response) {
        activations.activate(username, code, password);
        AccountPrincipal principal = (AccountPrincipal) details.loadUserByUsername(username.strip());
        principal.eraseCredentials();
        request.getSession(true);
        request.changeSessionId();
        sessions.replace(principal, request, response);
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
