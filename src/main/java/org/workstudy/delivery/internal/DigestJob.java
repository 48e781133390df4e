package org.workstudy.delivery.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Digests at 08:00 school time (weekly on Mondays, monthly on the 1st) and the students' monthly warnings at 08:30 on
 * the 1st; each once across instances (ShedLock) and once per person and period (dlv_digest).
 */
@Component
class DigestJob {

    private final Digests digests;
    private final Warnings warnings;
    private final Clock clock;

    DigestJob(Digests digests, Warnings warnings, Clock clock) {
        this.digests = digests;
        this.warnings = warnings;
        this.clock = clock;
    }

    @Scheduled(cron = "0 0 8 * * MON", zone = "Asia/Shanghai")
    @SchedulerLock(name = "delivery.weekly-digest", lockAtMostFor = "PT50M", lockAtLeastFor = "PT1M")
    public void weekly() {
        digests.sendWeekly(LocalDate.now(clock));
    }

    @Scheduled(cron = "0 0 8 1 * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "delivery.monthly-digest", lockAtMostFor = "PT50M", lockAtLeastFor = "PT1M")
    public void monthly() {
        digests.sendMonthly(LocalDate.now(clock));
    }

    @Scheduled(cron = "0 30 8 1 * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "delivery.monthly-warnings", lockAtMostFor = "PT50M", lockAtLeastFor = "PT1M")
    public void warnings() {
        warnings.sendMonthly(LocalDate.now(clock));
    }
}
