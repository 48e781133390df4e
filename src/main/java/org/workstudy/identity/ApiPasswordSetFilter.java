package org.workstudy.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API serves only accounts whose holder has chosen their password: one still holding an initial password given
 * by someone else (a new staff member, an employer's contact) is refused with 403 until it is changed on the pages.
 * (Accounts awaiting activation have no password at all, so HTTP Basic already refuses them with 401.)
 */
class ApiPasswordSetFilter extends OncePerRequestFilter {

    static final String DETAIL = "This account has not set its own password yet: sign in on the web pages and set one"
            + " first (该账户尚未设置自己的密码，请先在网页登录并设置密码)。";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p && p.mustChangePassword()) {
            SecurityConfig.problem(response, 403, "Password not set", DETAIL);
            return;
        }
        chain.doFilter(request, response);
    }
}
