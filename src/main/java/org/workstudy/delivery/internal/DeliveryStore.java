package org.workstudy.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.workstudy.notifications.MessageArgs;
import org.workstudy.shared.SecretCipher;

/**
 * The SQL of the delivery tables (dlv_*); nothing else touches them. The SMTP password, the robots' webhooks and
 * signing secrets are stored encrypted (shared/SecretCipher) and decrypted when read.
 */
@Repository
class DeliveryStore {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    DeliveryStore(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The SMTP server with its password, for sending only. */
    record Smtp(String host, int port, String security, String username, String password, String from) {
    }

    SchoolSettings settings() {
        return jdbc.sql("SELECT email_on, smtp_host, smtp_port, smtp_security, smtp_username,"
                        + " smtp_password IS NOT NULL AND smtp_password <> '', smtp_from, group_on FROM dlv_settings")
                .query((rs, n) -> new SchoolSettings(rs.getBoolean(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getBoolean(8)))
                .single();
    }

    Smtp smtp() {
        return jdbc.sql("SELECT smtp_host, smtp_port, smtp_security, smtp_username, smtp_password, smtp_from"
                        + " FROM dlv_settings")
                .query((rs, n) -> new Smtp(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        cipher.decrypt(rs.getString(5)), rs.getString(6)))
                .single();
    }

    /** Saves the settings; {@code password} null keeps the stored one, empty removes it. */
    void saveSettings(SchoolSettings s, String password, Instant at, String by) {
        jdbc.sql("UPDATE dlv_settings SET email_on = ?, smtp_host = ?, smtp_port = ?, smtp_security = ?,"
                        + " smtp_username = ?, smtp_password = CASE WHEN ?::varchar IS NULL THEN smtp_password"
                        + " ELSE NULLIF(?::varchar, '') END, smtp_from = ?, group_on = ?, updated_at = ?, updated_by = ?")
                .params(s.emailOn(), s.smtpHost(), s.smtpPort(), s.smtpSecurity(), s.smtpUsername(), password,
                        password == null || password.isEmpty() ? password : cipher.encrypt(password), s.smtpFrom(), s.groupOn(), at(at), by)
                .update();
    }

    List<Robot> robots() {
        return jdbc.sql("SELECT id, scope_kind, scope_id, provider, webhook, secret FROM dlv_robot"
                + " ORDER BY scope_kind DESC, scope_id").query(this::robot).list();
    }

    Optional<Robot> robot(String scopeKind, long scopeId) {
        return jdbc.sql("SELECT id, scope_kind, scope_id, provider, webhook, secret FROM dlv_robot"
                + " WHERE scope_kind = ? AND scope_id = ?").params(scopeKind, scopeId).query(this::robot)
                .optional();
    }

    /** Adds or replaces the robot of a class or college. */
    void saveRobot(String scopeKind, long scopeId, Robot.Provider provider, String webhook, String secret) {
        jdbc.sql("INSERT INTO dlv_robot (scope_kind, scope_id, provider, webhook, secret) VALUES (?,?,?,?,?)"
                        + " ON CONFLICT (scope_kind, scope_id) DO UPDATE SET provider = EXCLUDED.provider,"
                        + " webhook = EXCLUDED.webhook, secret = EXCLUDED.secret")
                .params(scopeKind, scopeId, provider.name(), cipher.encrypt(webhook), cipher.encrypt(secret)).update();
    }

    /**
     * Encrypts the SMTP password and robot secrets stored before encryption was introduced (V94); each value only if
     * it is still the one read (two instances starting at once). How many values.
     */
    int encryptPlainSecrets() {
        int n = 0;
        String password = jdbc.sql("SELECT smtp_password FROM dlv_settings").query(String.class).optional()
                .orElse(null);
        if (password != null && !password.isEmpty() && !SecretCipher.isEncrypted(password)) {
            n += jdbc.sql("UPDATE dlv_settings SET smtp_password = ? WHERE smtp_password = ?")
                    .params(cipher.encrypt(password), password).update();
        }
        record Raw(long id, String webhook, String secret) {
        }
        List<Raw> robots = jdbc.sql("SELECT id, webhook, secret FROM dlv_robot")
                .query((rs, i) -> new Raw(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        for (Raw r : robots) {
            if (!SecretCipher.isEncrypted(r.webhook())) {
                n += jdbc.sql("UPDATE dlv_robot SET webhook = ? WHERE id = ? AND webhook = ?")
                        .params(cipher.encrypt(r.webhook()), r.id(), r.webhook()).update();
            }
            if (r.secret() != null && !SecretCipher.isEncrypted(r.secret())) {
                n += jdbc.sql("UPDATE dlv_robot SET secret = ? WHERE id = ? AND secret = ?")
                        .params(cipher.encrypt(r.secret()), r.id(), r.secret()).update();
            }
        }
        return n;
    }

    boolean deleteRobot(long id) {
        return jdbc.sql("DELETE FROM dlv_robot WHERE id = ?").param(id).update() > 0;
    }

    Preference preference(long accountId) {
        return jdbc.sql("SELECT email, email_on, group_on FROM dlv_preference WHERE account_id = ?").param(accountId)
                .query((rs, n) -> new Preference(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)))
                .optional().orElse(Preference.NONE);
    }

    void savePreference(long accountId, Preference p, Instant at) {
        jdbc.sql("INSERT INTO dlv_preference (account_id, email, email_on, group_on, updated_at) VALUES (?,?,?,?,?)"
                        + " ON CONFLICT (account_id) DO UPDATE SET email = EXCLUDED.email,"
                        + " email_on = EXCLUDED.email_on, group_on = EXCLUDED.group_on, updated_at = EXCLUDED.updated_at")
                .params(accountId, p.email(), p.emailOn(), p.groupOn(), at(at)).update();
    }

    /**
     * Queues one row per account and channel the account chose and the school has switched on, in one statement
     * (a message to 30,000 students is one INSERT ... SELECT over the few who chose a channel).
     */
    int enqueue(List<Long> accountIds, String messageKey, String args, String link, Instant at) {
        return jdbc.sql("INSERT INTO dlv_outbox (account_id, channel, message_key, args, link, status, attempts,"
                        + " created_at, next_attempt_at)"
                        + " SELECT p.account_id, c.channel, ?, ?, ?, 'PENDING', 0, ?, ?"
                        + " FROM dlv_preference p CROSS JOIN dlv_settings s"
                        + " JOIN LATERAL (VALUES ('EMAIL', p.email_on AND s.email_on AND p.email IS NOT NULL),"
                        + " ('GROUP', p.group_on AND s.group_on)) AS c(channel, wanted) ON c.wanted"
                        + " WHERE p.account_id = ANY(?) ORDER BY p.account_id, c.channel")
                .params(messageKey, args, link, at(at), at(at), accountIds.toArray(Long[]::new)).update();
    }

    /** A queued row claimed for sending. */
    record Claimed(long id, long accountId, Channel channel, String messageKey, List<String> args, String link,
            int attempts) {
    }

    /**
     * Claims up to {@code limit} due rows in one statement: each is moved to SENDING by exactly one worker (rows
     * another worker holds are skipped, not waited for).
     */
    List<Claimed> claimDue(Instant now, int limit) {
        return jdbc.sql("UPDATE dlv_outbox SET status = 'SENDING', claimed_at = ?, attempts = attempts + 1"
                        + " WHERE id IN (SELECT id FROM dlv_outbox WHERE status = 'PENDING' AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id, account_id, channel, message_key, args, link, attempts")
                .params(at(now), at(now), limit)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), Channel.valueOf(rs.getString(3)),
                        rs.getString(4), MessageArgs.decode(rs.getString(5)), rs.getString(6), rs.getInt(7)))
                .list()
                .stream().sorted(java.util.Comparator.comparingLong(Claimed::id)).toList();
    }

