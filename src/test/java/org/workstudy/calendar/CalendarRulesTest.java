package org.workstudy.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.workstudy.calendar.internal.Vacation;
import org.workstudy.shared.TermCode;

/** The calendar's rules (DESIGN section 2, rules 3 and 4) on a fixed calendar, without a database. */
class CalendarRulesTest {

    private static final TermCode AUTUMN_2024 = TermCode.parse("2024-2025-1");
    private static final TermCode AUTUMN_2025 = TermCode.parse("2025-2026-1");
    private static final TermCode SPRING_2026 = TermCode.parse("2025-2026-2");

    private final CalendarSnapshot calendar = new CalendarSnapshot(List.of(
            term(1, "2024-2025-1", "2024-09-02", "2025-01-19"),
            term(2, "2024-2025-2", "2025-02-24", "2025-07-06"),
            term(3, "2025-2026-1", "2025-09-01", "2026-01-18"),
            term(4, "2025-2026-2", "2026-03-02", "2026-07-12"),
            term(5, "2026-2027-1", "2026-09-07", "2027-01-17"),
            term(6, "2026-2027-2", "2027-03-01", "2027-07-11"),
            term(7, "2027-2028-1", "2027-09-06", "2028-01-16")), List.of(
            holiday("2024-10-01", "国庆节"), holiday("2024-10-02", "国庆节"), holiday("2024-10-05", "国庆节"),
            makeup("2024-09-29", "国庆节调休"), makeup("2024-10-12", "国庆节调休"),
            holiday("2025-01-29", "春节"), makeup("2025-02-08", "春节调休"),
            holiday("2025-05-01", "劳动节"), makeup("2025-04-27", "劳动节调休"),
            holiday("2025-10-01", "国庆节")));

    @Test
    void aMakeUpSundayIsAWorkday() {
        LocalDate sunday = date("2024-09-29");
        assertThat(sunday.getDayOfWeek().getValue()).isEqualTo(7);
        assertThat(calendar.kindOf(sunday)).isEqualTo(DayKind.MAKEUP_WORKDAY);
        assertThat(DayKind.MAKEUP_WORKDAY.isWorkday()).isTrue();
        assertThat(DayKind.MAKEUP_WORKDAY.countsWithoutEvening()).isFalse();
    }

    @Test
    void aMakeUpSaturdayIsAWorkday() {
        assertThat(calendar.kindOf(date("2024-10-12"))).isEqualTo(DayKind.MAKEUP_WORKDAY);
    }

    @Test
    void aPublicHolidayOnAWeekdayIsAPublicHoliday() {
        assertThat(date("2024-10-01").getDayOfWeek().getValue()).isEqualTo(2);
        assertThat(calendar.kindOf(date("2024-10-01"))).isEqualTo(DayKind.PUBLIC_HOLIDAY);
        assertThat(calendar.describe(date("2024-10-01")).specialDay()).isEqualTo("国庆节");
    }

    @Test
    void aPublicHolidayOnAWeekendIsAPublicHoliday() {
        assertThat(calendar.kindOf(date("2024-10-05"))).isEqualTo(DayKind.PUBLIC_HOLIDAY);
    }

    @Test
    void anOrdinaryTermWeekdayAndWeekend() {
        assertThat(calendar.kindOf(date("2024-10-09"))).isEqualTo(DayKind.TERM_WEEKDAY);
        assertThat(calendar.kindOf(date("2024-10-19"))).isEqualTo(DayKind.WEEKEND);
        assertThat(calendar.kindOf(date("2024-10-20"))).isEqualTo(DayKind.WEEKEND);
    }

    @Test
    void aDateBetweenAnAutumnAndASpringTermIsTheWinterVacationOfTheAutumnTerm() {
        assertThat(calendar.kindOf(date("2025-02-10"))).isEqualTo(DayKind.WINTER_VACATION);
        assertThat(calendar.periodTermOf(date("2025-02-10"))).map(Term::code).contains(AUTUMN_2024);
    }

    @Test
    void aDateBetweenASpringAndAnAutumnTermIsTheSummerVacationOfTheSpringTerm() {
        assertThat(calendar.kindOf(date("2025-08-02"))).isEqualTo(DayKind.SUMMER_VACATION);
        assertThat(calendar.kindOf(date("2025-08-04"))).isEqualTo(DayKind.SUMMER_VACATION);
        assertThat(calendar.periodTermOf(date("2025-08-04"))).map(Term::code)
                .contains(TermCode.parse("2024-2025-2"));
    }

    @Test
    void aPublicHolidayInAVacationIsAPublicHoliday() {
        assertThat(calendar.kindOf(date("2025-01-29"))).isEqualTo(DayKind.PUBLIC_HOLIDAY);
    }

