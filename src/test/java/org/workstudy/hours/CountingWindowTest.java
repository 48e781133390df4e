package org.workstudy.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.workstudy.calendar.CalendarSnapshot;
import org.workstudy.calendar.DayKind;
import org.workstudy.calendar.Term;
import org.workstudy.organization.StudyPeriods;
import org.workstudy.organization.StudyPeriods.Suspension;
import org.workstudy.shared.TermCode;
import org.workstudy.hours.internal.Progress;

/**
 * The semester arithmetic of {@link CountingWindow} at its edges: semesters of study, suspended terms (more than half
 * of their teaching days suspended) moving the window, partial terms, the last day of an extended window, leaving.
 *
 * <p>The calendar is {@link TestCalendar}'s seven terms and two more: 2027-2028-2 from 2028-02-21 and 2028-2029-1
 * from 2028-09-04. Teaching days: autumn terms 138, spring terms 131 (2024-2025-2: 2025-02-17 to 2025-06-27).
 */
class CountingWindowTest {

    private static final TermCode ENROLMENT = TestCalendar.ENROLMENT;
    private static final CalendarSnapshot CALENDAR = longCalendar();
    private static final SourceFacts DAY_POSITION = new SourceFacts.Placement(false, null, null, null);

    // ------------------------------------------------------------- no suspension

    @Test
    void withoutSuspensionTheWindowIsTheFirstFiveTerms() {
        CountingWindow w = window();
        assertThat(w.from()).isEqualTo(d("2024-09-02"));
        assertThat(w.until()).isEqualTo(CALENDAR.semesterStart(ENROLMENT, 6).orElseThrow()).isEqualTo(d("2027-02-22"));
        assertThat(w.end()).contains(d("2027-02-21"));
        assertThat(w.contains(d("2027-02-21"))).isTrue();
        assertThat(w.contains(d("2027-02-22"))).isFalse();
        assertThat(w.contains(d("2024-09-01"))).isFalse();
        assertThat(w.semesterOf(d("2025-03-03"))).hasValue(2);
        assertThat(w.semestersLeft(d("2025-03-03"))).isEqualTo(4);
        assertThat(w.semestersLeft(d("2024-08-01"))).isEqualTo(5);
        assertThat(w.semestersLeft(d("2027-03-01"))).isZero();
        assertThat(w.suspendedTerms()).isEmpty();
    }

    @Test
    void anUnknownEnrolmentTermGivesAnUnknownWindow() {
        CountingWindow w = CountingWindow.of(CALENDAR, TermCode.parse("2019-2020-1"), 5);
        assertThat(w.known()).isFalse();
        assertThat(w.contains(d("2025-03-03"))).isFalse();
        assertThat(w.semestersLeft(d("2025-03-03"))).isZero();
    }

    // ------------------------------------------------------------- a 休学 of two terms

    @Test
    void aSuspensionOfTwoWholeTermsMovesTheWindowByTwoTerms() {
        // 休学 for 2024-2025-2 and 2025-2026-1, 复学 on the first day of 2025-2026-2
        CountingWindow w = window(new Suspension(d("2025-02-17"), d("2026-02-22")));
        assertThat(w.suspendedTerms()).containsExactly(TermCode.parse("2024-2025-2"), TermCode.parse("2025-2026-1"));
        assertThat(w.until()).isEqualTo(d("2028-02-21"));
        assertThat(w.end()).contains(d("2028-02-20"));
        assertThat(w.semesterOf(d("2026-03-02"))).hasValue(2);
        assertThat(w.semesterOf(d("2027-09-06"))).hasValue(5);
        // in the suspension: no semester, the expectation waits, days do not count
        assertThat(w.semesterOf(d("2025-05-05"))).isEmpty();
        assertThat(w.semestersLeft(d("2025-05-05"))).isEqualTo(4);
        assertThat(w.semestersPassed(d("2025-05-05"))).isEqualTo(1.0);
        assertThat(w.contains(d("2025-05-05"))).isFalse();
        assertThat(w.suspensionOn(d("2025-05-05"))).isPresent();
        assertThat(w.contains(d("2026-02-23"))).isTrue();
        assertThat(w.semestersLeft(d("2026-03-02"))).isEqualTo(4);
    }

