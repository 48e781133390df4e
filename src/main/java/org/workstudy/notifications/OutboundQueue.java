package org.workstudy.notifications;

import java.util.List;

/**
 * Where outbound channels (e-mail, WeCom/DingTalk group robots) queue a copy of every message. Called inside the
 * sender's transaction, in a savepoint: the queued copy commits or rolls back with the message, and a queue that fails
 * is logged and rolled back alone, never failing the action that sent the message. It must only write (an outbox
 * table), never send: sending happens later, outside the sender's transaction.
 */
public interface OutboundQueue {

    void enqueue(List<Long> accountIds, String messageKey, List<String> args, String link);
}
