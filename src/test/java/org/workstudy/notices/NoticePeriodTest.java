package org.workstudy.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.workstudy.calendar.CalendarSnapshot;
import org.workstudy.calendar.SpecialDay;
import org.workstudy.calendar.SpecialDayKind;

/**
 * The notice period over China's 2026 schedule (as in calendar/StandardCalendar): 中秋节 09-25..27, 国庆节 10-01..07,
 * make-up workdays Sunday 09-20 and Saturday 10-10.
 */
class NoticePeriodTest {

    private static final CalendarSnapshot CALENDAR = new CalendarSnapshot(List.of(), days2026());

    private static List<SpecialDay> days2026() {
        List<SpecialDay> days = new ArrayList<>();
        for (int d = 25; d <= 27; d++) {
            days.add(new SpecialDay(LocalDate.of(2026, 9, d), SpecialDayKind.HOLIDAY, "中秋节"));
        }
        for (int d = 1; d <= 7; d++) {
            days.add(new SpecialDay(LocalDate.of(2026, 10, d), SpecialDayKind.HOLIDAY, "国庆节"));
        }
        days.add(new SpecialDay(LocalDate.of(2026, 9, 20), SpecialDayKind.MAKEUP_WORKDAY, "国庆节调休"));
        days.add(new SpecialDay(LocalDate.of(2026, 10, 10), SpecialDayKind.MAKEUP_WORKDAY, "国庆节调休"));
        return days;
    }

    private static NoticePeriod period(String published, int days) {
        return NoticePeriod.of(LocalDate.parse(published), days, CALENDAR::isWorkingDay);
    }

    @Test
    void aPeriodPublishedOnAWorkingDayStartsThatDayAndSkipsTheWeekend() {
        NoticePeriod p = period("2026-11-26", 5); // Thursday: Thu, Fri, Mon, Tue, Wed
        assertThat(p.startsOn()).isEqualTo("2026-11-26");
        assertThat(p.endsOn()).isEqualTo("2026-12-02");
        assertThat(p.firstFinalDay()).isEqualTo("2026-12-03");
    }

    @Test
    void publishedOnASaturdayItStartsOnMonday() {
        NoticePeriod p = period("2026-11-28", 5);
        assertThat(p.startsOn()).isEqualTo("2026-11-30");
        assertThat(p.endsOn()).isEqualTo("2026-12-04");
        assertThat(p.runsOn(LocalDate.parse("2026-11-29"))).isFalse();
        assertThat(p.workingDaysLeft(LocalDate.parse("2026-11-28"), CALENDAR::isWorkingDay)).isEqualTo(5);
    }

    @Test
    void nationalDayIsSkippedAndTheMakeUpSaturdayCounts() {
        // Tue 09-29, Wed 09-30, then the holiday week, Thu 10-08, Fri 10-09, Sat 10-10 (调休)
        NoticePeriod p = period("2026-09-29", 5);
        assertThat(p.startsOn()).isEqualTo("2026-09-29");
        assertThat(p.endsOn()).isEqualTo("2026-10-10");
        assertThat(p.firstFinalDay()).isEqualTo("2026-10-11");
        assertThat(p.workingDaysLeft(LocalDate.parse("2026-10-03"), CALENDAR::isWorkingDay)).isEqualTo(3);
    }

    @Test
    void publishedOnAPublicHolidayItStartsAfterTheHoliday() {
        NoticePeriod p = period("2026-10-02", 3);
        assertThat(p.startsOn()).isEqualTo("2026-10-08");
        assertThat(p.endsOn()).isEqualTo("2026-10-10");
    }

    @Test
    void aMakeUpSundayIsAWorkingDayOfThePeriod() {
        // published on Saturday 09-19: Sunday 09-20 is a make-up workday, so the period starts then
        NoticePeriod p = period("2026-09-19", 5);
        assertThat(p.startsOn()).isEqualTo("2026-09-20");
        assertThat(p.endsOn()).isEqualTo("2026-09-24"); // Sun, Mon, Tue, Wed, Thu; 中秋节 starts Friday
        assertThat(period("2026-09-19", 6).endsOn()).isEqualTo("2026-09-28"); // over 中秋节 to Monday
    }

    @Test
    void theDaysLeftCountDownToNothingAfterTheEnd() {
        NoticePeriod p = period("2026-11-26", 5);
        assertThat(p.workingDaysLeft(LocalDate.parse("2026-11-26"), CALENDAR::isWorkingDay)).isEqualTo(5);
        assertThat(p.workingDaysLeft(LocalDate.parse("2026-11-28"), CALENDAR::isWorkingDay)).isEqualTo(3);
        assertThat(p.workingDaysLeft(LocalDate.parse("2026-12-02"), CALENDAR::isWorkingDay)).isEqualTo(1);
        assertThat(p.workingDaysLeft(LocalDate.parse("2026-12-03"), CALENDAR::isWorkingDay)).isZero();
        assertThat(p.runsOn(LocalDate.parse("2026-12-02"))).isTrue();
        assertThat(p.runsOn(LocalDate.parse("2026-12-03"))).isFalse();
    }

    @Test
    void aNoticeRunsAtLeastOneDay() {
        assertThat(period("2026-11-26", 1).endsOn()).isEqualTo("2026-11-26");
        assertThatThrownBy(() -> period("2026-11-26", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
