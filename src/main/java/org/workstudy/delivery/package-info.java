/**
 * Delivery of in-app messages where people read them: e-mail (SMTP) and WeCom (企业微信) / DingTalk (钉钉) group robots
 * of a class or college. {@code Outbox} queues a copy of each message in the sender's
 * transaction (the notifications module's {@code OutboundQueue}); the delivery job sends the queue later, once per
 * row, with retries and back-off. Each person chooses their channels ({@code Preferences});
 * the school's settings switch channels on and hold the SMTP server and the robots
 * ({@code SchoolDelivery}). Weekly and monthly digests (their at-risk counts from statistics' summary) go out through
 * the same path.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit", "organization", "notifications", "hours", "statistics",
                "web"})
package org.workstudy.delivery;
