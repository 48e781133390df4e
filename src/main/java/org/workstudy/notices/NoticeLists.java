package org.workstudy.notices;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;
import org.workstudy.notices.internal.NoticeDetail;
import org.workstudy.notices.internal.NoticeLine;
import org.workstudy.notices.internal.ObjectionView;
import org.workstudy.shared.BusinessException;

/**
 * What readers find on the board: the running and recent notices of their scope ({@link NoticeReaders}), a notice with
 * its lines and the objections they may see, and the deciding office's open objections. Anyone outside a notice's
 * scope gets "not found".
 */
@Component
class NoticeLists {

    private static final int RECENT_DAYS = 90;

    private final NoticeStore store;
    private final NoticeReaders readers;
    private final NoticeViews views;
    private final ObjectionOffices offices;
    private final NoticeClock clock;

    NoticeLists(NoticeStore store, NoticeReaders readers, NoticeViews views, ObjectionOffices offices,
            NoticeClock clock) {
        this.store = store;
        this.readers = readers;
        this.views = views;
        this.offices = offices;
        this.clock = clock;
    }

    /** The running and recent (final in the last 90 days) notices the user may read, newest first. */
    List<NoticeSummary> board(CurrentUser user) {
        NoticeStore.Reach reach = readers.reachOf(user).orElseThrow(BusinessException::forbidden);
        LocalDate today = clock.today();
        return views.summaries(store.within(reach, today.minusDays(RECENT_DAYS)), today);
    }

    /** A notice the user may read, with its lines and the objections they may see; anything else is "not found". */
    NoticeDetail detail(CurrentUser user, long noticeId) {
        NoticeSummary notice = summary(user, noticeId);
        boolean answers = offices.answerers(notice.kind()).contains(user.activeRole());
        List<NoticeLine> lines = views.lines(noticeId);
        List<ObjectionView> objections = views.objections(store.objections(noticeId, answers ? null
                : user.accountId()), user);
        return new NoticeDetail(notice, lines, objections, notice.running(), answers);
    }

    /** The board's line for a notice the user may read; anything else is "not found". */
    NoticeSummary summary(CurrentUser user, long noticeId) {
        NoticeStore.Reach reach = readers.reachOf(user)
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        Notice notice = store.find(noticeId, reach).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        return views.summaries(List.of(notice), clock.today()).get(0);
    }

    /** A notice's line without a reader's scope check. */
    Optional<NoticeSummary> find(long noticeId) {
        return store.find(noticeId).map(n -> views.summaries(List.of(n), clock.today()).get(0));
    }

    /** The open objections the user answers (the kinds whose deciding office their role is), oldest first. */
    List<ObjectionView> openObjections(CurrentUser user) {
        Set<NoticeKind> kinds = offices.kindsAnsweredBy(user);
        Optional<NoticeStore.Reach> reach = readers.reachOf(user);
        if (kinds.isEmpty() || reach.isEmpty()) {
            return List.of();
        }
        return views.objections(store.openObjections(kinds, reach.get()), user);
    }

    /** One objection, for the person who raised it or the deciding office of its notice; else "not found". */
    ObjectionView objection(CurrentUser user, long objectionId) {
        ObjectionView view = store.objection(objectionId).map(o -> views.objections(List.of(o), user).get(0))
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        NoticeSummary notice = summary(user, view.noticeId());
        if (!view.mine() && !offices.answerers(notice.kind()).contains(user.activeRole())) {
            throw BusinessException.notFound("error.not-found");
        }
        return view;
    }

    /** Whether the user's active role answers objections to some kind of notice (the deciding office). */
    boolean answersObjections(CurrentUser user) {
        return !offices.kindsAnsweredBy(user).isEmpty();
    }
}
