package org.workstudy.hours;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;

/**
 * Make-up (补修) after deferred graduation: work after the semester window counts only for a deferred student, on or
 * after the day of the deferral (and not after the release); every other rule still applies. Test calendar: the
 * window of the 2024-2025-1 enrolment ends on 2027-02-21; Saturday 2027-02-27 is a term weekend after it.
 */
class MakeUpCountingRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2030, 1, 1);
    private static final SourceFacts POSITION = new SourceFacts.Placement(false, null, null, null);

    private final CountingRules rules = new CountingRules(TestCalendar.snapshot(), CountingSettings.defaults());

    @Test
    void workTheDayAfterTheWindowIsRefusedForAStudentWhoIsNotDeferred() {
        assertThatThrownBy(() -> check("2027-02-22", "18:00", "20:00", null))
                .hasMessageContaining("hours.rule.semester-window");
        assertThatThrownBy(() -> check("2027-02-27", "09:00", "12:00", null))
                .hasMessageContaining("hours.rule.semester-window");
    }

    @Test
    void workAfterTheWindowOnOrAfterTheDeferralDateCountsAsMakeUp() {
        MakeUpWindows.Period deferred = new MakeUpWindows.Period(LocalDate.of(2027, 2, 22), null);
        assertThatCode(() -> check("2027-02-27", "09:00", "12:00", deferred)).doesNotThrowAnyException();
    }

    @Test
    void workAfterTheWindowBeforeTheDeferralDateIsRefused() {
        MakeUpWindows.Period deferred = new MakeUpWindows.Period(LocalDate.of(2027, 3, 1), null);
        assertThatThrownBy(() -> check("2027-02-27", "09:00", "12:00", deferred))
                .hasMessageContaining("hours.rule.semester-window");
    }

    @Test
    void workAfterTheReleaseIsRefused() {
        MakeUpWindows.Period released = new MakeUpWindows.Period(LocalDate.of(2027, 2, 22), LocalDate.of(2027, 3, 1));
        assertThatCode(() -> check("2027-02-27", "09:00", "12:00", released)).doesNotThrowAnyException();
        assertThatThrownBy(() -> check("2027-03-06", "09:00", "12:00", released))
                .hasMessageContaining("hours.rule.semester-window");
    }

    @Test
    void makeUpWorkStillKeepsTheOtherRules() {
        MakeUpWindows.Period deferred = new MakeUpWindows.Period(LocalDate.of(2027, 2, 22), null);
        // a term weekday needs the evening, as within the window
        assertThatThrownBy(() -> check("2027-02-23", "09:00", "12:00", deferred))
                .hasMessageContaining("hours.rule.weekday");
    }

    @Test
    void aMakeUpPeriodDoesNotOpenWorkBeforeTheFirstSemester() {
        MakeUpWindows.Period deferred = new MakeUpWindows.Period(LocalDate.of(2024, 1, 1), null);
        assertThatThrownBy(() -> check("2024-08-31", "09:00", "12:00", deferred))
                .hasMessageContaining("hours.rule.semester-window");
    }

    private void check(String date, String from, String to, MakeUpWindows.Period period) {
        rules.check(TestCalendar.ENROLMENT, new NewWorkRecord(1, SourceKind.PLACEMENT, 1, LocalDate.parse(date),
                LocalTime.parse(from), LocalTime.parse(to), null, "补修"), POSITION, new ArrayList<>(), TODAY, period);
    }
}