    /** Renews a claim just before its send, so that only a send stuck past {@code ABANDONED} counts as abandoned. */
    boolean touch(long id, Instant now) {
        return jdbc.sql("UPDATE dlv_outbox SET claimed_at = ? WHERE id = ? AND status = 'SENDING'")
                .params(at(now), id).update() == 1;
    }

    /** Marks a claimed row sent; false when it was no longer this worker's (then nothing changes). */
    boolean markSent(long id, String target, Instant at) {
        return jdbc.sql("UPDATE dlv_outbox SET status = 'SENT', sent_at = ?, target = ?, last_error = NULL"
                + " WHERE id = ? AND status = 'SENDING'").params(at(at), target, id).update() == 1;
    }

    /** A failed attempt: back to PENDING at {@code retryAt}, or FAILED when {@code retryAt} is null. */
    void markFailed(long id, String target, String error, Instant retryAt) {
        jdbc.sql("UPDATE dlv_outbox SET status = ?, next_attempt_at = COALESCE(?::timestamptz, next_attempt_at), target = ?,"
                        + " last_error = ? WHERE id = ? AND status = 'SENDING'")
                .params(retryAt == null ? "FAILED" : "PENDING", retryAt == null ? null : at(retryAt), target,
                        error, id)
                .update();
    }

