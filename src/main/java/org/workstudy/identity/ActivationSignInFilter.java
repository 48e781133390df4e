package org.workstudy.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A first sign-in on the login page with the username and an activation code (instead of a password) leads to the
 * activation page, where the person chooses their password. Only a code that belongs to the account does this, so
 * the login page tells nothing about accounts to someone without their code; anything else signs in as usual.
 */
class ActivationSignInFilter extends OncePerRequestFilter {

    /** Session attribute: the username and code a sign-in was started with. */
    static final String STARTED = ActivationSignInFilter.class.getName() + ".started";

    private final Activations activations;

    ActivationSignInFilter(Activations activations) {
        this.activations = activations;
    }

    /** What the activation page needs from the sign-in form. */
    record Started(String username, String code) implements java.io.Serializable {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String username = request.getParameter("username");
        String code = request.getParameter("password");
        if ("POST".equals(request.getMethod()) && path.equals("/login") && ActivationCode.looksLikeCode(code)
                && activations.check(username, code) != Activations.Check.WRONG) {
            request.getSession(true).setAttribute(STARTED, new Started(username.strip(), code));
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/activate");
            return;
        }
        chain.doFilter(request, response);
    }
}
