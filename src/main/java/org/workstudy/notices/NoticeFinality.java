package org.workstudy.notices;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.audit.AuditTrail;

/**
 * Finality: a notice is final when its period has passed and no objection is open, from the day after its last
 * working day or the day its last objection was answered, whichever is later. The row in {@code cr_notice_final}
 * (its primary key is the notice) and the notice's row lock make it happen once, even with several instances; the
 * publishing module hears {@link NoticeFinalized} in that transaction.
 */
@Component
class NoticeFinality {

    private static final Logger log = LoggerFactory.getLogger(NoticeFinality.class);

    private final NoticeStore store;
    private final ObjectionOffices offices;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final NoticeClock clock;

    NoticeFinality(NoticeStore store, ObjectionOffices offices, AuditTrail audit, TransactionTemplate tx,
            NoticeClock clock) {
        this.store = store;
        this.offices = offices;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Makes final every notice whose period ended before {@code today} and that has no open objection; each in its own
     * transaction, so that one failing outcome does not hold back the others. Returns how many became final.
     */
    int finalizeDue(LocalDate today) {
        int done = 0;
        for (long id : store.due(today)) {
            try {
                if (Boolean.TRUE.equals(tx.execute(s -> finalizeIfDue(id, today)))) {
                    done++;
                }
            } catch (RuntimeException e) {
                log.error("Notice {} could not be made final; the next run tries again", id, e);
            }
        }
        return done;
    }

    /** Makes one notice final if it is due on {@code today}; false if it is not (or is final already). */
    @Transactional
    boolean finalizeIfDue(long noticeId, LocalDate today) {
        store.lock(noticeId);
        return finalizeLocked(noticeId, today);
    }

    /** As {@link #finalizeIfDue}, the notice's row locked already by the caller's transaction. */
    boolean finalizeLocked(long noticeId, LocalDate today) {
        Notice notice = store.find(noticeId).orElseThrow();
        Optional<LocalDate> finalOn = notice.finalOn(today, store.lastAnswer(noticeId).orElse(null));
        if (finalOn.isEmpty()) {
            return false;
        }
        if (offices.office(notice.kind()).isEmpty()) {
            log.warn("No ObjectionOffice for {}: notice {} stays unfinal", notice.kind(), noticeId);
            return false;
        }
        List<NoticeItem> remaining = store.remaining(noticeId);
        store.insertFinal(noticeId, finalOn.get(), remaining.size(), clock.now());
        audit.record(NoticeBoard.NOTICE, noticeId, "final", Map.of("finalOn", finalOn.get(), "remaining",
                remaining.size()));
        offices.tell(notice.kind(), new NoticeFinalized(noticeId, notice.kind(), notice.subjectId(), finalOn.get(),
                remaining));
        return true;
    }
}
