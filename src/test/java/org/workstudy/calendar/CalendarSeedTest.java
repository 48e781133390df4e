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
    void laterYearsHaveOnlyStatutoryHolidaysAndNoMakeUpDays() {
        List<SpecialDay> y2030 = StandardCalendar.specialDays(2030);
        assertThat(y2030).allSatisfy(d -> assertThat(d.kind()).isEqualTo(SpecialDayKind.HOLIDAY));
        assertThat(y2030).extracting(SpecialDay::date).contains(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 2, 3),
                LocalDate.of(2030, 5, 1), LocalDate.of(2030, 10, 3));
    }
}
