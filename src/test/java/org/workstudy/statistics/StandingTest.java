package org.workstudy.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.workstudy.calendar.DayKind;
import org.workstudy.shared.BusinessException;
import org.workstudy.statistics.internal.Dashboard;
import org.workstudy.statistics.internal.StudentDrill;
import org.workstudy.statistics.internal.TimeOfWork;

/** The definitions of the figures, at their edges. */
class StandingTest {

    private static final BigDecimal REQUIRED = new BigDecimal("360");

    private static Standing of(String counted, String offset, String expected, boolean exempt, boolean recognised,
            boolean projectedShort) {
        return Standing.of(REQUIRED, new BigDecimal(counted), new BigDecimal(offset), new BigDecimal(expected),
                exempt, recognised, projectedShort);
    }

    @Test
    void exactlyTheRequiredHoursCompleteTheCourse() {
        assertThat(of("360", "0", "360", false, false, false).completed()).isTrue();
        assertThat(of("359.99", "0", "360", false, false, false).completed()).isFalse();
    }

    @Test
    void offsetHoursCountTowardCompletionAndPace() {
        assertThat(of("180", "180", "360", false, false, false).completed()).isTrue();
        Standing partly = of("100", "80", "180", false, false, false);
        assertThat(partly.completed()).isFalse();
        assertThat(partly.onTrack()).isTrue(); // 100 + 80 = 180, exactly the pace
        assertThat(of("99", "80", "180", false, false, false).onTrack()).isFalse();
    }

    @Test
    void anExemptOrRecognisedStudentHasCompletedWithoutHours() {
        assertThat(of("0", "0", "216", true, false, true)).isEqualTo(new Standing(true, true, false));
        assertThat(of("0", "0", "216", false, true, true)).isEqualTo(new Standing(true, true, false));
    }

    @Test
    void atThePaceIsOnTrackAndOneHourBelowIsAtRisk() {
        assertThat(of("144", "0", "144", false, false, false)).isEqualTo(new Standing(false, true, false));
        assertThat(of("143", "0", "144", false, false, false)).isEqualTo(new Standing(false, false, true));
    }

    @Test
    void onPaceButProjectedShortIsAtRiskAndStillOnTrack() {
        assertThat(of("144", "0", "144", false, false, true)).isEqualTo(new Standing(false, true, true));
    }

    @Test
    void ratesRoundDownToOneDecimalAndHaveNoValueWithoutStudents() {
        assertThat(Dashboard.percent(2, 3)).isEqualByComparingTo("66.6");
        assertThat(Dashboard.percent(9999, 10000)).isEqualByComparingTo("99.9");
        assertThat(Dashboard.percent(3, 3)).isEqualByComparingTo("100.0");
        assertThat(Dashboard.percent(0, 0)).isNull();
    }

    @Test
    void kindsOfTimeFollowTheCalendar() {
        assertThat(TimeOfWork.of(DayKind.TERM_WEEKDAY)).isEqualTo(TimeOfWork.EVENING);
        assertThat(TimeOfWork.of(DayKind.MAKEUP_WORKDAY)).isEqualTo(TimeOfWork.EVENING);
        assertThat(TimeOfWork.of(DayKind.WEEKEND)).isEqualTo(TimeOfWork.WEEKEND);
        assertThat(TimeOfWork.of(DayKind.PUBLIC_HOLIDAY)).isEqualTo(TimeOfWork.HOLIDAY);
        assertThat(TimeOfWork.of(DayKind.WINTER_VACATION)).isEqualTo(TimeOfWork.VACATION);
        assertThat(TimeOfWork.of(DayKind.SUMMER_VACATION)).isEqualTo(TimeOfWork.VACATION);
        assertThat(TimeOfWork.of(DayKind.OUTSIDE_CALENDAR)).isEqualTo(TimeOfWork.OTHER);
    }

    @Test
    void theAcademicYearRunsFromSeptemberAndIsCheckedNamingTheField() {
        StatsFilter f = new StatsFilter("2025-2026", null, null, null, null);
        assertThat(f.from()).isEqualTo("2025-09-01");
        assertThat(f.until()).isEqualTo("2026-09-01");
        assertThat(StatsFilter.yearOf(java.time.LocalDate.of(2026, 8, 31))).isEqualTo("2025-2026");
        assertThat(StatsFilter.yearOf(java.time.LocalDate.of(2026, 9, 1))).isEqualTo("2026-2027");
        assertThatThrownBy(() -> new StatsFilter("2025-2027", null, null, null, null))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("academicYear"));
        assertThatThrownBy(() -> new StatsFilter("2025-2026", 1999, null, null, null))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("cohort"));
        assertThatThrownBy(() -> new StudentDrill("nobody", null, null, null, null, false))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("standing"));
        assertThatThrownBy(() -> new StudentDrill(null, "2025-13", null, null, null, false))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("month"));
    }
}
