package org.workstudy.exemptions;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.workstudy.identity.Role;
import org.workstudy.notices.NoticeFinalized;
import org.workstudy.notices.NoticeKind;
import org.workstudy.notices.ObjectionOffice;
import org.workstudy.notices.ObjectionUpheld;

/**
 * What the public notice decides about exemptions and offsets: the center director answers objections; an upheld
 * objection revokes the application (its student is told); a notice that passed makes the rest final. The listeners
 * run in the notice's transaction (plain {@link EventListener}s), so a failure leaves the notice unfinal.
 */
@Configuration(proxyBeanMethods = false)
class ExemptionNotices {

    private final ExemptionLifecycle lifecycle;

    ExemptionNotices(ExemptionLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Bean
    static ObjectionOffice exemptionObjectionOffice() {
        return new ObjectionOffice(NoticeKind.EXEMPTION, Set.of(Role.CENTER_DIRECTOR));
    }

    @EventListener(condition = "#event.kind() == T(org.workstudy.notices.NoticeKind).EXEMPTION")
    void on(ObjectionUpheld event) {
        lifecycle.revokedByObjection(event.noticeId(), event.item().subjectId(), event.answer());
    }

    @EventListener(condition = "#event.kind() == T(org.workstudy.notices.NoticeKind).EXEMPTION")
    void on(NoticeFinalized event) {
        lifecycle.finalByNotice(event.noticeId(), event.finalOn(), event.remaining());
    }
}
