package org.workstudy.statistics;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes the due students every minute on one instance (ShedLock): {@code workstudy.statistics.refresh-batch}
 * students a run (default 3,000), so a school of 30,000 is re-summarised within ten runs of a day's start.
 */
@Component
class StatisticsJob {

    private final StatisticsRefresh refresh;
    private final int batchSize;

    StatisticsJob(StatisticsRefresh refresh, @Value("${workstudy.statistics.refresh-batch:3000}") int batchSize) {
        this.refresh = refresh;
        this.batchSize = batchSize;
    }

    @Scheduled(initialDelayString = "${workstudy.statistics.refresh-interval:PT1M}",
            fixedDelayString = "${workstudy.statistics.refresh-interval:PT1M}")
    @SchedulerLock(name = "statistics.refresh", lockAtMostFor = "PT14M")
    public void refreshDue() {
        refresh.refreshDue(batchSize);
    }
}
