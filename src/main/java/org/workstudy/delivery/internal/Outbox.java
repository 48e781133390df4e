package org.workstudy.delivery.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;
import org.workstudy.notifications.MessageArgs;
import org.workstudy.notifications.OutboundQueue;

/**
 * Queues a copy of each in-app message for the channels its reader chose and the school switched on, in the
 * sender's transaction (notifications calls it in a savepoint). Sending is the delivery job's.
 */
@Component
class Outbox implements OutboundQueue {

    private final DeliveryStore store;
    private final Clock clock;

    Outbox(DeliveryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void enqueue(List<Long> accountIds, String messageKey, List<String> args, String link) {
        if (!accountIds.isEmpty()) {
            store.enqueue(accountIds, messageKey, MessageArgs.encode(args), link, clock.instant());
        }
    }
}
