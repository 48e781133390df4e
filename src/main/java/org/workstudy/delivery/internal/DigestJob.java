package org.workstudy.delivery.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Digests at 08:00 school time (weekly on Mondays, monthly on the 1st) and the students' monthly warnings at 08:30 on
 * the 1st; each once across instances (ShedLock) and once per person and period (dlv_digest). The times are settings
 * ({@code workstudy.delivery.weekly-digest-cron}, {@code monthly-digest-cron}, {@code warnings-cron}; Spring cron).
 */
@Component
class DigestJob {

    private static final Logger LOG = LoggerFactory.getLogger(DigestJob.class);

    private final Digests digests;
    private final Warnings warnings;
    private final Clock clock;

    DigestJob(Digests digests, Warnings warnings, Clock clock) {
        this.digests = digests;
        this.warnings = warnings;
        this.clock = clock;
    }

    @Scheduled(cron = "${workstudy.delivery.weekly-digest-cron:0 0 8 * * MON}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "delivery.weekly-digest", lockAtMostFor = "PT50M", lockAtLeastFor = "PT1M")
    public void weekly() {
        timed("weekly digest", () -> digests.sendWeekly(LocalDate.now(clock)));
    }

    @Scheduled(cron = "${workstudy.delivery.monthly-digest-cron:0 0 8 1 * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "delivery.monthly-digest", lockAtMostFor = "PT50M", lockAtLeastFor = "PT1M")
    public void monthly() {
        timed("monthly digest", () -> digests.sendMonthly(LocalDate.now(clock)));
    }

    @Scheduled(cron = "${workstudy.delivery.warnings-cron:0 30 8 1 * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "delivery.monthly-warnings", lockAtMostFor = "PT50M", lockAtLeastFor = "PT1M")
    public void warnings() {
        timed("monthly warnings", () -> warnings.sendMonthly(LocalDate.now(clock)));
    }

    /** Runs one job and logs how many messages it sent and how long it took (read by bench/stats). */
    private static void timed(String what, IntSupplier job) {
        long start = System.nanoTime();
        int sent = job.getAsInt();
        LOG.info("{}: {} sent in {} ms", what, sent, (System.nanoTime() - start) / 1_000_000);
    }
}
