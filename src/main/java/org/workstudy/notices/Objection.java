package org.workstudy.notices;

import java.time.LocalDate;

import org.workstudy.notices.internal.ObjectionAnswer;
import org.workstudy.shared.BusinessException;

/**
 * An objection as stored, with its answer if it has one. It is answered once; upholding it takes a line off the list:
 * the line it is about, or for an objection to the whole list the line the office names.
 */
record Objection(long id, long noticeId, NoticeKind kind, String noticeTitle, Long itemId, Long itemStudentId,
        String reason, String raisedBy, LocalDate raisedOn, long accountId, ObjectionAnswer answer) {

    boolean answered() {
        return answer != null;
    }

    /** The line an answer takes off the list: null when dismissed; refuses a second answer and an unnamed line. */
    Long lineToWithdraw(boolean uphold, Long withdrawItemId) {
        if (answered()) {
            throw BusinessException.conflict("notices.answer.already");
        }
        if (!uphold) {
            return null;
        }
        Long line = itemId != null ? itemId : withdrawItemId;
        if (line == null) {
            throw BusinessException.invalid("notices.answer.name-item");
        }
        return line;
    }
}
