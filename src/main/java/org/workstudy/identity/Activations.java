package org.workstudy.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.shared.BusinessException;

/**
 * First sign-in without a known password: an account created without one (a roster import, an administrator's new
 * student, a reset) gets a one-time {@link ActivationCode}, printed on the class activation sheet or shown once to
 * whoever issued it. Signing in with the username and the code leads to choosing a password; the code is then spent.
 * A code expires after {@code workstudy.activation.valid-days} (30); issuing a new one replaces the old.
 */
@Service
public class Activations {

    private static final String ENTITY = "account";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PasswordEncoder passwords;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration validity;

    Activations(JdbcClient jdbc, JdbcTemplate batch, PasswordEncoder passwords, Accounts accounts, AuditTrail audit,
            Clock clock, @Value("${workstudy.activation.valid-days:30}") int validDays) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.passwords = passwords;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.validity = Duration.ofDays(validDays);
    }

    /** A code as issued: shown or printed once, never stored in the clear. */
    public record IssuedCode(long accountId, String code, ZonedDateTime expiresAt) {
    }

    /** What a username and a typed code amount to. */
    public enum Check {
        VALID, EXPIRED, WRONG
    }

    /**
     * Issues a new code to each account that has not set a password, replacing any earlier code (which then no longer
     * works); accounts with a password are skipped. Audited per account with the reason ("class-sheet", "student").
     */
    @Transactional
    public Map<Long, IssuedCode> issue(Collection<Long> accountIds, String reason) {
        Set<Long> waiting = awaitingActivation(accountIds);
        Instant now = clock.instant();
        ZonedDateTime expires = now.plus(validity).atZone(clock.getZone());
        Map<Long, IssuedCode> issued = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (Long id : accountIds) {
            if (waiting.contains(id) && !issued.containsKey(id)) {
                String code = ActivationCode.generate();
                issued.put(id, new IssuedCode(id, code, expires));
                rows.add(new Object[] {id, ActivationCode.hash(code), offset(now), expires.toOffsetDateTime()});
            }
        }
        inChunks(new ArrayList<>(issued.keySet()), chunk -> jdbc.sql(
                "DELETE FROM identity_activation WHERE account_id IN (:ids)").param("ids", chunk).update());
        inChunks(rows, chunk -> batch.batchUpdate("INSERT INTO identity_activation (account_id, code_hash, issued_at,"
                + " expires_at) VALUES (?,?,?,?)", chunk));
        Map<Object, Object> trail = new LinkedHashMap<>();
        issued.values().forEach(c -> trail.put(c.accountId(), Map.of("reason", reason, "expiresAt",
                c.expiresAt().toString())));
        audit.recordAll(ENTITY, "issue-activation-code", trail);
        return issued;
    }

    /** The accounts among these that have not set a password yet. */
    public Set<Long> awaitingActivation(Collection<Long> accountIds) {
        Set<Long> waiting = new HashSet<>();
        inChunks(List.copyOf(new HashSet<>(accountIds)), chunk -> waiting.addAll(jdbc.sql(
                        "SELECT id FROM identity_account WHERE password_hash IS NULL AND id IN (:ids)")
                .param("ids", chunk).query(Long.class).list()));
        return waiting;
    }

    /**
     * An administrator's reset: the password is removed (the person can no longer sign in with it), any lock lifted,
     * and a new code issued, to be handed over by the administrator.
     */
    @Transactional
    public IssuedCode reset(long accountId) {
        accounts.find(accountId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        jdbc.sql("UPDATE identity_account SET password_hash = NULL, must_change_password = TRUE, failed_logins = 0,"
                + " locked_until = NULL WHERE id = ?").param(accountId).update();
        audit.record(ENTITY, accountId, "reset-password", Map.of("password", "reset"));
        return issue(List.of(accountId), "reset").get(accountId);
    }

    /** Whether the username and code open an activation; says nothing of accounts without a live code. */
    public Check check(String username, String code) {
        return pending(username).map(p -> p.check(code, clock.instant())).orElse(Check.WRONG);
    }

    /**
     * Spends the code and sets the chosen password; returns the account id. A wrong or expired code, a disabled or
     * locked account, or a password that breaks {@link PasswordRules} is refused and nothing changes. A wrong code
     * counts as a failed sign-in towards the lock.
     */
    @Transactional(noRollbackFor = BusinessException.class)
    public long activate(String username, String code, String password) {
        Pending p = pending(username).orElse(null);
        Check check = p == null ? Check.WRONG : p.check(code, clock.instant());
        if (check == Check.WRONG || !p.enabled() || p.locked(clock.instant())) {
            if (p != null && p.enabled()) {
                accounts.loginFailed(p.username());
            }
            throw BusinessException.invalid(p != null && p.locked(clock.instant()) ? "identity.activation.locked"
                    : "identity.activation.wrong");
        }
        if (check == Check.EXPIRED) {
            throw BusinessException.invalid("identity.activation.expired");
        }
        PasswordRules.check(p.username(), password);
        // the DELETE is the spend: of two sign-ins racing with one code, only one deletes the row
        int spent = jdbc.sql("DELETE FROM identity_activation WHERE account_id = ? AND code_hash = ?")
                .params(p.accountId(), p.codeHash()).update();
        if (spent != 1) {
            throw BusinessException.invalid("identity.activation.wrong");
        }
        jdbc.sql("UPDATE identity_account SET password_hash = ?, must_change_password = FALSE, failed_logins = 0,"
                + " locked_until = NULL WHERE id = ?").params(passwords.encode(password), p.accountId()).update();
        audit.record(ENTITY, p.accountId(), "activate", Map.of("password", "set"));
        return p.accountId();
    }

    /** A typed code against the stored hash and expiry: wrong, expired (from the expiry instant on) or valid. */
    static Check check(String typed, String storedHash, Instant expiresAt, Instant now) {
        if (!ActivationCode.matches(typed, storedHash)) {
            return Check.WRONG;
        }
        return now.isBefore(expiresAt) ? Check.VALID : Check.EXPIRED;
    }

    private Optional<Pending> pending(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT a.id, a.username, a.enabled, a.locked_until, v.code_hash, v.expires_at"
                        + " FROM identity_account a JOIN identity_activation v ON v.account_id = a.id"
                        + " WHERE lower(a.username) = lower(?) AND a.password_hash IS NULL")
                .param(username.strip())
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .optional();
    }

    private record Pending(long accountId, String username, boolean enabled, Instant lockedUntil, String codeHash,
            Instant expiresAt) {

        Check check(String code, Instant now) {
            return Activations.check(code, codeHash, expiresAt, now);
        }

        boolean locked(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private OffsetDateTime offset(Instant instant) {
        return instant.atZone(clock.getZone()).toOffsetDateTime();
    }

    private static <T> void inChunks(List<T> items, java.util.function.Consumer<List<T>> action) {
        for (int from = 0; from < items.size(); from += 1000) {
            action.accept(items.subList(from, Math.min(items.size(), from + 1000)));
        }
    }
}
