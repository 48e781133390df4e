package org.workstudy.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TextLimits;
import org.workstudy.identity.internal.ApiTokens;

/**
 * Personal access tokens: a signed-in person issues one for a program (a name, an expiry; the token is shown once),
 * which then calls the API with {@code Authorization: Bearer <token>} in the role the person acted in when issuing
 * it. Only the token's SHA-256 is stored: 256 random bits need no slow hash, so a call costs one indexed lookup
 * instead of a BCrypt check, and a checked token is remembered for {@code workstudy.api-tokens.cache-seconds} (30).
 * A token stops working when revoked, expired, its account disabled or reset (no password), or the role taken away.
 * Pages and the API manage tokens through {@link ApiTokens}; the bearer filter checks them with {@link #authenticate}.
 */
@Service
class PersonalTokens implements ApiTokens {

    static final String PREFIX = "wst_";
    static final int MAX_DAYS = 366;
    static final int NAME_MAX = 100;
    private static final int MAX_CACHED = 10_000;
    private static final String ENTITY = "account";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration cacheFor;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    PersonalTokens(JdbcClient jdbc, Accounts accounts, AuditTrail audit, Clock clock,
            @Value("${workstudy.api-tokens.cache-seconds:30}") int cacheSeconds) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.cacheFor = Duration.ofSeconds(cacheSeconds);
    }

    private record Checked(AccountPrincipal principal, Instant until) {
    }

    /**
     * Issues a token acting in the caller's active role. Only a person signed in with their password (page session or
     * HTTP Basic) may: a token cannot issue further tokens, so a stolen token dies with its expiry.
     */
    @Transactional
    @Override
    public IssuedToken issue(CurrentUser user, String name, Integer validDays) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication
                || user.activeRole() == null) {
            throw BusinessException.forbidden();
        }
        String label = TextLimits.require("name", name, NAME_MAX);
        if (label == null || label.isEmpty()) {
            throw BusinessException.invalid("identity.tokens.name-required").field("name");
        }
        int days = validDays == null ? 90 : validDays;
        if (days < 1 || days > MAX_DAYS) {
            throw BusinessException.invalid("identity.tokens.days-range", 1, MAX_DAYS).field("validDays");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(days));
        long id = jdbc.sql("INSERT INTO identity_api_token (account_id, name, role, token_hash, token_hint, created_at,"
                        + " expires_at) VALUES (?,?,?,?,?,?,?) RETURNING id")
                .params(user.accountId(), label, user.activeRole().name(), hash(token), token.substring(0, 8),
                        Timestamp.from(now), Timestamp.from(expires))
                .query(Long.class).single();
        Map<String, Object> trail = new LinkedHashMap<>();
        trail.put("token", id);
        trail.put("name", label);
        trail.put("role", user.activeRole().name());
        trail.put("expiresAt", zoned(expires).toString());
        audit.record(ENTITY, user.accountId(), "api-token-issued", trail);
        return new IssuedToken(id, label, user.activeRole(), token, zoned(expires));
    }

    /** The caller's tokens, newest first, revoked and expired ones included. */
    @Override
    public List<TokenView> of(CurrentUser user) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT id, name, role, token_hint, created_at, expires_at, last_used_at, revoked_at"
                        + " FROM identity_api_token WHERE account_id = ? ORDER BY id DESC")
                .param(user.accountId())
                .query((rs, n) -> view(rs, now)).list();
    }

    /** Revokes one of the caller's own tokens (someone else's is 404); at once on this server. */
    @Transactional
    @Override
    public void revoke(CurrentUser user, long tokenId) {
        Optional<String> hash = jdbc.sql("UPDATE identity_api_token SET revoked_at = coalesce(revoked_at, ?)"
                        + " WHERE id = ? AND account_id = ? RETURNING token_hash")
                .params(Timestamp.from(clock.instant()), tokenId, user.accountId()).query(String.class).optional();
        if (hash.isEmpty()) {
            throw BusinessException.notFound("error.not-found");
        }
        checked.remove(hash.get());
        audit.record(ENTITY, user.accountId(), "api-token-revoked", Map.of("token", tokenId));
    }

    /** The signed-in principal a presented token stands for, if it is live. */
    Optional<AccountPrincipal> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        Instant now = clock.instant();
        Checked known = checked.get(hash);
        if (known != null && known.until().isAfter(now)) {
            return Optional.of(known.principal());
        }
        Optional<AccountPrincipal> principal = load(hash, now);
        if (principal.isPresent()) {
            if (checked.size() >= MAX_CACHED) {
                checked.clear();
            }
            checked.put(hash, new Checked(principal.get(), now.plus(cacheFor)));
        } else {
            checked.remove(hash);
        }
        return principal;
    }

    /** One indexed lookup; it also notes when the token was last used (at most once per cache period). */
    private Optional<AccountPrincipal> load(String hash, Instant now) {
        record Live(long accountId, String username, String displayName, Role role) {
        }
        Optional<Live> live = jdbc.sql("UPDATE identity_api_token t SET last_used_at = ? FROM identity_account a"
                        + " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND a.id = t.account_id"
                        + " AND a.enabled AND a.password_hash IS NOT NULL"
                        + " RETURNING a.id, a.username, a.display_name, t.role")
                .params(Timestamp.from(now), hash, Timestamp.from(now))
                .query((rs, n) -> new Live(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4))))
                .optional();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        List<Grant> grants = accounts.grantsOf(live.get().accountId());
        if (grants.stream().noneMatch(g -> g.role() == live.get().role())) {
            return Optional.empty();
        }
        CurrentUser user = new CurrentUser(live.get().accountId(), live.get().username(), live.get().displayName(),
                live.get().role(), grants);
        return Optional.of(new AccountPrincipal(user, null, true, null, false, now));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private TokenView view(ResultSet rs, Instant now) throws SQLException {
        Instant expires = rs.getTimestamp(6).toInstant();
        Timestamp revoked = rs.getTimestamp(8);
        return new TokenView(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4) + "…",
                zoned(rs.getTimestamp(5).toInstant()), zoned(expires), zoned(rs.getTimestamp(7)), zoned(revoked),
                revoked == null && expires.isAfter(now));
    }

    private ZonedDateTime zoned(Timestamp t) {
        return t == null ? null : zoned(t.toInstant());
    }

    private ZonedDateTime zoned(Instant i) {
        return i.atZone(clock.getZone());
    }
}
