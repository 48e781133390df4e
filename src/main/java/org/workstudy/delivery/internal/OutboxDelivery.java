package org.workstudy.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Sends what the outbox holds. Each due row is claimed by one worker in one statement (PENDING to SENDING), sent, and
 * marked SENT only while still claimed: two workers never send the same row, and a row is never sent twice by
 * itself (a crash between sending and marking leaves it FAILED for the administrator, see
 * {@link DeliveryStore#failAbandoned}). A failed attempt waits {@link Backoff#after} before the next; after
 * {@code workstudy.delivery.max-attempts} it is FAILED. Runs outside any transaction: one send never holds a
 * database transaction open while it talks to a mail server or robot.
 */
@Service
public class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final int BATCH = 20;
    /** A claim older than this was abandoned by a worker that stopped mid-send. */
    static final Duration ABANDONED = Duration.ofMinutes(15);
    /** A run stops claiming after this, well within the job's lock (14 minutes). */
    private static final Duration BUDGET = Duration.ofMinutes(8);

    private final DeliveryStore store;
    private final Recipients recipients;
    private final EmailSender email;
    private final RobotSender robots;
    private final MessageSource messages;
    private final Clock clock;
    private final int maxAttempts;
    private final String baseUrl;

    OutboxDelivery(DeliveryStore store, Recipients recipients, EmailSender email, RobotSender robots,
            MessageSource messages, Clock clock, @Value("${workstudy.delivery.max-attempts:5}") int maxAttempts,
            @Value("${workstudy.delivery.base-url:}") String baseUrl) {
        this.store = store;
        this.recipients = recipients;
        this.email = email;
        this.robots = robots;
        this.messages = messages;
        this.clock = clock;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
    }

    /** Sends every row due now; returns how many were sent. */
    public int deliverDue() {
        store.failAbandoned(clock.instant().minus(ABANDONED), "interrupted while sending; may or may not have arrived");
        int sent = 0;
        Instant stopClaimingAt = clock.instant().plus(BUDGET);
        while (clock.instant().isBefore(stopClaimingAt)) {
            var claimed = store.claimDue(clock.instant(), BATCH);
            if (claimed.isEmpty()) {
                break;
            }
            SchoolSettings settings = store.settings();
            DeliveryStore.Smtp smtp = claimed.stream().anyMatch(c -> c.channel() == Channel.EMAIL) ? store.smtp() : null;
            for (DeliveryStore.Claimed row : claimed) {
                if (deliver(row, settings, smtp)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean deliver(DeliveryStore.Claimed row, SchoolSettings settings, DeliveryStore.Smtp smtp) {
        String text = messages.getMessage(row.messageKey(), row.args().toArray(), row.messageKey(), CHINESE);
        String target = null;
        if (!store.touch(row.id(), clock.instant())) {
            return false; // no longer ours (another run judged it abandoned)
        }
        try {
            if (row.channel() == Channel.EMAIL) {
                Preference preference = store.preference(row.accountId());
                if (!settings.emailOn() || !preference.emailOn() || preference.email() == null) {
                    store.markCancelled(row.id(), "e-mail switched off");
                    return false;
                }
                target = preference.email();
                email.send(smtp, preference.email(), subject(text), body(text, row.link()));
            } else {
                if (!settings.groupOn() || !store.preference(row.accountId()).groupOn()) {
                    store.markCancelled(row.id(), "group robot switched off");
                    return false;
                }
                Optional<Robot> robot = recipients.robotOf(row.accountId());
                if (robot.isEmpty()) {
                    throw new SendFailed("no group robot for this person's class or college");
                }
                target = robots.describe(robot.get());
                robots.send(robot.get(), groupText(recipients.nameOf(row.accountId()), text, row.link()));
            }
            store.markSent(row.id(), target, clock.instant());
            return true;
        } catch (SendFailed | RuntimeException e) {
            String reason = e instanceof SendFailed ? e.getMessage() : EmailSender.rootMessage(e);
            reason = reason == null ? e.getClass().getSimpleName() : reason;
            Instant retryAt = row.attempts() >= maxAttempts ? null : clock.instant().plus(Backoff.after(row.attempts()));
            store.markFailed(row.id(), target, reason.length() > 500 ? reason.substring(0, 500) : reason, retryAt);
            log.warn("Delivery {} of {} by {} failed (attempt {}): {}", row.id(), row.messageKey(), row.channel(),
                    row.attempts(), reason);
            return false;
        }
    }

    private String subject(String text) {
        String shortText = text.length() > 60 ? text.substring(0, 59) + "…" : text;
        return messages.getMessage("delivery.email.subject", new Object[] {shortText}, CHINESE);
    }

    private String body(String text, String link) {
        return messages.getMessage("delivery.email.body", new Object[] {text, absolute(link)}, CHINESE);
    }

    private String groupText(String name, String text, String link) {
        return messages.getMessage("delivery.group.text", new Object[] {name, text, absolute(link)}, CHINESE);
    }

    /** The link as a full address when the school's address is set, else the path (people know the site). */
    private String absolute(String link) {
        String path = link == null ? "/notifications" : link;
        return baseUrl + path;
    }
}
