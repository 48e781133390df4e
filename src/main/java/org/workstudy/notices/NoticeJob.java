package org.workstudy.notices;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Makes due notices final: at startup and every 10 minutes, on one instance at a time (the lock is in the database,
 * see shared/ScheduledJobs). Answering the last open objection after the period makes a notice final at once; this
 * job catches the notices whose period simply ran out.
 */
@Component
class NoticeJob {

    private final NoticeBoard board;
    private final Clock clock;

    NoticeJob(NoticeBoard board, Clock clock) {
        this.board = board;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 0, fixedDelay = 600_000)
    @SchedulerLock(name = "notices.finalize", lockAtMostFor = "PT9M", lockAtLeastFor = "PT30S")
    public void finalizeDue() {
        board.finalizeDue(LocalDate.now(clock));
    }
}
