package org.workstudy.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;

/**
 * Sign-in throttling per account AND client, instead of an account lock that anyone could trigger. After
 * {@code workstudy.security.max-failed-logins} failures from one client (IP address) for one username, that client
 * may not try that username again for {@code workstudy.security.throttle-first-seconds}, doubling with each further
 * failure up to {@code workstudy.security.lock-minutes}. Other clients — the account's owner at their desk — are not
 * affected. Unknown usernames are throttled exactly like known ones, so neither the answer nor its timing tells
 * which accounts exist. Failures and blocks go to the audit trail; an administrator sees and clears them on the
 * account's page.
 */
@Service
public class SignInThrottle {

    /** A throttle row as an administrator sees it. */
    public record Entry(String username, String client, int failures, Instant blockedUntil, Instant lastFailureAt) {

        public boolean blockedAt(Instant now) {
            return blockedUntil != null && blockedUntil.isAfter(now);
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final int freeFailures;
    private final Duration first;
    private final Duration longest;

    SignInThrottle(JdbcClient jdbc, AuditTrail audit, Clock clock,
            @Value("${workstudy.security.max-failed-logins:5}") int freeFailures,
            @Value("${workstudy.security.throttle-first-seconds:30}") int firstSeconds,
            @Value("${workstudy.security.lock-minutes:15}") int longestMinutes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.first = Duration.ofSeconds(firstSeconds);
        this.longest = Duration.ofMinutes(longestMinutes);
    }

    /** Until when this client may not try this username, if it is blocked now. */
    public Optional<Instant> blockedUntil(String username, String client) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT blocked_until FROM idn_signin_throttle WHERE username = ? AND client = ?")
                .params(key(username), client(client)).query(OffsetDateTime.class).optional()
                .map(OffsetDateTime::toInstant).filter(until -> until.isAfter(now));
    }

    /** Counts a failed sign-in; from the free failures on, blocks the client for a growing time. */
    @Transactional
    public void failed(String username, String client) {
        String user = key(username);
        String from = client(client);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int failures = jdbc.sql("INSERT INTO idn_signin_throttle (username, client, failures, last_failure_at)"
                        + " VALUES (?,?,1,?) ON CONFLICT (username, client) DO UPDATE"
                        + " SET failures = idn_signin_throttle.failures + 1, last_failure_at = EXCLUDED.last_failure_at"
                        + " RETURNING failures")
                .params(user, from, now).query(Integer.class).single();
        Map<String, Object> trail = new LinkedHashMap<>();
        trail.put("username", user);
        trail.put("client", from);
        trail.put("failures", failures);
        audit.record("signin", 0, "signin-failed", trail);
        if (failures >= freeFailures) {
            Duration block = blockFor(failures);
            jdbc.sql("UPDATE idn_signin_throttle SET blocked_until = ? WHERE username = ? AND client = ?")
                    .params(now.plus(block), user, from).update();
            trail.put("seconds", block.toSeconds());
            audit.record("signin", 0, "signin-throttled", trail);
        }
    }

    /** A successful sign-in from this client forgets its failures for the username. */
    @Transactional
    public void succeeded(String username, String client) {
        jdbc.sql("DELETE FROM idn_signin_throttle WHERE username = ? AND client = ?")
                .params(key(username), client(client)).update();
    }

    /** The throttle rows of a username, newest first (for the administrator's account page). */
    public List<Entry> of(String username) {
        return jdbc.sql("SELECT username, client, failures, blocked_until, last_failure_at FROM idn_signin_throttle"
                        + " WHERE username = ? ORDER BY last_failure_at DESC")
                .param(key(username))
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class) == null ? null
                                : rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** An administrator clears every throttle of a username; recorded in the audit trail. */
    @Transactional
    public void clear(String username) {
        int rows = jdbc.sql("DELETE FROM idn_signin_throttle WHERE username = ?").param(key(username)).update();
        audit.record("signin", 0, "signin-throttle-cleared", Map.of("username", key(username), "rows", rows));
    }

    /**
     * Forgets the failures of every client whose last failure is older than {@code age} and that is not blocked now:
     * without it the table keeps a row for every name anyone ever mistyped. Returns how many rows went.
     */
    @Transactional
    public int forgetOlderThan(Duration age) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("DELETE FROM idn_signin_throttle WHERE last_failure_at < ?"
                        + " AND (blocked_until IS NULL OR blocked_until <= ?)")
                .params(now.minus(age), now).update();
    }

    /** The block after {@code failures} failures: the first block, doubled per further failure, at most the longest. */
    Duration blockFor(int failures) {
        int doublings = Math.min(30, failures - freeFailures);
        Duration block = first.multipliedBy(1L << doublings);
        return block.compareTo(longest) > 0 ? longest : block;
    }

    private static String key(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return u.length() > 100 ? u.substring(0, 100) : u; // a key, not stored text: longer names cannot exist
    }

    private static String client(String address) {
        String c = address == null || address.isBlank() ? "unknown" : address.strip();
        return c.length() > 64 ? c.substring(0, 64) : c;
    }
}
