package org.workstudy.identity;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.workstudy.identity.internal.SignInThrottle;

/**
 * Every hour, on one instance at a time (see shared/ScheduledJobs), forgets sign-in failures older than
 * {@code workstudy.security.throttle-forget-hours} (24): a client that stopped failing a day ago starts afresh, and
 * the throttle table stays as small as the day's mistakes.
 */
@Component
class SignInThrottleCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottleCleanup.class);

    private final SignInThrottle throttle;
    private final Duration age;

    SignInThrottleCleanup(SignInThrottle throttle,
            @Value("${workstudy.security.throttle-forget-hours:24}") int forgetHours) {
        this.throttle = throttle;
        this.age = Duration.ofHours(forgetHours);
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    @SchedulerLock(name = "identity.signin-throttle-cleanup", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void forgetOldFailures() {
        int rows = throttle.forgetOlderThan(age);
        if (rows > 0) {
            LOG.info("Forgot {} sign-in throttle rows older than {}", rows, age);
        }
    }
}
