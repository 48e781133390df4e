package org.workstudy.notices;

/**
 * The deciding office upheld an objection: {@code item} is off the notice's list (the exemption revoked, the student
 * taken off the recognition). Published synchronously in the answering transaction.
 */
public record ObjectionUpheld(long noticeId, NoticeKind kind, NoticeItem item, String answer) {
}
