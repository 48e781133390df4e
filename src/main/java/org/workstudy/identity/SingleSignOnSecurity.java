package org.workstudy.identity;

import java.util.Map;

import org.apereo.cas.client.validation.Assertion;
import org.apereo.cas.client.validation.Cas30ServiceTicketValidator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.cas.ServiceProperties;
import org.springframework.security.cas.authentication.CasAuthenticationProvider;
import org.springframework.security.cas.userdetails.AbstractCasAssertionUserDetailsService;
import org.springframework.security.cas.web.CasAuthenticationFilter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.workstudy.identity.internal.SingleSignOn;

/**
 * Adds single sign-on to the pages' filter chain when configured: CAS 3 ({@code workstudy.sso.cas.*}; the identity
 * system sends the browser back to {@code /login/cas?ticket=…}, validated at its {@code /p3/serviceValidate}) and
 * OpenID Connect (a Spring Boot client registration, {@code spring.security.oauth2.client.*}; back at
 * {@code /login/oauth2/code/<id>}). Both end in the same session as a password sign-in ({@link SsoSignIn}).
 */
@Component
class SingleSignOnSecurity {

    private final SsoSignIn singleSignOn;
    private final SignedInSessions sessions;
    private final ObjectProvider<ClientRegistrationRepository> oidc;
    private final boolean casEnabled;
    private final String casServerUrl;
    private final String casServiceUrl;
    private final String casAttribute;
    private final String oidcClaim;

    SingleSignOnSecurity(SsoSignIn singleSignOn, SignedInSessions sessions,
            ObjectProvider<ClientRegistrationRepository> oidc,
            @Value("${workstudy.sso.cas.enabled:false}") boolean casEnabled,
            @Value("${workstudy.sso.cas.server-url:}") String casServerUrl,
            @Value("${workstudy.sso.cas.service-url:}") String casServiceUrl,
            @Value("${workstudy.sso.cas.username-attribute:}") String casAttribute,
            @Value("${workstudy.sso.oidc.username-claim:preferred_username}") String oidcClaim) {
        this.singleSignOn = singleSignOn;
        this.sessions = sessions;
        this.oidc = oidc;
        this.casEnabled = casEnabled;
        this.casServerUrl = casServerUrl.replaceAll("/+$", "");
        this.casServiceUrl = casServiceUrl;
        this.casAttribute = casAttribute;
        this.oidcClaim = oidcClaim;
        if (casEnabled && (!StringUtils.hasText(casServerUrl) || !StringUtils.hasText(casServiceUrl))) {
            throw new IllegalStateException("workstudy.sso.cas.enabled=true needs workstudy.sso.cas.server-url (the"
                    + " CAS server, e.g. https://cas.example.edu.cn/cas) and workstudy.sso.cas.service-url (this"
                    + " application's https://…/login/cas)");
        }
    }

    void configure(HttpSecurity http) throws Exception {
        if (casEnabled) {
            http.addFilterBefore(casFilter(), UsernamePasswordAuthenticationFilter.class);
        }
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(oidcUsers()))
                    .successHandler(success())
                    .failureHandler(failure()));
        }
    }

    private CasAuthenticationFilter casFilter() {
        ServiceProperties service = new ServiceProperties();
        service.setService(casServiceUrl);
        service.afterPropertiesSet();
        CasAuthenticationProvider provider = new CasAuthenticationProvider();
        provider.setServiceProperties(service);
        provider.setTicketValidator(new Cas30ServiceTicketValidator(casServerUrl));
        provider.setAuthenticationUserDetailsService(new AbstractCasAssertionUserDetailsService() {
            @Override
            protected UserDetails loadUserDetails(Assertion assertion) {
                return singleSignOn.signIn(casIdentity(assertion), "cas");
            }
        });
        provider.setKey("workstudy-cas");
        provider.afterPropertiesSet();
        CasAuthenticationFilter filter = new CasAuthenticationFilter();
        filter.setServiceProperties(service);
        filter.setAuthenticationManager(new ProviderManager(provider));
        filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
        filter.setSecurityContextRepository(new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository()));
        filter.setAuthenticationSuccessHandler(success());
        filter.setAuthenticationFailureHandler(failure());
        return filter;
    }

    /** The 学号/工号: the CAS user itself, or one of its attributes when so configured. */
    private String casIdentity(Assertion assertion) {
        if (!StringUtils.hasText(casAttribute)) {
            return assertion.getPrincipal().getName();
        }
        Map<String, Object> attributes = assertion.getPrincipal().getAttributes();
        Object value = attributes == null ? null : attributes.get(casAttribute);
        if (value instanceof java.util.List<?> list) {
            value = list.isEmpty() ? null : list.get(0);
        }
        return value == null ? null : value.toString();
    }

    private OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Object id = user.getClaims().get(oidcClaim);
            AccountPrincipal principal = singleSignOn.signIn(id == null ? null : id.toString(),
                    "oidc:" + request.getClientRegistration().getRegistrationId());
            return new SsoOidcUser(user, principal);
        };
    }

    /** Keeps the account (not the identity system's token) in the session, as after a password sign-in. */
    private AuthenticationSuccessHandler success() {
        SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();
        target.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            Object p = authentication.getPrincipal();
            AccountPrincipal principal = p instanceof SsoOidcUser user ? user.principal() : (AccountPrincipal) p;
            sessions.replace(principal, request, response);
            target.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static AuthenticationFailureHandler failure() {
        return (request, response, exception) -> {
            SingleSignOn.Refusal refusal = exception instanceof SsoRefusedException refused ? refused.refusal()
                    : new SingleSignOn.Refusal("failed", "");
            request.getSession(true).setAttribute(SsoSignIn.REFUSAL, refusal);
            response.sendRedirect(request.getContextPath() + "/login/sso-refused");
        };
    }
}
