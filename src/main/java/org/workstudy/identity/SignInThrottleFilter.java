package org.workstudy.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.workstudy.shared.ProblemJson;
import org.workstudy.identity.internal.SignInThrottle;

/**
 * Refuses a sign-in attempt (the login form's POST, or an API call with HTTP Basic) while its client is throttled
 * for the username it names, before any password is checked. The answer is the same whether the account exists.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final Clock clock;

    SignInThrottleFilter(SignInThrottle throttle, Clock clock) {
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean form = "POST".equals(request.getMethod()) && path.equals("/login");
        String username = form ? request.getParameter("username") : basicUsername(request);
        Optional<Instant> until = username == null ? Optional.empty()
                : throttle.blockedUntil(username, request.getRemoteAddr());
        if (until.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (Duration.between(clock.instant(), until.get()).toMillis() + 999) / 1000);
        response.setHeader("Retry-After", String.valueOf(seconds));
        if (form) {
            response.sendRedirect(request.getContextPath() + "/login?error=throttled");
            return;
        }
        response.setStatus(429);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ProblemJson.of("urn:workstudy:signin.throttled", "Too Many Requests", 429,
                "Too many failed sign-ins from this address: try again in " + seconds + " seconds.",
                "retryAfterSeconds", seconds));
    }

    private static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