    @Test
    void workOnTheLastDayOfTheExtendedWindowCountsAndTheDayAfterDoesNot() {
        CountingWindow w = window(new Suspension(d("2025-02-17"), d("2026-02-22")));
        CountingRules rules = new CountingRules(CALENDAR, CountingSettings.defaults());
        assertThat(CALENDAR.kindOf(d("2028-02-20"))).isEqualTo(DayKind.WINTER_VACATION);
        assertThatCode(() -> rules.check(w, rec("2028-02-20", "09:00", "12:00"), DAY_POSITION, List.of(),
                d("2030-01-01").atStartOfDay(), null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.check(w, rec("2028-02-21", "18:00", "21:00"), DAY_POSITION, List.of(),
                d("2030-01-01").atStartOfDay(), null)).hasMessageContaining("hours.rule.semester-window");
        // without the suspension the same day was long outside the window
        assertThatThrownBy(() -> rules.check(window(), rec("2028-02-20", "09:00", "12:00"), DAY_POSITION, List.of(),
                d("2030-01-01").atStartOfDay(), null)).hasMessageContaining("hours.rule.semester-window");
    }

    @Test
    void workDatedInASuspensionIsRefusedNamingIt() {
        CountingWindow w = window(new Suspension(d("2025-02-17"), d("2026-02-22")));
        CountingRules rules = new CountingRules(CALENDAR, CountingSettings.defaults());
        assertThatThrownBy(() -> rules.check(w, rec("2025-07-12", "09:00", "12:00"), DAY_POSITION, List.of(),
                d("2030-01-01").atStartOfDay(), null)).hasMessageContaining("hours.rule.suspended")
                .hasMessageContaining("2025-02-17").hasMessageContaining("2026-02-22");
        // the day before the suspension and the day of the 复学 count
        assertThatCode(() -> rules.check(w, rec("2025-02-16", "09:00", "12:00"), DAY_POSITION, List.of(),
                d("2030-01-01").atStartOfDay(), null)).doesNotThrowAnyException();
        assertThatCode(() -> rules.check(w, rec("2026-02-28", "09:00", "12:00"), DAY_POSITION, List.of(),
                d("2030-01-01").atStartOfDay(), null)).doesNotThrowAnyException();
    }

    // ------------------------------------------------------------- partial terms: more than half of the teaching days

    @Test
    void aSuspensionStartingMidTermSkipsTheTermOnlyWhenItTakesMoreThanHalfItsTeachingDays() {
        // 2024-2025-2 has 131 teaching days: 66 suspended skip it, 65 do not
        assertThat(window(new Suspension(d("2025-04-23"), d("2025-08-31"))).suspendedTerms())
                .containsExactly(TermCode.parse("2024-2025-2"));
        assertThat(window(new Suspension(d("2025-04-24"), d("2025-08-31"))).suspendedTerms()).isEmpty();
        assertThat(window(new Suspension(d("2025-04-24"), d("2025-08-31"))).until()).isEqualTo(d("2027-02-22"));
        assertThat(window(new Suspension(d("2025-04-23"), d("2025-08-31"))).until()).isEqualTo(d("2027-08-30"));
    }

    @Test
    void exactlyHalfOfAnEvenTermSuspendedStillCountsAsASemesterOfStudy() {
        // 2024-2025-1 has 138 teaching days: from 2024-11-10 to its last day is 69, from 2024-11-09 is 70
        assertThat(window(new Suspension(d("2024-11-10"), d("2025-02-16"))).suspendedTerms()).isEmpty();
        assertThat(window(new Suspension(d("2024-11-09"), d("2025-02-16"))).suspendedTerms())
                .containsExactly(ENROLMENT);
    }

    @Test
    void aResumptionMidTermCountsTheTermOnlyWhenLessThanHalfWasSuspended() {
        // suspended from the first day of 2024-2025-2: to 2025-04-22 is 65 days (study), to 2025-04-23 is 66 (not)
        CountingWindow early = window(new Suspension(d("2025-02-17"), d("2025-04-22")));
        CountingWindow late = window(new Suspension(d("2025-02-17"), d("2025-04-23")));
        assertThat(early.suspendedTerms()).isEmpty();
        assertThat(late.suspendedTerms()).containsExactly(TermCode.parse("2024-2025-2"));
        // the days of study after a late 复学 lie inside the window and count
        assertThat(late.contains(d("2025-05-10"))).isTrue();
        assertThat(late.semesterOf(d("2025-05-10"))).isEmpty();
        assertThat(late.contains(d("2025-04-23"))).isFalse();
    }

    @Test
    void daysOfASuspensionInTheVacationDoNotMakeATermASuspendedOne() {
        // the summer vacation after 2024-2025-2 only: no teaching day suspended
        CountingWindow w = window(new Suspension(d("2025-06-28"), d("2025-08-31")));
        assertThat(w.suspendedTerms()).isEmpty();
        assertThat(w.until()).isEqualTo(d("2027-02-22"));
        assertThat(w.contains(d("2025-07-15"))).isFalse();
    }

    // ------------------------------------------------------------- progress over semesters of study

    @Test
    void theExpectationWaitsDuringASuspensionAndResumesAfterIt() {
        CountingWindow w = window(new Suspension(d("2025-02-17"), d("2026-02-22")));
        CountingSettings s = CountingSettings.defaults();
        // one semester of study passed: 72 hours expected, from the start of 2024-2025-2 to the 复学
        assertThat(ProgressMath.expected(w, d("2025-02-17"), s)).isEqualByComparingTo("72.0");
        assertThat(ProgressMath.expected(w, d("2026-02-22"), s)).isEqualByComparingTo("72.0");
        assertThat(ProgressMath.expected(w, d("2026-02-23"), s)).isEqualByComparingTo("72.0");
        assertThat(ProgressMath.expected(window(), d("2026-02-23"), s)).isEqualByComparingTo("216.0");
        Progress p = ProgressMath.progress(1, List.of(), BigDecimal.ZERO, w, d("2025-05-05"), s);
        assertThat(p.currentSemester()).isNull();
        assertThat(p.semestersLeft()).isEqualTo(4);
    }

    // ------------------------------------------------------------- leaving

    @Test
    void workFromTheDayTheStudentLeftIsRefused() {
        CountingWindow w = CountingWindow.of(CALENDAR, ENROLMENT, 5, new StudyPeriods(List.of(), d("2025-03-10")));
        assertThat(w.contains(d("2025-03-09"))).isTrue();
        assertThat(w.contains(d("2025-03-10"))).isFalse();
        CountingRules rules = new CountingRules(CALENDAR, CountingSettings.defaults());
        assertThatThrownBy(() -> rules.check(w, rec("2025-03-15", "09:00", "12:00"), DAY_POSITION, List.of(),
                d("2030-01-01").atStartOfDay(), null)).hasMessageContaining("hours.rule.left");
    }

    // ------------------------------------------------------------- helpers

    private static CountingWindow window(Suspension... suspensions) {
        return CountingWindow.of(CALENDAR, ENROLMENT, 5, new StudyPeriods(List.of(suspensions), null));
    }

    private static NewWorkRecord rec(String date, String from, String to) {
        return new NewWorkRecord(1, SourceKind.PLACEMENT, 1, d(date), LocalTime.parse(from), LocalTime.parse(to),
                null, "work");
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    private static CalendarSnapshot longCalendar() {
        CalendarSnapshot base = TestCalendar.snapshot();
        List<Term> terms = new ArrayList<>(base.terms());
        terms.add(new Term(8, TermCode.parse("2027-2028-2"), d("2028-02-21"), d("2028-07-07")));
        terms.add(new Term(9, TermCode.parse("2028-2029-1"), d("2028-09-04"), d("2029-01-19")));
        return new CalendarSnapshot(terms, List.of());
    }
}
