package org.workstudy.identity.internal;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Single sign-on as the login page shows it: the buttons to offer and why the last attempt was refused. Implemented
 * in the root ({@code identity.SsoSignIn}), which also signs in the account the identity system vouched for.
 */
public interface SingleSignOn {

    /** A way to sign in through the identity system, as the login page offers it. */
    record Option(String id, String href, String label) {
    }

    /** Why a sign-in through the identity system was refused, for the page that tells the person. */
    record Refusal(String reason, String externalId) implements java.io.Serializable {
    }

    /** The sign-in buttons of the login page: none unless CAS or an OpenID Connect provider is configured. */
    List<Option> options();

    /** The refusal of the last single sign-on attempt of this browser, read once. */
    Optional<Refusal> takeRefusal(HttpServletRequest request);
}
