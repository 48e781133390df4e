package org.workstudy.recognition;

import java.time.LocalDate;
import java.util.EnumSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.calendar.Term;
import org.workstudy.identity.Role;
import org.workstudy.notices.NoticeFinalized;
import org.workstudy.notices.NoticeKind;
import org.workstudy.notices.ObjectionOffice;
import org.workstudy.notices.ObjectionUpheld;
import org.workstudy.shared.TermCode;

/**
 * What a recognition notice's items become: academic affairs and the center director answer objections; an upheld
 * objection takes the student off the list; finality writes the credit records of the others, recognised on the
 * final day in the term whose period (teaching and the vacation after it) contains that day. The listeners run in
 * the notice's transaction (plain {@link EventListener}s), so a failure leaves the notice unfinal.
 */
@Configuration(proxyBeanMethods = false)
class RecognitionNotices {

    private final Recognitions recognitions;
    private final AcademicCalendar calendar;

    RecognitionNotices(Recognitions recognitions, AcademicCalendar calendar) {
        this.recognitions = recognitions;
        this.calendar = calendar;
    }

    @Bean
    static ObjectionOffice recognitionObjectionOffice() {
        return new ObjectionOffice(NoticeKind.RECOGNITION, EnumSet.of(Role.ACADEMIC_AFFAIRS, Role.CENTER_DIRECTOR));
    }

    @EventListener(condition = "#event.kind() == T(org.workstudy.notices.NoticeKind).RECOGNITION")
    void on(ObjectionUpheld event) {
        recognitions.withdrawItem(event.item().subjectId(), event.item().studentId(), event.answer());
    }

    @EventListener(condition = "#event.kind() == T(org.workstudy.notices.NoticeKind).RECOGNITION")
    void on(NoticeFinalized event) {
        long id = event.subjectId() != null ? event.subjectId() : recognitions.ofNotice(event.noticeId()).orElseThrow();
        recognitions.finish(id, event.finalOn(), event.remaining(), termOf(event.finalOn()));
    }

    /** The term containing the day; a day outside the calendar falls back to the academic half it lies in. */
    String termOf(LocalDate day) {
        return calendar.snapshot().periodTermOf(day).map(Term::code).map(TermCode::toString)
                .orElseGet(() -> fallbackTerm(day).toString());
    }

    static TermCode fallbackTerm(LocalDate day) {
        int month = day.getMonthValue();
        if (month >= 8) {
            return new TermCode(day.getYear(), 1);
        }
        return month == 1 ? new TermCode(day.getYear() - 1, 1) : new TermCode(day.getYear() - 1, 2);
    }
}