    @Test
    void aMakeUpWorkdayInAVacationIsStillVacation() {
        assertThat(calendar.kindOf(date("2025-02-08"))).isEqualTo(DayKind.WINTER_VACATION);
    }

    @Test
    void theFirstAndLastDayOfATermAreTermDays() {
        assertThat(calendar.kindOf(date("2024-09-02"))).isEqualTo(DayKind.TERM_WEEKDAY);
        assertThat(calendar.kindOf(date("2025-01-19"))).isEqualTo(DayKind.WEEKEND); // a Sunday, last day of term
        assertThat(calendar.kindOf(date("2025-01-20"))).isEqualTo(DayKind.WINTER_VACATION);
        assertThat(calendar.kindOf(date("2025-02-23"))).isEqualTo(DayKind.WINTER_VACATION);
        assertThat(calendar.kindOf(date("2025-02-24"))).isEqualTo(DayKind.TERM_WEEKDAY);
        assertThat(calendar.kindOf(date("2025-07-06"))).isEqualTo(DayKind.WEEKEND);
        assertThat(calendar.kindOf(date("2025-07-07"))).isEqualTo(DayKind.SUMMER_VACATION);
    }

    @Test
    void onlyWeekendsHolidaysAndVacationsCountWithoutEvening() {
        assertThat(DayKind.values()).filteredOn(DayKind::countsWithoutEvening).containsExactlyInAnyOrder(
                DayKind.WEEKEND, DayKind.PUBLIC_HOLIDAY, DayKind.WINTER_VACATION, DayKind.SUMMER_VACATION);
        assertThat(DayKind.values()).filteredOn(DayKind::isWorkday)
                .containsExactlyInAnyOrder(DayKind.TERM_WEEKDAY, DayKind.MAKEUP_WORKDAY);
    }

    @Test
    void theDayBeforeTheNextTermStartsBelongsToThePreviousSemester() {
        assertThat(calendar.semesterOf(AUTUMN_2024, date("2024-09-02"))).hasValue(1);
        assertThat(calendar.semesterOf(AUTUMN_2024, date("2025-01-19"))).hasValue(1);
        assertThat(calendar.semesterOf(AUTUMN_2024, date("2025-02-23"))).hasValue(1);
        assertThat(calendar.semesterOf(AUTUMN_2024, date("2025-02-24"))).hasValue(2);
        assertThat(calendar.semesterOf(AUTUMN_2024, date("2025-08-31"))).hasValue(2);
        assertThat(calendar.semesterOf(AUTUMN_2024, date("2025-09-01"))).hasValue(3);
    }

    @Test
    void aStudentEnrolledInASpringTermHasThatTermAsSemesterOne() {
        assertThat(calendar.semesterOf(SPRING_2026, date("2026-03-02"))).hasValue(1);
        assertThat(calendar.semesterOf(SPRING_2026, date("2026-08-20"))).hasValue(1);
        assertThat(calendar.semesterOf(SPRING_2026, date("2026-09-07"))).hasValue(2);
        assertThat(calendar.semesterOf(SPRING_2026, date("2027-03-01"))).hasValue(3);
        assertThat(calendar.semesterStart(SPRING_2026, 1)).contains(date("2026-03-02"));
        assertThat(calendar.semesterStart(SPRING_2026, 2)).contains(date("2026-09-07"));
    }

    @Test
    void theLastDayOfSemesterFiveIsInTheWindowAndTheFirstDayOfSemesterSixIsNot() {
        // enrolled autumn 2024: semester 5 is 2026-2027-1 with its winter vacation, semester 6 starts 2027-03-01
        assertThat(calendar.semesterOf(AUTUMN_2024, date("2027-02-28"))).hasValue(5);
        assertThat(calendar.semesterOf(AUTUMN_2024, date("2027-03-01"))).hasValue(6);
        assertThat(calendar.semesterStart(AUTUMN_2024, 1)).contains(date("2024-09-02"));
        assertThat(calendar.semesterStart(AUTUMN_2024, 6)).contains(date("2027-03-01"));
    }

    @Test
    void aDateBeforeEnrolmentHasNoSemester() {
        assertThat(calendar.semesterOf(AUTUMN_2025, date("2025-03-01"))).isEmpty();
        assertThat(calendar.semesterOf(AUTUMN_2025, date("2025-08-31"))).isEmpty();
        assertThat(calendar.semesterOf(AUTUMN_2025, date("2025-09-01"))).hasValue(1);
        assertThat(calendar.semesterOf(SPRING_2026, date("2026-03-01"))).isEmpty();
    }

