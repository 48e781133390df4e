package org.workstudy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.workstudy.shared.TermCode;

/** The standard calendar used for demo data: plausible terms and China's holidays. */
class CalendarSeedTest {

    @Test
    void standardTermsFollowEachOtherWithoutOverlapAndWithPlausibleDates() {
        List<StandardCalendar.TermDates> dates = StandardCalendar.terms(2016, 2040);
        assertThat(dates).hasSize(50);
        CalendarSnapshot calendar = new CalendarSnapshot(dates.stream()
                .map(t -> new Term(0, t.code(), t.startsOn(), t.endsOn())).toList(), List.of());
        for (StandardCalendar.TermDates t : dates) {
            assertThat(t.startsOn().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(t.startsOn().getYear()).isEqualTo(t.code().calendarYear());
            if (t.code().isAutumn()) {
                assertThat(t.startsOn().getMonth()).isEqualTo(Month.SEPTEMBER);
                assertThat(t.endsOn().getMonth()).isEqualTo(Month.JANUARY);
            } else {
                assertThat(t.startsOn().getMonth()).isIn(Month.FEBRUARY, Month.MARCH);
                assertThat(t.endsOn().getMonth()).isEqualTo(Month.JULY);
            }
        }
        assertThat(calendar.vacations()).hasSize(49).allSatisfy(v -> {
            assertThat(v.days()).isGreaterThan(20);
            assertThat(v.nextTermExpected()).isTrue();
        });
    }

    @Test
    void theAutumnTerm2025StartsOnTheFirstMondayOfSeptember() {
        assertThat(StandardCalendar.terms(2025, 2025).get(0)).isEqualTo(new StandardCalendar.TermDates(
                TermCode.parse("2025-2026-1"), LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 18)));
    }

    @Test
    void everyMakeUpWorkdayIsASaturdayOrSunday() {
        IntStream.rangeClosed(2016, 2041).boxed().flatMap(y -> StandardCalendar.specialDays(y).stream())
                .filter(d -> d.kind() == SpecialDayKind.MAKEUP_WORKDAY)
                .forEach(d -> assertThat(d.date().getDayOfWeek()).as(d.toString())
                        .isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @Test
    void eachYearsSpecialDaysAreUniqueAndInThatYear() {
        for (int year = 2016; year <= 2041; year++) {
            List<SpecialDay> days = StandardCalendar.specialDays(year);
            int y = year;
            assertThat(days).allSatisfy(d -> assertThat(d.date().getYear()).isEqualTo(y));
            assertThat(days.stream().map(SpecialDay::date).distinct().count()).isEqualTo(days.size());
        }
    }

    @Test
    void publishedSchedulesAreUsedFor2022To2026() {
        List<SpecialDay> y2025 = StandardCalendar.specialDays(2025);
        assertThat(y2025).contains(new SpecialDay(LocalDate.of(2025, 10, 8), SpecialDayKind.HOLIDAY, "国庆节、中秋节"),
                new SpecialDay(LocalDate.of(2025, 9, 28), SpecialDayKind.MAKEUP_WORKDAY, "国庆节调休"));
        assertThat(y2025).filteredOn(d -> d.name().equals("春节")).hasSize(8);
        assertThat(StandardCalendar.specialDays(2024)).extracting(SpecialDay::date)
                .contains(LocalDate.of(2024, 2, 10), LocalDate.of(2024, 2, 18));
    }

    @Test
    void aProvisionalYearHoldsThe13DaysCertainByRuleAndNoMakeUpDays() {
        List<SpecialDay> y2027 = StandardCalendar.specialDays(2027);
        assertThat(y2027).allSatisfy(d -> assertThat(d.kind()).isEqualTo(SpecialDayKind.HOLIDAY));
        assertThat(y2027).extracting(SpecialDay::date).containsExactly(
                LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 7), LocalDate.of(2027, 2, 8),
                LocalDate.of(2027, 4, 5),
                LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 2),
                LocalDate.of(2027, 6, 9),
                LocalDate.of(2027, 9, 15),
                LocalDate.of(2027, 10, 1), LocalDate.of(2027, 10, 2), LocalDate.of(2027, 10, 3));
        // 中秋 2027 is a Wednesday: a holiday by rule, although the joined days are not known yet
        assertThat(LocalDate.of(2027, 9, 15).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(y2027).filteredOn(d -> d.date().equals(LocalDate.of(2027, 9, 15))).extracting(SpecialDay::name)
                .containsExactly("中秋节");
        assertThat(y2027).filteredOn(d -> d.date().equals(LocalDate.of(2027, 2, 5))).extracting(SpecialDay::name)
                .containsExactly("春节");
    }

    @Test
    void whenMidAutumnFallsOnNationalDayTheDateCarriesBothNames() {
        // 2028: 中秋 is 3 October
        List<SpecialDay> y2028 = StandardCalendar.specialDays(2028);
        assertThat(y2028).contains(new SpecialDay(LocalDate.of(2028, 10, 3), SpecialDayKind.HOLIDAY, "中秋节、国庆节"));
        assertThat(y2028).hasSize(12);
    }

    @Test
    void theSolarTermAndLunarDatesOfTheProvisionalYearsMatchTheAlmanac() {
        // 清明, 端午, 中秋, 春节 of 2029–2031 as the almanac gives them
        assertThat(StandardCalendar.specialDays(2029)).extracting(SpecialDay::date).contains(LocalDate.of(2029, 4, 4),
                LocalDate.of(2029, 6, 16), LocalDate.of(2029, 9, 22), LocalDate.of(2029, 2, 12));
        assertThat(StandardCalendar.specialDays(2030)).extracting(SpecialDay::date).contains(LocalDate.of(2030, 4, 5),
                LocalDate.of(2030, 6, 5), LocalDate.of(2030, 9, 12), LocalDate.of(2030, 2, 2));
        assertThat(StandardCalendar.specialDays(2031)).extracting(SpecialDay::date).contains(LocalDate.of(2031, 4, 5),
                LocalDate.of(2031, 6, 24), LocalDate.of(2031, 10, 1), LocalDate.of(2031, 1, 22));
    }

    @Test
    void thePublishedYearsAre2022To2026() {
        assertThat(IntStream.rangeClosed(2016, 2035).filter(StandardCalendar::published).boxed().toList())
                .containsExactly(2022, 2023, 2024, 2025, 2026);
    }
}
