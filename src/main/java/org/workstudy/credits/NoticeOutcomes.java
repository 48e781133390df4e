package org.workstudy.credits;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.workstudy.identity.Role;

/**
 * What happens to a notice's items, implemented once per {@link NoticeKind} by the part of the module that
 * published it. Both calls run in the transaction that decides them.
 */
public interface NoticeOutcomes {

    NoticeKind kind();

    /** The offices that answer objections to notices of this kind. */
    Set<Role> answeredBy();

    /** An objection to this item was upheld: the item is off the list (the exemption revoked, the student removed). */
    void itemWithdrawn(long noticeId, NoticeItem item, String answer);

    /** The period passed with no objection open: the remaining items are final from {@code finalOn}. */
    void noticeFinal(long noticeId, Long subjectId, LocalDate finalOn, List<NoticeItem> remaining);
}
