package org.workstudy.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.internal.SingleSignOn;

/**
 * Single sign-on with the school's identity system (统一身份认证), over CAS 3 or OpenID Connect: the identity it
 * vouches for (the 学号 or 工号, from a configurable attribute or claim) is the username of an existing WorkStudy
 * account. Nobody is created on the way: an unknown or disabled account is refused with a page that says so. The
 * account need not have a local password (students never activate one); local passwords stay for employers and as a
 * fallback. Every sign-in and refusal is in the audit trail.
 */
@Service
class SsoSignIn implements SingleSignOn {

    static final String REFUSAL = SsoSignIn.class.getName() + ".REFUSAL";
    private static final String ENTITY = "account";

    private final Accounts accounts;
    private final AccountDetailsService details;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ObjectProvider<ClientRegistrationRepository> oidc;
    private final boolean casEnabled;
    private final String casServerUrl;
    private final String casServiceUrl;

    SsoSignIn(Accounts accounts, AccountDetailsService details, AuditTrail audit, TransactionTemplate tx, Clock clock,
            ObjectProvider<ClientRegistrationRepository> oidc,
            @Value("${workstudy.sso.cas.enabled:false}") boolean casEnabled,
            @Value("${workstudy.sso.cas.server-url:}") String casServerUrl,
            @Value("${workstudy.sso.cas.service-url:}") String casServiceUrl) {
        this.accounts = accounts;
        this.details = details;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.oidc = oidc;
        this.casEnabled = casEnabled;
        this.casServerUrl = casServerUrl.replaceAll("/+$", "");
        this.casServiceUrl = casServiceUrl;
    }

    /** The sign-in buttons of the login page: none unless CAS or an OpenID Connect provider is configured. */
    @Override
    public List<Option> options() {
        List<Option> options = new ArrayList<>();
        if (casEnabled) {
            options.add(new Option("cas", casServerUrl + "/login?service="
                    + URLEncoder.encode(casServiceUrl, StandardCharsets.UTF_8), null));
        }
        ClientRegistrationRepository registrations = oidc.getIfAvailable();
        if (registrations instanceof Iterable<?> all) {
            for (Object r : all) {
                ClientRegistration registration = (ClientRegistration) r;
                options.add(new Option("oidc-" + registration.getRegistrationId(),
                        "/oauth2/authorization/" + registration.getRegistrationId(),
                        options.isEmpty() ? null : registration.getClientName()));
            }
        }
        return options;
    }

    /** The refusal of the last single sign-on attempt of this browser, read once. */
    @Override
    public Optional<Refusal> takeRefusal(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object refusal = session == null ? null : session.getAttribute(REFUSAL);
        if (refusal instanceof Refusal r) {
            session.removeAttribute(REFUSAL);
            return Optional.of(r);
        }
        return Optional.empty();
    }

    /**
     * The account the identity system vouched for, signed in without a local password check; refused (and audited)
     * when the identity is missing, unknown or disabled.
     */
    AccountPrincipal signIn(String externalId, String via) {
        String id = externalId == null ? "" : externalId.strip();
        if (id.isEmpty()) {
            throw refuse("missing", id, via);
        }
        Optional<Accounts.StoredCredentials> account = id.length() > 100 ? Optional.empty() : accounts.credentials(id);
        if (account.isEmpty()) {
            throw refuse("unknown", id, via);
        }
        if (!account.get().enabled()) {
            throw refuse("disabled", id, via);
        }
        AccountPrincipal loaded = (AccountPrincipal) details.loadUserByUsername(account.get().username());
        if (loaded.currentUser().activeRole() == null) {
            throw refuse("no-role", id, via);
        }
        Map<String, Object> trail = new LinkedHashMap<>();
        trail.put("via", via);
        trail.put("externalId", id);
        tx.executeWithoutResult(s -> audit.record(ENTITY, account.get().id(), "sso-signin", trail));
        // The identity system checked the person: no local password to set, no local throttle or lock to pass.
        return new AccountPrincipal(loaded.currentUser(), null, true, null, false, clock.instant());
    }

    private SsoRefusedException refuse(String reason, String id, String via) {
        String shown = id.length() > 64 ? id.substring(0, 64) : id;
        Map<String, Object> trail = new LinkedHashMap<>();
        trail.put("via", via);
        trail.put("externalId", shown);
        trail.put("reason", reason);
        tx.executeWithoutResult(s -> audit.record(ENTITY, shown.isEmpty() ? "-" : shown, "sso-refused", trail));
        return new SsoRefusedException(new Refusal(reason, shown));
    }
}
