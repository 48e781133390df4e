package org.workstudy.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Service;
import org.workstudy.identity.internal.AccountSelfService;

/** {@link AccountSelfService} over the sign-in machinery: sessions, principals and activations of this package. */
@Service
class OwnAccount implements AccountSelfService {

    private final Accounts accounts;
    private final SignedInSessions sessions;
    private final Activations activations;
    private final AccountDetailsService details;

    OwnAccount(Accounts accounts, SignedInSessions sessions, Activations activations,
            AccountDetailsService details) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.activations = activations;
        this.details = details;
    }

    @Override
    public Activations.Check checkActivation(String username, String code) {
        return activations.check(username, code);
    }

    @Override
    public java.util.Optional<String[]> startedActivation(HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        Object started = session == null ? null : session.getAttribute(ActivationSignInFilter.STARTED);
        if (started instanceof ActivationSignInFilter.Started s) {
            session.removeAttribute(ActivationSignInFilter.STARTED);
            return java.util.Optional.of(new String[] {s.username(), s.code()});
        }
        return java.util.Optional.empty();
    }

    @Override
    public void activate(String username, String code, String password, HttpServletRequest request,
            HttpServletResponse response) {
        activations.activate(username, code, password);
        AccountPrincipal principal = (AccountPrincipal) details.loadUserByUsername(username.strip());
        principal.eraseCredentials();
        request.getSession(true);
        request.changeSessionId();
        sessions.replace(principal, request, response);
    }

    @Override
    public boolean mustChangePassword() {
        return sessions.principal().mustChangePassword();
    }

    @Override
    public void changePassword(String current, String next, HttpServletRequest request,
            HttpServletResponse response) {
        AccountPrincipal principal = sessions.principal();
        accounts.changePassword(principal.currentUser().accountId(), current, next);
        sessions.replace(principal.passwordChanged(), request, response);
    }

    @Override
    public void switchRole(Role role, HttpServletRequest request, HttpServletResponse response) {
        sessions.replace(sessions.principal().actingAs(role), request, response);
    }
}
