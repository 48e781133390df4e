package org.workstudy.identity.internal;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.workstudy.identity.Activations;
import org.workstudy.identity.Role;

/**
 * What a person does to their own account: activate it with a code (and be signed in), change the password, switch
 * the active role. For identity's own pages; implemented in the root beside the sign-in machinery it uses.
 */
public interface AccountSelfService {

    /** Whether a username and code open an activation (for the page that a sign-in with a code leads to). */
    Activations.Check checkActivation(String username, String code);

    /** The username and code a sign-in with a code started with, if any (read once). */
    Optional<String[]> startedActivation(HttpServletRequest request);

    /**
     * Spends the activation code, sets the chosen password and signs the person in, in a new session (the id changes
     * so that a session fixed before cannot ride on it).
     */
    void activate(String username, String code, String password, HttpServletRequest request,
            HttpServletResponse response);

    /** Whether the signed-in person must choose a new password before anything else. */
    boolean mustChangePassword();

    /** Changes the signed-in person's password, keeping them signed in. */
    void changePassword(String current, String next, HttpServletRequest request, HttpServletResponse response);

    /** Acts in another of the signed-in person's roles from now on. */
    void switchRole(Role role, HttpServletRequest request, HttpServletResponse response);
}
