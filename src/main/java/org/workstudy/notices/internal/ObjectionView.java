package org.workstudy.notices.internal;

import java.time.LocalDate;

import org.workstudy.notices.NoticeKind;

/**
 * An objection (异议) with its answer, if any. Shown to the person who raised it and to the deciding office.
 * {@code itemId} and the student fields are null for an objection to the whole list.
 */
public record ObjectionView(long id, long noticeId, NoticeKind kind, String noticeTitle, Long itemId,
        String studentNo, String studentName, String reason, String raisedBy, LocalDate raisedOn, boolean mine,
        ObjectionAnswer answer) {

    public boolean open() {
        return answer == null;
    }
}
