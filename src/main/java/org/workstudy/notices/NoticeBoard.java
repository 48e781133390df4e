package org.workstudy.notices;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.identity.CurrentUser;

/**
 * The public notice board (公示栏) as other modules use it: publishing ({@link PublicNotices}), the board a reader
 * sees, an objection, a notice's standing for the module that published it, and the finalizing run. Everything is an
 * inserted row (notice, items, objections, answers, finality). What only the board's own pages and API use (a notice's
 * lines, the deciding office's objections and answers) is {@code notices.internal.NoticePages}.
 *
 * <p>Who reads a notice: see {@link NoticeReaders}; anyone else gets "not found". Objections are answered by the roles
 * of the kind's {@link ObjectionOffice}.
 *
 * <p>What the items become is the publishing module's business: it hears {@link ObjectionUpheld} and
 * {@link NoticeFinalized}, synchronously, in the transaction that decides them.
 *
 * <p>Finality: a notice is final when its period has passed and no objection is open, from the day after its last
 * working day or the day its last objection was answered, whichever is later ({@link NoticeFinality}).
 */
@Service
public class NoticeBoard implements PublicNotices {

    static final String NOTICE = "notice";

    private final NoticePublishing publishing;
    private final NoticeLists lists;
    private final ObjectionDesk objections;
    private final NoticeFinality finality;
    private final ObjectionOffices offices;
    private final NoticeClock clock;

    NoticeBoard(NoticePublishing publishing, NoticeLists lists, ObjectionDesk objections, NoticeFinality finality,
            ObjectionOffices offices, NoticeClock clock) {
        this.publishing = publishing;
        this.lists = lists;
        this.objections = objections;
        this.finality = finality;
        this.offices = offices;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long publish(NoticeDraft draft) {
        return publish(draft, clock.today());
    }

    /** Publishes as if on {@code publishedOn} (tests name the day). */
    @Transactional
    long publish(NoticeDraft draft, LocalDate publishedOn) {
        return publishing.publish(draft, publishedOn);
    }

    /** The running and recent (final in the last 90 days) notices the user may read, newest first. */
    @Transactional(readOnly = true)
    public List<NoticeSummary> board(CurrentUser user) {
        return lists.board(user);
    }

    /**
     * A notice's line without a reader's scope check, for the modules that published it (and have checked their own
     * record's scope): status, period, final date.
     */
    @Transactional(readOnly = true)
    public Optional<NoticeSummary> find(long noticeId) {
        return lists.find(noticeId);
    }

    /**
     * Raises an objection (异议) while the notice runs: a reason (required, at most 500 characters), optionally about
     * one line ({@code itemId}, see {@code NoticeLine.id()}) that is still on the list. Returns its id.
     */
    @Transactional
    public long object(CurrentUser user, long noticeId, Long itemId, String reason) {
        return object(user, noticeId, itemId, reason, clock.today());
    }

    /** Raises an objection as if on {@code today} (tests name the day). */
    @Transactional
    long object(CurrentUser user, long noticeId, Long itemId, String reason, LocalDate today) {
        return objections.object(user, noticeId, itemId, reason, today);
    }

    /**
     * Makes final every notice whose period ended before {@code today} and that has no open objection; each in its own
     * transaction, so that one failing outcome does not hold back the others. Returns how many became final. The
     * scheduled {@code NoticeJob} calls it; calling it again changes nothing.
     */
    public int finalizeDue(LocalDate today) {
        return finality.finalizeDue(today);
    }

    /** Tests only: see {@link ObjectionOffices#standIn}. */
    AutoCloseable standIn(ObjectionOffice office, Consumer<Object> hears) {
        return offices.standIn(office, hears);
    }
}
