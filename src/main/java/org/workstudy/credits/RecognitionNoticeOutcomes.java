package org.workstudy.credits;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.calendar.Term;
import org.workstudy.identity.Role;
import org.workstudy.shared.TermCode;

/**
 * What a recognition notice's items become: an upheld objection takes the student off the list; finality writes
 * the credit records of the others, recognised on the final day in the term whose period (teaching and the vacation
 * after it) contains that day.
 */
@Component
class RecognitionNoticeOutcomes implements NoticeOutcomes {

    private final Recognitions recognitions;
    private final AcademicCalendar calendar;

    RecognitionNoticeOutcomes(Recognitions recognitions, AcademicCalendar calendar) {
        this.recognitions = recognitions;
        this.calendar = calendar;
    }

    @Override
    public NoticeKind kind() {
        return NoticeKind.RECOGNITION;
    }

    @Override
    public Set<Role> answeredBy() {
        return EnumSet.of(Role.ACADEMIC_AFFAIRS, Role.CENTER_DIRECTOR);
    }

    @Override
    public void itemWithdrawn(long noticeId, NoticeItem item, String answer) {
        recognitions.withdrawItem(item.subjectId(), item.studentId(), answer);
    }

    @Override
    public void noticeFinal(long noticeId, Long subjectId, LocalDate finalOn, List<NoticeItem> remaining) {
        long id = subjectId != null ? subjectId : recognitions.ofNotice(noticeId).orElseThrow();
        recognitions.finish(id, finalOn, remaining, termOf(finalOn));
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
