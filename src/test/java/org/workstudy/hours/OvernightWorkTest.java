package org.workstudy.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.workstudy.calendar.DayKind;
import org.workstudy.shared.BusinessException;

/** Work across midnight: each hour counts on the date it was worked (issue 12, item 3). */
class OvernightWorkTest {

    private static final LocalDate TODAY = LocalDate.of(2030, 1, 1);
    private static final SourceFacts EVENING_POSITION = new SourceFacts.Placement(true, null, null, null);

    private final CountingRules rules = new CountingRules(TestCalendar.snapshot(), CountingSettings.defaults());
    private final List<Slot> others = new ArrayList<>();

    @Test
    void aShiftFrom2000To0200IsSixHoursSplitFourAndTwoOverTwoDates() {
        assertThat(CountingRules.hoursOf(rec("2024-10-19", "20:00", "02:00"))).isEqualByComparingTo("6");
        List<Slot> slots = Slot.of(date("2024-10-19"), time("20:00"), time("02:00"), new BigDecimal("6.00"));
        assertThat(slots).extracting(Slot::date).containsExactly(date("2024-10-19"), date("2024-10-20"));
        assertThat(slots).extracting(Slot::hours).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("4"), new BigDecimal("2"));
    }

    @Test
    void hoursGivenBelowTheTimesAreSharedInProportion() {
        List<Slot> slots = Slot.of(date("2024-10-19"), time("20:00"), time("02:00"), new BigDecimal("5"));
        assertThat(slots).extracting(Slot::hours).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("3.33"), new BigDecimal("1.67"));
    }

    @Test
    void aShiftEndingExactlyAtMidnightIsWorkedOnItsFirstDateOnly() {
        assertThat(CountingRules.hoursOf(rec("2024-10-19", "20:00", "00:00"))).isEqualByComparingTo("4");
        assertThat(Slot.of(date("2024-10-19"), time("20:00"), time("00:00"), new BigDecimal("4")))
                .singleElement().satisfies(s -> assertThat(s.date()).isEqualTo(date("2024-10-19")));
        assertAccepted("2024-10-19", "20:00", "00:00");
        // the next day's work from 00:00 touches it and does not overlap
        others.addAll(Slot.of(date("2024-10-19"), time("20:00"), time("00:00"), new BigDecimal("4")));
        assertAccepted("2024-10-20", "00:00", "03:00");
    }

    @Test
    void onTheLastVacationDayBeforeTermAShiftIntoTheFirstTeachingDayIsRefusedButOneEndingAtMidnightCounts() {
        assertThat(TestCalendar.snapshot().kindOf(date("2025-02-16"))).isEqualTo(DayKind.WINTER_VACATION);
        assertThat(TestCalendar.snapshot().kindOf(date("2025-02-17"))).isEqualTo(DayKind.TERM_WEEKDAY);
        assertRefused("2025-02-16", "20:00", "02:00", "hours.rule.after-midnight-on-workday");
        assertAccepted("2025-02-16", "20:00", "00:00");
        // vacation hours are not term time: the 4 hours on 16 February do not meet the term's weekly cap
        assertThat(rules.termTime(date("2025-02-16"))).isFalse();
    }

    @Test
    void aFridayNightIntoSaturdayCountsTheEveningOnFridayAndTheNightOnSaturday() {
        assertThat(TestCalendar.snapshot().kindOf(date("2024-10-18"))).isEqualTo(DayKind.TERM_WEEKDAY);
        assertAccepted("2024-10-18", "20:00", "02:00");
        // starting before the evening on a teaching day is still refused
        assertRefused("2024-10-18", "17:00", "01:00", "hours.rule.weekday-evening-only");
    }

    @Test
    void theDayCapAppliesToEachDateTheShiftCoversNotToItsStartDate() {
        // in the summer vacation (no week cap), Sunday already holds 9 hours: the 2 hours after midnight would make 11 on Sunday
        others.add(new Slot(date("2025-07-13"), time("09:00"), time("18:00"), new BigDecimal("9")));
        assertThatThrownBy(() -> check("2025-07-12", "20:00", "02:00"))
                .satisfies(e -> {
                    BusinessException b = (BusinessException) e;
                    assertThat(b.messageKey()).isEqualTo("hours.rule.day-cap");
                    assertThat(b.args()).contains(date("2025-07-13"));
                });
        // ending at midnight leaves Sunday alone
        assertAccepted("2025-07-12", "20:00", "00:00");
    }

    @Test
    void theMonthCapCountsOnlyThePartWorkedInThatMonth() {
        // 38 hours in November 2024 (term time), in earlier weeks
        for (String d : List.of("2024-11-02", "2024-11-09", "2024-11-16", "2024-11-23")) {
            others.add(new Slot(date(d), time("09:00"), time("17:00"), new BigDecimal("8")));
        }
        others.add(new Slot(date("2024-11-03"), time("09:00"), time("15:00"), new BigDecimal("6")));
        // Saturday 30 Nov 22:00 – Sunday 1 Dec 02:00: 2 hours in November (40, the cap), 2 in December
        assertAccepted("2024-11-30", "22:00", "02:00");
        others.add(new Slot(date("2024-11-03"), time("16:00"), time("17:00"), new BigDecimal("1")));
        assertRefused("2024-11-30", "22:00", "02:00", "hours.rule.term-month-cap");
    }

    @Test
    void theWeekCapCountsBothPartsInTheSameWeek() {
        others.add(new Slot(date("2024-10-26"), time("09:00"), time("14:00"), new BigDecimal("5")));
        // Saturday 26 Oct 22:00 – Sunday 27 Oct 01:00: 2 + 1 hours, 8 in the week: the cap exactly
        assertAccepted("2024-10-26", "22:00", "01:00");
        assertRefused("2024-10-26", "22:00", "01:30", "hours.rule.term-week-cap");
    }

    @Test
    void anOvernightShiftHasNotEndedUntilTheNextMorning() {
        assertThatThrownBy(() -> rules.check(TestCalendar.ENROLMENT, rec("2024-10-19", "20:00", "02:00"),
                EVENING_POSITION, others, LocalDateTime.of(2024, 10, 19, 23, 30)))
                .hasMessageContaining("hours.rule.not-ended");
        assertThatCode(() -> rules.check(TestCalendar.ENROLMENT, rec("2024-10-19", "20:00", "02:00"),
                EVENING_POSITION, others, LocalDateTime.of(2024, 10, 20, 2, 0))).doesNotThrowAnyException();
    }

    @Test
    void anOvernightShiftOverlapsTheNextMorningsWork() {
        others.add(new Slot(date("2024-10-20"), time("01:00"), time("03:00"), new BigDecimal("2")));
        assertRefused("2024-10-19", "20:00", "02:00", "hours.rule.overlap");
    }

    private void check(String date, String from, String to) {
        rules.check(TestCalendar.ENROLMENT, rec(date, from, to), EVENING_POSITION, others, TODAY);
    }

    private void assertAccepted(String date, String from, String to) {
        assertThatCode(() -> check(date, from, to)).doesNotThrowAnyException();
    }

    private void assertRefused(String date, String from, String to, String key) {
        assertThatThrownBy(() -> check(date, from, to)).isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).messageKey()).isEqualTo(key));
    }

    private static NewWorkRecord rec(String date, String from, String to) {
        return new NewWorkRecord(1, SourceKind.PLACEMENT, 1, date(date), time(from), time(to), null, "布展");
    }

    private static LocalDate date(String s) {
        return LocalDate.parse(s);
    }

    private static LocalTime time(String s) {
        return LocalTime.parse(s);
    }
}
