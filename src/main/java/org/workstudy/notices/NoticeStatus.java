package org.workstudy.notices;

/** Where a public notice stands on a given day. */
public enum NoticeStatus {
    /** Published on a non-working day: it starts on the next working day. */
    UPCOMING,
    /** 公示中: objections may be raised. */
    RUNNING,
    /** 已结束待处理异议: the period passed but an objection is still open. */
    AWAITING_ANSWERS,
    /** The period passed with no objection open; the finalizing job has not run yet. */
    ENDED,
    /** 已生效: final from {@code finalOn}. */
    FINAL
}
