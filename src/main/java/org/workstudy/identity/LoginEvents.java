package org.workstudy.identity;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.workstudy.identity.internal.SignInThrottle;

/**
 * Feeds sign-in outcomes to the per-client throttle (no account lock any more: a lock anyone can trigger is a way to
 * keep the owner out). A success also clears the account's old failure count.
 */
@Component
class LoginEvents {

    private final Accounts accounts;
    private final SignInThrottle throttle;

    LoginEvents(Accounts accounts, SignInThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        throttle.failed(event.getAuthentication().getName(), client(event.getAuthentication().getDetails()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.loginSucceeded(event.getAuthentication().getName());
        throttle.succeeded(event.getAuthentication().getName(), client(event.getAuthentication().getDetails()));
    }

    private static String client(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
