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
import org.workstudy.calendar.DayKind;
import org.workstudy.placements.SelfArrangedStatus;
import org.workstudy.placements.SelfArrangedView;
import org.workstudy.shared.BusinessException;

/** The counting rules of DESIGN section 2 at their edges; each refusal names its rule. */
class CountingRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2030, 1, 1);
    private static final SourceFacts DAY_POSITION = new SourceFacts.Placement(false, null, null, null);
    private static final SourceFacts EVENING_POSITION = new SourceFacts.Placement(true, null, null, null);

    private final CountingRules rules = new CountingRules(TestCalendar.snapshot(), CountingSettings.defaults());
    private final List<Slot> others = new ArrayList<>();

    // ------------------------------------------------------------- window (rule 3)

    @Test
    void theLastDayOfSemesterFiveCountsAndTheFirstDayOfSemesterSixDoesNot() {
        assertThat(TestCalendar.snapshot().kindOf(date("2027-02-21"))).isEqualTo(DayKind.WINTER_VACATION);
        assertAccepted(DAY_POSITION, "2027-02-21", "09:00", "12:00");
        assertRefused(DAY_POSITION, "2027-02-22", "18:00", "20:00", "hours.rule.semester-window");
        assertRefused(EVENING_POSITION, "2027-02-27", "09:00", "12:00", "hours.rule.semester-window");
    }

    @Test
    void workBeforeTheFirstSemesterDoesNotCount() {
        assertRefused(DAY_POSITION, "2024-08-31", "09:00", "12:00", "hours.rule.semester-window");
        assertAccepted(DAY_POSITION, "2024-09-07", "09:00", "12:00");
    }

    @Test
    void workInTheFutureIsRefused() {
        assertThatThrownBy(() -> rules.check(TestCalendar.ENROLMENT, rec("2024-09-07", "09:00", "12:00"), DAY_POSITION,
                others, LocalDate.of(2024, 9, 6))).hasMessageContaining("hours.rule.future");
    }

    @Test
    void workEndingExactlyNowCountsWorkEndingOneMinuteLaterIsRefused() {
        java.time.LocalDateTime now = java.time.LocalDateTime.of(2024, 9, 7, 15, 0);
        assertThatCode(() -> rules.check(TestCalendar.ENROLMENT, rec("2024-09-07", "09:00", "15:00"), DAY_POSITION,
                others, now)).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.check(TestCalendar.ENROLMENT, rec("2024-09-07", "09:00", "15:01"),
                DAY_POSITION, others, now)).hasMessageContaining("hours.rule.not-ended");
        // 09:00–15:00 recorded at 00:36 the same day
        assertThatThrownBy(() -> rules.check(TestCalendar.ENROLMENT, rec("2024-09-07", "09:00", "15:00"),
                DAY_POSITION, others, java.time.LocalDateTime.of(2024, 9, 7, 0, 36)))
                .hasMessageContaining("hours.rule.not-ended");
    }

    // ------------------------------------------------------------- outside class time (rule 4)

    @Test
    void aMakeUpSundayIsAWeekdayADaytimeRecordIsRefused() {
        assertThat(TestCalendar.snapshot().kindOf(date("2024-09-29"))).isEqualTo(DayKind.MAKEUP_WORKDAY);
        assertRefused(EVENING_POSITION, "2024-09-29", "09:00", "12:00", "hours.rule.weekday-evening-only");
        assertRefused(DAY_POSITION, "2024-09-29", "09:00", "12:00", "hours.rule.weekday-needs-evening-position");
    }

    @Test
    void aMakeUpSundayAllowsAnEveningRecordOnAnEveningPosition() {
        assertAccepted(EVENING_POSITION, "2024-09-29", "18:00", "21:00");
    }

    @Test
    void anEveningRecordOnATermWeekdayForANonEveningPositionIsRefused() {
        assertRefused(DAY_POSITION, "2024-10-16", "18:30", "20:30", "hours.rule.weekday-needs-evening-position");
    }

    @Test
    void onATermWeekdayEveningWorkStartingAt1759IsRefusedAndAt1800Accepted() {
        assertRefused(EVENING_POSITION, "2024-10-16", "17:59", "20:00", "hours.rule.weekday-evening-only");
        assertAccepted(EVENING_POSITION, "2024-10-16", "18:00", "20:00");
    }

    @Test
    void onATermWeekdayARecordWithoutTimesIsRefused() {
        NewWorkRecord hoursOnly = new NewWorkRecord(1, SourceKind.PLACEMENT, 1, date("2024-10-16"), null, null,
                new BigDecimal("2"), "x");
        assertThatThrownBy(() -> rules.check(TestCalendar.ENROLMENT, hoursOnly, EVENING_POSITION, others, TODAY))
                .hasMessageContaining("hours.rule.weekday-evening-only");
    }

    @Test
    void aPublicHolidayInTermCountsWithoutEvening() {
        assertThat(TestCalendar.snapshot().kindOf(date("2024-10-02"))).isEqualTo(DayKind.PUBLIC_HOLIDAY);
        assertAccepted(DAY_POSITION, "2024-10-02", "09:00", "12:00");
    }

    @Test
    void weekendsAndVacationsCountAtAnyHour() {
        assertAccepted(DAY_POSITION, "2024-10-19", "08:00", "12:00");
        assertAccepted(DAY_POSITION, "2025-07-15", "08:00", "12:00");
    }

    @Test
    void selfArrangedWorkOnATermWeekdayCountsOnlyFrom1800() {
        SourceFacts work = selfArranged(false, "2024-09-01", null, false);
        assertRefused(work, "2024-10-16", "17:00", "19:00", "hours.rule.weekday-evening-only");
        assertAccepted(work, "2024-10-16", "18:00", "20:00");
    }

    // ------------------------------------------------------------- placements

    @Test
    void aPlacementRecordMustLieInThePositionsWorkPeriod() {
        SourceFacts p = new SourceFacts.Placement(false, date("2024-10-01"), date("2024-10-31"), null);
        assertRefused(p, "2024-09-28", "09:00", "12:00", "hours.rule.position-period");
        assertRefused(p, "2024-11-02", "09:00", "12:00", "hours.rule.position-period");
        assertAccepted(p, "2024-10-26", "09:00", "12:00");
    }

    @Test
    void aPlacementThatEndedCountsUpToTheDayItEnded() {
        SourceFacts p = new SourceFacts.Placement(false, null, null, date("2024-10-19"));
        assertAccepted(p, "2024-10-19", "09:00", "12:00");
        assertRefused(p, "2024-10-20", "09:00", "12:00", "hours.rule.placement-ended");
    }

    // ------------------------------------------------------------- self-arranged work (rules 5, 6)

    @Test
    void selfArrangedWorkTheDayBeforeTheRegistrationsApprovalDoesNotCount() {
        SourceFacts work = selfArranged(false, "2025-07-10", null, false);
        assertRefused(work, "2025-07-09", "09:00", "12:00", "hours.rule.self-arranged-before-approval");
    }

    @Test
    void selfArrangedWorkOnTheDayOfTheRegistrationsApprovalCounts() {
        SourceFacts work = selfArranged(false, "2025-07-10", null, false);
        assertAccepted(work, "2025-07-10", "09:00", "12:00");
        assertThat(CountingRules.notCountingReason(work, date("2025-07-10"))).isEmpty();
    }

    @Test
    void outOfCityWorkWithoutTheViceDeansPriorApprovalIsRefused() {
        assertRefused(selfArranged(true, "2025-07-01", null, true), "2025-07-10", "09:00", "12:00",
                "hours.rule.out-of-city-without-vice-dean");
        // approved by the vice dean only on the first day of the work: not "before it starts"
        assertRefused(selfArranged(true, "2025-07-01", "2024-09-01", true), "2025-07-10", "09:00", "12:00",
                "hours.rule.out-of-city-without-vice-dean");
    }

    @Test
    void outOfCityWorkIsAcceptedButDoesNotCountUntilTheCertificateIsVerified() {
        SourceFacts waiting = selfArranged(true, "2025-07-01", "2024-08-20", false);
        assertAccepted(waiting, "2025-07-10", "09:00", "12:00");
        assertThat(CountingRules.notCountingReason(waiting, date("2025-07-10")))
                .contains("hours.not-counted.certificate");
        SourceFacts verified = selfArranged(true, "2025-07-01", "2024-08-20", true);
        assertThat(CountingRules.notCountingReason(verified, date("2025-07-10"))).isEmpty();
    }

    @Test
    void selfArrangedWorkOutsideItsRegisteredPeriodIsRefused() {
        assertRefused(selfArranged(false, "2025-07-01", null, false), "2025-08-20", "09:00", "12:00",
                "hours.rule.self-arranged-period");
    }

    // ------------------------------------------------------------- overlaps and caps

    @Test
    void overlappingRecordsAreRefusedButTouchingOnesAreAllowed() {
        others.add(slot("2025-07-07", "08:00", "12:00"));
        assertRefused(DAY_POSITION, "2025-07-07", "11:00", "13:00", "hours.rule.overlap");
        assertRefused(DAY_POSITION, "2025-07-07", "07:00", "08:01", "hours.rule.overlap");
        assertAccepted(DAY_POSITION, "2025-07-07", "12:00", "14:00");
        assertAccepted(DAY_POSITION, "2025-07-07", "06:00", "08:00");
    }

    @Test
    void tenHoursADayAreAllowedAndTenAndAHalfAreNot() {
        others.add(slot("2025-07-07", "08:00", "16:00"));
        assertAccepted(DAY_POSITION, "2025-07-07", "16:00", "18:00");
        assertRefused(DAY_POSITION, "2025-07-07", "16:00", "18:30", "hours.rule.day-cap");
    }

    @Test
    void inTermTimeEightHoursAWeekAreAllowedAndMoreAreNot() {
        others.add(slot("2024-10-19", "08:00", "12:00"));
        assertAccepted(DAY_POSITION, "2024-10-20", "08:00", "12:00");
        others.add(slot("2024-10-20", "08:00", "12:00"));
        assertRefused(DAY_POSITION, "2024-10-20", "13:00", "14:00", "hours.rule.term-week-cap");
        assertRefused(EVENING_POSITION, "2024-10-16", "18:00", "19:00", "hours.rule.term-week-cap");
        // the next week starts afresh
        assertAccepted(DAY_POSITION, "2024-10-26", "08:00", "16:00");
    }

    @Test
    void inTermTimeFortyHoursAMonthAreAllowedAndMoreAreNot() {
        // March 2025 touches six Monday–Sunday weeks: eight hours on each of its five Saturdays make 40
        for (String saturday : List.of("2025-03-01", "2025-03-08", "2025-03-15", "2025-03-22")) {
            others.add(slot(saturday, "08:00", "16:00"));
        }
        assertAccepted(DAY_POSITION, "2025-03-29", "08:00", "16:00");
        others.add(slot("2025-03-29", "08:00", "16:00"));
        assertRefused(EVENING_POSITION, "2025-03-31", "18:00", "19:00", "hours.rule.term-month-cap");
        assertAccepted(EVENING_POSITION, "2025-04-01", "18:00", "19:00");
    }

    @Test
    void inVacationNeitherTheWeekNorTheMonthCapApplies() {
        for (int day = 7; day <= 11; day++) {
            others.add(slot("2025-07-%02d".formatted(day), "08:00", "18:00"));
        }
        assertAccepted(DAY_POSITION, "2025-07-12", "08:00", "18:00");
    }

    @Test
    void aWeekSpanningTermAndVacationIsCappedOnItsTermDaysOnly() {
        // the autumn term 2024 ends on Friday 2025-01-17; Saturday and Sunday are winter vacation
        others.add(slot("2025-01-13", "18:00", "22:00"));
        others.add(slot("2025-01-15", "18:00", "22:00"));
        assertAccepted(DAY_POSITION, "2025-01-18", "08:00", "18:00");
        assertRefused(EVENING_POSITION, "2025-01-16", "18:00", "19:00", "hours.rule.term-week-cap");
    }

    // ------------------------------------------------------------- hours and times

    @Test
    void hoursComeFromTheTimesOrAreGivenButNeverExceedThem() {
        assertThat(CountingRules.hoursOf(rec("2024-10-19", "08:00", "10:20"))).isEqualByComparingTo("2.33");
        assertThatThrownBy(() -> CountingRules.hoursOf(new NewWorkRecord(1, SourceKind.PLACEMENT, 1,
                date("2024-10-19"), time("08:00"), time("10:00"), new BigDecimal("3"), "x")))
                .hasMessageContaining("hours.rule.hours-exceed-times");
        assertThatThrownBy(() -> CountingRules.hoursOf(rec("2024-10-19", "10:00", "10:00")))
                .hasMessageContaining("hours.rule.times-reversed");
        assertThatThrownBy(() -> CountingRules.hoursOf(new NewWorkRecord(1, SourceKind.PLACEMENT, 1,
                date("2024-10-19"), null, null, new BigDecimal("0"), "x"))).hasMessageContaining("hours.rule.hours-invalid");
    }

    // ------------------------------------------------------------- helpers

    private void assertAccepted(SourceFacts source, String date, String from, String to) {
        assertThatCode(() -> rules.check(TestCalendar.ENROLMENT, rec(date, from, to), source, others, TODAY))
                .doesNotThrowAnyException();
    }

    private void assertRefused(SourceFacts source, String date, String from, String to, String key) {
        assertThatThrownBy(() -> rules.check(TestCalendar.ENROLMENT, rec(date, from, to), source, others, TODAY))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).messageKey()).isEqualTo(key));
    }

    private static NewWorkRecord rec(String date, String from, String to) {
        return new NewWorkRecord(1, SourceKind.PLACEMENT, 1, date(date), time(from), time(to), null, "工作");
    }

    private static Slot slot(String date, String from, String to) {
        return new Slot(date(date), time(from), time(to), CountingRules.hoursOf(rec(date, from, to)));
    }

    private static SourceFacts selfArranged(boolean outOfCity, String approvedOn, String viceDeanOn, boolean verified) {
        return new SourceFacts.SelfArranged(new SelfArrangedView(1, 1, "某公司", outOfCity ? "福州" : "厦门", "某路1号",
                outOfCity, date("2024-09-01"), date("2025-08-15"), new BigDecimal("100"), "销售",
                verified ? SelfArrangedStatus.VERIFIED
                        : outOfCity ? SelfArrangedStatus.VICE_DEAN_APPROVED : SelfArrangedStatus.APPROVED, date(approvedOn),
                viceDeanOn == null ? null : date(viceDeanOn), verified));
    }

    private static LocalDate date(String s) {
        return LocalDate.parse(s);
    }

    private static LocalTime time(String s) {
        return LocalTime.parse(s);
    }
}
