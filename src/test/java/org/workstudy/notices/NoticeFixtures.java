package org.workstudy.notices;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;

/**
 * Public notices for tests in other packages (browser journeys): publishing on a chosen day and a stand-in for a
 * kind's module (its {@link ObjectionOffice} and the events) while the exemption and recognition parts are not there to answer.
 */
@Component
public class NoticeFixtures {

    private final NoticeBoard board;
    private final TransactionTemplate tx;

    NoticeFixtures(NoticeBoard board, TransactionTemplate tx) {
        this.board = board;
        this.tx = tx;
    }

    /** Publishes as if on {@code on} (the period is computed from that day). */
    public long publish(NoticeDraft draft, LocalDate on) {
        return tx.execute(s -> board.publish(draft, on));
    }

    /** Raises an objection as if on {@code on}. */
    public long object(CurrentUser user, long noticeId, Long itemId, String reason, LocalDate on) {
        return tx.execute(s -> board.object(user, noticeId, itemId, reason, on));
    }

    /** Until closed, notices of {@code kind} are answered by {@code answeredBy} and their events go nowhere. */
    public AutoCloseable quietOutcomes(NoticeKind kind, Set<Role> answeredBy) {
        return board.standIn(new ObjectionOffice(kind, answeredBy), event -> {
        });
    }
}
