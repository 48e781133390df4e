package org.workstudy.delivery.internal;

import java.time.Instant;

/** A queued copy of a message as the administrator's delivery page shows it (the text is rendered by the page). */
public record OutboxItem(long id, long accountId, String accountName, Channel channel, String messageKey,
        java.util.List<String> args, String status, int attempts, Instant createdAt, Instant nextAttemptAt,
        Instant sentAt, String target, String lastError) {

    public Object[] params() {
        return args.toArray();
    }
}
