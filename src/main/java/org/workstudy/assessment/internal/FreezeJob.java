package org.workstudy.assessment.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Freezes the closed months on one instance at a time (ShedLock), hourly by default
 * ({@code workstudy.assessment.freeze-interval}); each run freezes every closed month not frozen yet.
 */
@Component
class FreezeJob {

    private final MonthFreeze freeze;

    FreezeJob(MonthFreeze freeze) {
        this.freeze = freeze;
    }

    @Scheduled(initialDelayString = "${workstudy.assessment.freeze-delay:PT30S}",
            fixedDelayString = "${workstudy.assessment.freeze-interval:PT1H}")
    @SchedulerLock(name = "assessment.freeze", lockAtMostFor = "PT50M")
    public void freezeClosedMonths() {
        freeze.freezeDue();
    }
}
