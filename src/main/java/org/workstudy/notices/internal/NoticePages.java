package org.workstudy.notices.internal;

import java.util.List;

import org.workstudy.identity.CurrentUser;

/**
 * What the notice board's own pages, API and home card use besides {@code NoticeBoard}: a notice with its lines, the
 * deciding office's objections and its answers. No other module needs these, so they live here and not on the
 * module's facade. Every method checks the reader's scope; anything outside it answers "not found".
 */
public interface NoticePages {

    /** A notice the user may read, with its lines and the objections they may see. */
    NoticeDetail detail(CurrentUser user, long noticeId);

    /** The open objections the user answers (the kinds whose deciding office their role is), oldest first. */
    List<ObjectionView> openObjections(CurrentUser user);

    /** One objection, for the person who raised it or the deciding office of its notice. */
    ObjectionView objection(CurrentUser user, long objectionId);

    /** Whether the user's active role answers objections to some kind of notice (the deciding office). */
    boolean answersObjections(CurrentUser user);

    /**
     * The deciding office answers an open objection with a text: dismissed, or upheld. Upholding takes a line off the
     * list ({@code ObjectionUpheld}): the line the objection is about, or for an objection to the whole list the line
     * the office names in {@code withdrawItemId} (required then). The objector is told. If the period has passed and
     * this was the last open objection, the notice becomes final at once.
     */
    void answer(CurrentUser user, long objectionId, boolean uphold, String answer, Long withdrawItemId);
}