    @Test
    void aDateBeyondTheCalendarIsOutsideAndHasNoSemester() {
        assertThat(calendar.kindOf(date("2028-01-16"))).isEqualTo(DayKind.WEEKEND);
        assertThat(calendar.semesterOf(AUTUMN_2024, date("2028-01-16"))).hasValue(7);
        assertThat(calendar.kindOf(date("2028-01-17"))).isEqualTo(DayKind.OUTSIDE_CALENDAR);
        assertThat(calendar.semesterOf(AUTUMN_2024, date("2028-01-17"))).isEmpty();
        assertThat(calendar.kindOf(date("2024-09-01"))).isEqualTo(DayKind.OUTSIDE_CALENDAR);
        assertThat(calendar.semesterOf(AUTUMN_2024, date("2024-09-01"))).isEmpty();
        assertThat(calendar.describe(date("2030-01-01")).term()).isNull();
        assertThat(DayKind.OUTSIDE_CALENDAR.countsWithoutEvening()).isFalse();
    }

    @Test
    void anEnrolmentTermNotInTheCalendarHasNoSemesters() {
        assertThat(calendar.semesterOf(TermCode.parse("2023-2024-1"), date("2025-03-03"))).isEmpty();
        assertThat(calendar.semesterStart(TermCode.parse("2023-2024-1"), 1)).isEmpty();
    }

    @Test
    void semesterSixStartIsEmptyWhenThatTermIsNotInTheCalendarYet() {
        assertThat(calendar.semesterStart(AUTUMN_2025, 5)).contains(date("2027-09-06"));
        assertThat(calendar.semesterStart(AUTUMN_2025, 6)).isEmpty();
        assertThat(calendar.semesterStart(AUTUMN_2025, 0)).isEmpty();
    }

    @Test
    void vacationsRunFromTheDayAfterATermToTheDayBeforeTheNext() {
        List<Vacation> vacations = calendar.vacations();
        assertThat(vacations).hasSize(6);
        Vacation winter = vacations.get(0);
        assertThat(winter.kind()).isEqualTo(DayKind.WINTER_VACATION);
        assertThat(winter.from()).isEqualTo(date("2025-01-20"));
        assertThat(winter.to()).isEqualTo(date("2025-02-23"));
        assertThat(winter.days()).isEqualTo(35);
        assertThat(winter.nextTermExpected()).isTrue();
        assertThat(vacations.get(1).kind()).isEqualTo(DayKind.SUMMER_VACATION);
        assertThat(calendar.vacationAfter(calendar.terms().get(6))).isEmpty();
    }

    @Test
    void aMissingTermIsFlaggedAndSemestersStillCountByTermCode() {
        CalendarSnapshot gap = new CalendarSnapshot(List.of(
                term(1, "2024-2025-1", "2024-09-02", "2025-01-19"),
                term(3, "2025-2026-1", "2025-09-01", "2026-01-18")), List.of());
        assertThat(gap.vacations()).singleElement().satisfies(v -> assertThat(v.nextTermExpected()).isFalse());
        assertThat(gap.semesterOf(AUTUMN_2024, date("2025-09-01"))).hasValue(3);
    }

    @Test
    void anEmptyCalendarKnowsNothing() {
        CalendarSnapshot empty = CalendarSnapshot.empty();
        assertThat(empty.kindOf(date("2025-01-01"))).isEqualTo(DayKind.OUTSIDE_CALENDAR);
        assertThat(empty.semesterOf(AUTUMN_2024, date("2025-01-01"))).isEqualTo(OptionalInt.empty());
        assertThat(empty.vacations()).isEmpty();
    }

    @Test
    void overlappingTermsAreRejected() {
        assertThatThrownBy(() -> new CalendarSnapshot(List.of(
                term(1, "2024-2025-1", "2024-09-02", "2025-01-19"),
                term(2, "2024-2025-2", "2025-01-19", "2025-07-06")), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void termCodesAdvanceAcrossAcademicYears() {
        assertThat(CalendarSnapshot.advance(AUTUMN_2024, 1)).isEqualTo(TermCode.parse("2024-2025-2"));
        assertThat(CalendarSnapshot.advance(AUTUMN_2024, 2)).isEqualTo(AUTUMN_2025);
        assertThat(CalendarSnapshot.advance(SPRING_2026, 5)).isEqualTo(TermCode.parse("2028-2029-1"));
    }

    static Term term(long id, String code, String from, String to) {
        return new Term(id, TermCode.parse(code), date(from), date(to));
    }

    static SpecialDay holiday(String date, String name) {
        return new SpecialDay(date(date), SpecialDayKind.HOLIDAY, name);
    }

    static SpecialDay makeup(String date, String name) {
        return new SpecialDay(date(date), SpecialDayKind.MAKEUP_WORKDAY, name);
    }

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
