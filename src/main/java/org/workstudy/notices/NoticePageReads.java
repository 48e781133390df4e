package org.workstudy.notices;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.identity.CurrentUser;
import org.workstudy.notices.internal.NoticeDetail;
import org.workstudy.notices.internal.NoticePages;
import org.workstudy.notices.internal.ObjectionView;

/**
 * {@link NoticePages} over the package-private lists and objection desk: here in the root, since those are not
 * visible from {@code notices.internal}, while the interface lives there so that no other module sees it.
 */
@Service
class NoticePageReads implements NoticePages {

    private final NoticeLists lists;
    private final ObjectionDesk objections;
    private final NoticeClock clock;

    NoticePageReads(NoticeLists lists, ObjectionDesk objections, NoticeClock clock) {
        this.lists = lists;
        this.objections = objections;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public NoticeDetail detail(CurrentUser user, long noticeId) {
        return lists.detail(user, noticeId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ObjectionView> openObjections(CurrentUser user) {
        return lists.openObjections(user);
    }

    @Override
    @Transactional(readOnly = true)
    public ObjectionView objection(CurrentUser user, long objectionId) {
        return lists.objection(user, objectionId);
    }

    @Override
    public boolean answersObjections(CurrentUser user) {
        return lists.answersObjections(user);
    }

    @Override
    @Transactional
    public void answer(CurrentUser user, long objectionId, boolean uphold, String answer, Long withdrawItemId) {
        objections.answer(user, objectionId, uphold, answer, withdrawItemId, clock.today());
    }
}
