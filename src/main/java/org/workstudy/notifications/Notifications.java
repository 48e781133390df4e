package org.workstudy.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.notifications.internal.NotificationView;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.PageResult;

/**
 * In-app messages. Other modules send with one line, inside their own transaction so that the message commits (or
 * rolls back) with the change it tells about:
 *
 * <pre>{@code notifications.send(studentAccountId, "placements.notify.accepted", List.of(positionName), "/placements/7");}</pre>
 *
 * The key must exist in the sender's message bundle (Chinese and English); arguments are plain strings, already
 * formatted. Links are paths inside the application ({@code /...}). Readers only ever see their own messages.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final String INSERT =
            "INSERT INTO ntf_message (account_id, created_at, message_key, args, link) VALUES (?,?,?,?,?)";
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final ObjectProvider<OutboundQueue> queues;
    private final TransactionTemplate savepoint;

    Notifications(JdbcClient jdbc, JdbcTemplate batch, Clock clock, ObjectProvider<OutboundQueue> queues,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.queues = queues;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Sends a message to one account; joins the caller's transaction if there is one. */
    @Transactional
    public void send(long accountId, String messageKey, List<String> args, String link) {
        args = normalize(args);
        String encoded = check(messageKey, args, link);
        jdbc.sql(INSERT).params(accountId, now(), messageKey, encoded, link).update();
        queueOutbound(List.of(accountId), messageKey, args, link);
    }

    /** Sends the same message to many accounts (each once) in JDBC batches. */
    @Transactional
    public void sendAll(Collection<Long> accountIds, String messageKey, List<String> args, String link) {
        args = normalize(args);
        String encoded = check(messageKey, args, link);
        OffsetDateTime at = now();
        List<Long> ids = List.copyOf(new LinkedHashSet<>(accountIds));
        List<Object[]> rows = new ArrayList<>(ids.size());
        ids.forEach(id -> rows.add(new Object[] {id, at, messageKey, encoded, link}));
        for (int from = 0; from < rows.size(); from += BATCH) {
            batch.batchUpdate(INSERT, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
        queueOutbound(ids, messageKey, args, link);
    }

    public long unreadCount(long accountId) {
        return jdbc.sql("SELECT count(*) FROM ntf_message WHERE account_id = ? AND read_at IS NULL")
                .param(accountId).query(Long.class).single();
    }

    /** How many messages the account received from {@code from} up to (not including) {@code to}, for the digests. */
    public long receivedBetween(long accountId, java.time.Instant from, java.time.Instant to) {
        return jdbc.sql("SELECT count(*) FROM ntf_message WHERE account_id = ? AND created_at >= ? AND created_at < ?")
                .params(accountId, from.atOffset(java.time.ZoneOffset.UTC), to.atOffset(java.time.ZoneOffset.UTC))
                .query(Long.class).single();
    }

    /** The account's messages, newest first. */
    public PageResult<NotificationView> list(long accountId, int page, int size) {
        size = PageResult.clampSize(size);
        page = Math.max(0, page);
        long total = jdbc.sql("SELECT count(*) FROM ntf_message WHERE account_id = ?").param(accountId)
                .query(Long.class).single();
        PageResult<NotificationView> shape = new PageResult<>(List.of(), page, size, total);
        List<NotificationView> items = jdbc.sql("SELECT id, created_at, message_key, args, link, read_at"
                        + " FROM ntf_message WHERE account_id = ? ORDER BY created_at DESC, id DESC"
                        + " LIMIT " + size + " OFFSET " + shape.offset())
                .param(accountId)
                .query((rs, n) -> new NotificationView(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        MessageArgs.decode(rs.getString(4)), rs.getString(5), rs.getTimestamp(6) != null))
                .list();
        return new PageResult<>(items, page, size, total);
    }

    /** One of the account's own messages; another account's message is not found. */
    public NotificationView find(long accountId, long id) {
        return jdbc.sql("SELECT id, created_at, message_key, args, link, read_at FROM ntf_message"
                        + " WHERE id = ? AND account_id = ?")
                .params(id, accountId)
                .query((rs, n) -> new NotificationView(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        MessageArgs.decode(rs.getString(4)), rs.getString(5), rs.getTimestamp(6) != null))
                .optional().orElseThrow(() -> BusinessException.notFound("error.not-found"));
    }

    /** Marks one of the account's own messages read (again is fine); another account's message is not found. */
    @Transactional
    public void markRead(long accountId, long id) {
        int changed = jdbc.sql("UPDATE ntf_message SET read_at = ? WHERE id = ? AND account_id = ? AND read_at IS NULL")
                .params(now(), id, accountId).update();
        if (changed == 0) {
            find(accountId, id);
        }
    }

    @Transactional
    public void markAllRead(long accountId) {
        jdbc.sql("UPDATE ntf_message SET read_at = ? WHERE account_id = ? AND read_at IS NULL")
                .params(now(), accountId).update();
    }

    /** Whether a link may be stored and followed: a path inside the application, never another site. */
    public static boolean isLocalLink(String link) {
        return link != null && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\")
                && link.length() <= 300 && link.chars().noneMatch(c -> c < 0x20);
    }

    /** No arguments as an empty list, a null argument as an empty string. */
    private static List<String> normalize(List<String> args) {
        return args == null ? List.of() : args.stream().map(a -> a == null ? "" : a).toList();
    }

    private static String check(String messageKey, List<String> args, String link) {
        if (messageKey == null || messageKey.isBlank() || messageKey.length() > 100) {
            throw new IllegalArgumentException("message key must have 1 to 100 characters: " + messageKey);
        }
        if (link != null && !isLocalLink(link)) {
            throw new IllegalArgumentException("link must be a path inside the application: " + link);
        }
        String encoded = MessageArgs.encode(args);
        if (encoded != null && encoded.length() > 2000) {
            throw new IllegalArgumentException("message arguments longer than 2000 characters for " + messageKey);
        }
        return encoded;
    }

    private OffsetDateTime now() {
        return clock.instant().atZone(clock.getZone()).toOffsetDateTime();
    }

    /** Queues the message for the outbound channels in a savepoint of the sender's transaction (see OutboundQueue). */
    private void queueOutbound(List<Long> accountIds, String messageKey, List<String> args, String link) {
        queues.orderedStream().forEach(queue -> {
            try {
                savepoint.executeWithoutResult(s -> queue.enqueue(accountIds, messageKey, args, link));
            } catch (RuntimeException e) { // arguments may hold personal data: log the key only
                log.warn("Outbound queue {} failed for {}; the in-app message stands", queue.getClass().getSimpleName(),
                        messageKey, e);
            }
        });
    }
}
