package org.workstudy.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.context.ApplicationEventPublisher;
import org.workstudy.shared.ProblemJson;
import org.workstudy.identity.internal.SignInThrottle;

/**
 * Two filter chains: the JSON API under /api (personal access tokens as Bearer, or HTTP Basic sent unasked and never
 * challenged; stateless; problem details) and the pages (form login, CSRF, sessions in the database), which also serve the API's description and
 * Swagger UI to signed-in staff. Both send a strict Content-Security-Policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final String[] PUBLIC_PAGES = {"/login", "/webjars/**", "/css/**", "/js/**", "/img/**",
            "/favicon.ico", "/error", "/verify/**", "/activate", "/login/sso-refused"};

    /** Why an API call was not authenticated: also the way for accounts that have no password yet. */
    static final String UNAUTHORIZED = "Send a personal access token (Authorization: Bearer, issued at /account/tokens)"
            + " or your username and password with HTTP Basic. An account that has not set a"
            + " password yet is activated with its code at /activate first (尚未设置密码的账户请先在 /activate 用激活码激活)。";

    /** The OpenAPI document and Swagger UI: served by the pages' chain, so that a signed-in session reads them. */
    static final String[] API_DOCUMENT = {"/api/v1/docs", "/api/v1/docs/**", "/api/v1/openapi", "/api/v1/openapi/**",
            "/api/v1/swagger-ui/**"};

    private static final String[] DOCUMENT_READERS = java.util.Arrays.stream(Role.values())
            .filter(r -> r != Role.STUDENT).map(Role::name).toArray(String[]::new);

    static boolean isApiDocument(String path) {
        return path.equals("/api/v1/docs") || path.startsWith("/api/v1/docs/") || path.equals("/api/v1/openapi")
                || path.startsWith("/api/v1/openapi/") || path.startsWith("/api/v1/swagger-ui/");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    /**
     * Password first, account state after: a locked or disabled account is only mentioned to someone who knows its
     * password, so that a wrong guess answers the same for every username, existing or not.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(AccountDetailsService details, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(details);
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    @Bean
    SignInThrottleFilter signInThrottleFilter(SignInThrottle throttle, java.time.Clock clock) {
        return new SignInThrottleFilter(throttle, clock);
    }

    /** Used inside the security chains only, not as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<SignInThrottleFilter> signInThrottleFilterRegistration(SignInThrottleFilter filter) {
        FilterRegistrationBean<SignInThrottleFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SignInThrottleFilter throttle, PersonalTokens tokens) throws Exception {
        http.securityMatcher(request -> {
                    String path = request.getRequestURI().substring(request.getContextPath().length());
                    return path.startsWith("/api/") && !isApiDocument(path);
                })
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/public/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(apiUnauthorized()))
                .addFilterBefore(throttle, BasicAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .addFilterAfter(new ApiPasswordSetFilter(), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(apiUnauthorized())
                        .accessDeniedHandler((req, res, ex) -> problem(res, 403, "Forbidden", null)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Accounts accounts, Activations activations,
            SignInThrottleFilter throttle, SingleSignOnSecurity singleSignOn) throws Exception {
        singleSignOn.configure(http);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        // The API description and Swagger UI: for signed-in staff (and employers), not the public.
                        .requestMatchers(API_DOCUMENT).hasAnyRole(DOCUMENT_READERS)
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(loginFailure())
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("SESSION")
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(signIn()))
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeFilter(), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new ActivationSignInFilter(activations), UsernamePasswordAuthenticationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * 401 for a caller who did not authenticate; a sign-in that could not be checked at all (the database is
     * unreachable) is passed on as a failure, which {@code web/DatabaseOutage} answers with 503.
     */
    private static AuthenticationEntryPoint apiUnauthorized() {
        return (request, response, exception) -> {
            if (exception instanceof InternalAuthenticationServiceException) {
                throw new jakarta.servlet.ServletException(exception);
            }
            problem(response, 401, "Unauthorized", UNAUTHORIZED);
        };
    }

    /**
     * Sends a visitor who is not signed in to the login page, saying "your session timed out" when the browser came
     * with a session that no longer exists (30 minutes idle, or removed); sign-out deletes the cookie, so that a
     * signed-out visitor is not told so.
     */
    private static AuthenticationEntryPoint signIn() {
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, exception) -> {
            if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            } else {
                login.commence(request, response, exception);
            }
        };
    }

    /**
     * Tells the login page why, the same for every username: "bad" for a wrong name or password. Only someone who
     * gave the right password learns that the account is disabled (the state checks run after the password).
     */
    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> {
            if (exception instanceof InternalAuthenticationServiceException) {
                throw new jakarta.servlet.ServletException(exception); // not "wrong password": see apiUnauthorized
            }
            String reason = exception instanceof DisabledException ? "disabled" : "bad";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }

    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // No "WWW-Authenticate: Basic" challenge: a browser would ask for credentials and then send them with every
        // request to us, cross-site forms included. Programs send their Authorization header unasked.
        response.getWriter().write(ProblemJson.of("about:blank", title, status, detail));
    }
}
