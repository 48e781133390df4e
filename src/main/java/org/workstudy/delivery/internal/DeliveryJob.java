package org.workstudy.delivery.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Sends the outbox every {@code workstudy.delivery.poll-interval} (30 s), on one instance at a time (ShedLock). */
@Component
class DeliveryJob {

    private final OutboxDelivery delivery;

    DeliveryJob(OutboxDelivery delivery) {
        this.delivery = delivery;
    }

    @Scheduled(initialDelayString = "${workstudy.delivery.poll-interval:PT30S}",
            fixedDelayString = "${workstudy.delivery.poll-interval:PT30S}")
    @SchedulerLock(name = "delivery.outbox", lockAtMostFor = "PT14M")
    public void deliverDue() {
        delivery.deliverDue();
    }
}
