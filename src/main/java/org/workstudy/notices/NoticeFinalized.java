package org.workstudy.notices;

import java.time.LocalDate;
import java.util.List;

/**
 * A notice's period passed with no objection open: its {@code remaining} items are final from {@code finalOn}.
 * Published synchronously in the transaction that decides it, so the module that published the notice makes its
 * records final in the same transaction (or the notice stays unfinal).
 */
public record NoticeFinalized(long noticeId, NoticeKind kind, Long subjectId, LocalDate finalOn,
        List<NoticeItem> remaining) {

    public NoticeFinalized {
        remaining = List.copyOf(remaining);
    }
}