    void markCancelled(long id, String reason) {
        jdbc.sql("UPDATE dlv_outbox SET status = 'CANCELLED', last_error = ? WHERE id = ? AND status = 'SENDING'")
                .params(reason, id).update();
    }

    /**
     * Rows a worker claimed before {@code before} and never finished (it crashed mid-send): FAILED, since the message
     * may or may not have gone out, and sending it again could send it twice. The administrator may retry them.
     */
    int failAbandoned(Instant before, String reason) {
        return jdbc.sql("UPDATE dlv_outbox SET status = 'FAILED', last_error = ? WHERE status = 'SENDING'"
                + " AND claimed_at < ?").params(reason, at(before)).update();
    }

    /** Makes a failed row (or all failed rows when {@code id} is null) due now, with a fresh count of attempts. */
    int retry(Long id, Instant now) {
        return jdbc.sql("UPDATE dlv_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?"
                        + " WHERE status = 'FAILED' AND (?::bigint IS NULL OR id = ?)")
                .params(at(now), id, id).update();
    }

    Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT status, count(*) FROM dlv_outbox GROUP BY status")
                .query((ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Failed rows and rows waiting for a retry after a failure, newest first. */
    List<OutboxItem> troubled(int limit) {
        return items("WHERE o.status = 'FAILED' OR (o.status = 'PENDING' AND o.last_error IS NOT NULL)", limit,
                new Object[0]);
    }

    List<OutboxItem> ofAccount(long accountId, int limit) {
        return items("WHERE o.account_id = ?", limit, new Object[] {accountId});
    }

    private List<OutboxItem> items(String where, int limit, Object[] params) {
        return jdbc.sql("SELECT o.id, o.account_id, o.channel, o.message_key, o.args, o.status, o.attempts,"
                        + " o.created_at, o.next_attempt_at, o.sent_at, o.target, o.last_error FROM dlv_outbox o "
                        + where + " ORDER BY o.id DESC LIMIT " + limit)
                .params(params)
                .query((rs, n) -> new OutboxItem(rs.getLong(1), rs.getLong(2), null, Channel.valueOf(rs.getString(3)),
                        rs.getString(4), MessageArgs.decode(rs.getString(5)), rs.getString(6), rs.getInt(7),
                        instant(rs, 8), instant(rs, 9), instant(rs, 10), rs.getString(11), rs.getString(12)))
                .list();
    }

    /** Records that the digest of a period went to an account; false when it already had. */
    boolean markDigest(String kind, String period, long accountId, Instant at) {
        return jdbc.sql("INSERT INTO dlv_digest (kind, period, account_id, sent_at) VALUES (?,?,?,?)"
                + " ON CONFLICT DO NOTHING").params(kind, period, accountId, at(at)).update() == 1;
    }

    private Robot robot(ResultSet rs, int n) throws SQLException {
        return new Robot(rs.getLong(1), rs.getString(2), rs.getLong(3), Robot.Provider.valueOf(rs.getString(4)),
                cipher.decrypt(rs.getString(5)), cipher.decrypt(rs.getString(6)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
