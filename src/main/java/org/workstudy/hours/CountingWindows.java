package org.workstudy.hours;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.calendar.CalendarSnapshot;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StatusHistory;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudyPeriods;
import org.workstudy.shared.TermCode;

/**
 * Builds students' {@link CountingWindow}s: the calendar, the policy version of the enrolment cohort (its number of
 * semesters) and the status history (suspensions, leaving).
 */
@Component
class CountingWindows {

    private final AcademicCalendar calendar;
    private final CohortSettings settings;
    private final StatusHistory history;

    CountingWindows(AcademicCalendar calendar, CohortSettings settings, StatusHistory history) {
        this.calendar = calendar;
        this.settings = settings;
        this.history = history;
    }

    CountingWindow of(Student s) {
        return of(calendar.snapshot(), s, settings.of(s));
    }

    CountingWindow of(CalendarSnapshot snapshot, Student s, CountingSettings cs) {
        return CountingWindow.of(snapshot, enrolment(s.enrolmentTerm()), cs.semesterWindow(),
                history.periodsOf(s.id()));
    }

    /** The windows of many students at once (one status-history query per 10,000). */
    Map<Long, CountingWindow> of(Map<Long, Roster.Enrolment> enrolments) {
        CalendarSnapshot snapshot = calendar.snapshot();
        Map<Long, StudyPeriods> periods = history.periodsOf(enrolments.keySet());
        Map<Integer, Integer> semesters = new HashMap<>();
        Map<Long, CountingWindow> out = new HashMap<>();
        enrolments.forEach((id, e) -> out.put(id, CountingWindow.of(snapshot, enrolment(e.term()),
                semesters.computeIfAbsent(e.cohort(), c -> settings.ofCohort(c).semesterWindow()),
                periods.getOrDefault(id, StudyPeriods.NONE))));
        return out;
    }

    /**
     * The window of a student enrolled in the cohort's usual term (its autumn term) with no change of status: the
     * cohort's window, by the policy version of the cohort.
     */
    CountingWindow ofCohort(int cohort) {
        return CountingWindow.of(calendar.snapshot(), new TermCode(cohort, 1),
                settings.ofCohort(cohort).semesterWindow());
    }

    static TermCode enrolment(String term) {
        return term == null || !TermCode.isValid(term) ? null : TermCode.parse(term);
    }
}
