package org.workstudy.credits;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.workstudy.identity.Role;

/**
 * What the public notice decides about exemptions and offsets: the center director answers objections; an upheld
 * objection revokes the application (its student is told); a notice that passed makes the rest final.
 */
@Component
class ExemptionNoticeOutcomes implements NoticeOutcomes {

    private final Exemptions exemptions;

    ExemptionNoticeOutcomes(Exemptions exemptions) {
        this.exemptions = exemptions;
    }

    @Override
    public NoticeKind kind() {
        return NoticeKind.EXEMPTION;
    }

    @Override
    public Set<Role> answeredBy() {
        return Set.of(Role.CENTER_DIRECTOR);
    }

    @Override
    public void itemWithdrawn(long noticeId, NoticeItem item, String answer) {
        exemptions.revokedByObjection(noticeId, item.subjectId(), answer);
    }

    @Override
    public void noticeFinal(long noticeId, Long subjectId, LocalDate finalOn, List<NoticeItem> remaining) {
        exemptions.finalByNotice(noticeId, finalOn, remaining);
    }
}
