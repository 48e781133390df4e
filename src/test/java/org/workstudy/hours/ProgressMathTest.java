package org.workstudy.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.workstudy.hours.internal.Progress;
import org.workstudy.hours.internal.MonthHours;

/** Hours, days and shares toward the 360 required hours, and who is behind. */
class ProgressMathTest {

    private final CountingSettings settings = CountingSettings.defaults();

    @Test
    void hours359point9AreNotCompletedAndShowAsLessThanSixtyDays() {
        Progress p = progressWith("359.9");
        assertThat(p.completed()).isFalse();
        assertThat(p.days()).isEqualByComparingTo("59.9");
        assertThat(p.sharePercent()).isEqualByComparingTo("99.9");
        assertThat(p.remainingHours()).isEqualByComparingTo("0.1");
    }

    @Test
    void hours360AreCompletedAsSixtyDays() {
        Progress p = progressWith("360");
        assertThat(p.completed()).isTrue();
        assertThat(p.days()).isEqualByComparingTo("60.0");
        assertThat(p.days().toPlainString()).isEqualTo("60.0");
        assertThat(p.sharePercent()).isEqualByComparingTo("100");
        assertThat(p.remainingHours()).isEqualByComparingTo("0");
    }

    @Test
    void daysLeftCountWeekendsHolidaysAndVacationUpToTheLastDayOfTheWindow() {
        var calendar = TestCalendar.snapshot();
        LocalDate windowEnd = ProgressMath.windowEnd(calendar, TestCalendar.ENROLMENT, settings).orElseThrow();
        assertThat(windowEnd).isEqualTo(LocalDate.parse("2027-02-21"));
        // the last week of the winter vacation, the window's last day included
        assertThat(ProgressMath.daysLeft(calendar, LocalDate.parse("2027-02-15"), windowEnd))
                .isEqualTo(new ProgressMath.DaysLeft(0, 7));
        // National Day week: seven public holidays; the make-up Sunday before it is a workday and does not count
        assertThat(ProgressMath.daysLeft(calendar, LocalDate.parse("2024-09-29"), LocalDate.parse("2024-10-07")))
                .isEqualTo(new ProgressMath.DaysLeft(7, 0));
        // an ordinary term week: its Saturday and Sunday
        assertThat(ProgressMath.daysLeft(calendar, LocalDate.parse("2024-10-21"), LocalDate.parse("2024-10-27")))
                .isEqualTo(new ProgressMath.DaysLeft(2, 0));
        // the last term of the window to its end: 2026-2027-1 ends 2027-01-15, its vacation to 2027-02-21
        ProgressMath.DaysLeft fifth = ProgressMath.daysLeft(calendar, LocalDate.parse("2027-01-16"), windowEnd);
        assertThat(fifth.vacationDays()).isEqualTo(37);
        // after the window, or with a window the calendar does not know: nothing left
        assertThat(ProgressMath.daysLeft(calendar, LocalDate.parse("2027-02-22"), windowEnd))
                .isEqualTo(new ProgressMath.DaysLeft(0, 0));
        assertThat(ProgressMath.daysLeft(calendar, LocalDate.parse("2027-02-22"), null))
                .isEqualTo(new ProgressMath.DaysLeft(0, 0));
    }

    @Test
    void sixHoursMakeOneDay() {
        assertThat(ProgressMath.days(new BigDecimal("6"), settings)).isEqualByComparingTo("1.0");
        assertThat(ProgressMath.days(new BigDecimal("9"), settings)).isEqualByComparingTo("1.5");
    }

    @Test
    void theMonthlySeriesRunsFromTheFirstSemesterWithARunningTotal() {
        Progress p = ProgressMath.progress(1, List.of(slot("2024-10-19", "4"), slot("2024-12-07", "6"),
                slot("2024-12-08", "2")), BigDecimal.ONE, TestCalendar.snapshot(), TestCalendar.ENROLMENT,
                LocalDate.of(2025, 1, 5), settings);
        assertThat(p.byMonth()).extracting(MonthHours::month).containsExactly(YearMonth.of(2024, 9),
                YearMonth.of(2024, 10), YearMonth.of(2024, 11), YearMonth.of(2024, 12), YearMonth.of(2025, 1));
        assertThat(p.byMonth().get(3).hours()).isEqualByComparingTo("8");
        assertThat(p.byMonth().get(4).cumulative()).isEqualByComparingTo("12");
        assertThat(p.currentSemester()).isEqualTo(1);
        assertThat(p.semestersLeft()).isEqualTo(5);
        assertThat(p.waitingHours()).isEqualByComparingTo("1");
    }

    @Test
    void semestersLeftCountTheCurrentOneAndNoneAfterTheWindow() {
        assertThat(progressOn("2026-09-15").semestersLeft()).isEqualTo(1);
        assertThat(progressOn("2027-03-01").semestersLeft()).isZero();
        assertThat(progressOn("2024-08-01").semestersLeft()).isEqualTo(5);
    }

    @Test
    void theExpectationGrowsPerSemesterPassedAndIsTheWholeRequirementAfterTheWindow() {
        var calendar = TestCalendar.snapshot();
        assertThat(ProgressMath.expected(calendar, TestCalendar.ENROLMENT, LocalDate.of(2024, 9, 2), settings))
                .isEqualByComparingTo("0");
        // the first day of semester 3: two semesters of five passed
        assertThat(ProgressMath.expected(calendar, TestCalendar.ENROLMENT, LocalDate.of(2025, 9, 1), settings))
                .isEqualByComparingTo("144");
        assertThat(ProgressMath.expected(calendar, TestCalendar.ENROLMENT, LocalDate.of(2027, 3, 1), settings))
                .isEqualByComparingTo("360");
    }

    private Progress progressWith(String hours) {
        return ProgressMath.progress(1, List.of(slot("2025-07-07", hours)), BigDecimal.ZERO, TestCalendar.snapshot(),
                TestCalendar.ENROLMENT, LocalDate.of(2025, 8, 1), settings);
    }

    private Progress progressOn(String today) {
        return ProgressMath.progress(1, List.of(), BigDecimal.ZERO, TestCalendar.snapshot(), TestCalendar.ENROLMENT,
                LocalDate.parse(today), settings);
    }

    private static Slot slot(String date, String hours) {
        return new Slot(LocalDate.parse(date), null, null, new BigDecimal(hours));
    }
}
