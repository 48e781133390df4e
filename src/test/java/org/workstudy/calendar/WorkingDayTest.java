package org.workstudy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.workstudy.shared.TermCode;

/** Civil working days (工作日) by the standard 2026 holidays: weekdays, less holidays, plus make-up weekend days. */
class WorkingDayTest {

    private final CalendarSnapshot calendar = new CalendarSnapshot(
            List.of(new Term(1, TermCode.parse("2026-2027-1"), LocalDate.of(2026, 9, 7), LocalDate.of(2027, 1, 17))),
            StandardCalendar.specialDays(2026));

    @Test
    void anOrdinaryWeekdayIsAWorkingDayAndAWeekendIsNot() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 27))).isTrue(); // Friday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse(); // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 29))).isFalse(); // Sunday
    }

    @Test
    void aPublicHolidayOnAWeekdayIsNoWorkingDay() {
        assertThat(LocalDate.of(2026, 10, 1).getDayOfWeek().getValue()).isEqualTo(4);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
    }

    @Test
    void aMakeUpSundayAndSaturdayAreWorkingDays() {
        assertThat(LocalDate.of(2026, 9, 20).getDayOfWeek().getValue()).isEqualTo(7);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(LocalDate.of(2026, 10, 10).getDayOfWeek().getValue()).isEqualTo(6);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
    }

    @Test
    void vacationWeekdaysAreWorkingDaysForTheOffices() {
        LocalDate winter = LocalDate.of(2027, 1, 20); // a Wednesday after the term, before the next
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 8, 31))).isTrue(); // summer, before the term
        assertThat(calendar.isWorkingDay(winter)).isTrue();
    }
}
