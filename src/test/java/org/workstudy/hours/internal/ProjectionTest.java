package org.workstudy.hours.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The early-warning projection on hand-made cases: pace × usable days left against the hours still needed. */
class ProjectionTest {

    private static final Projection.Assumptions HALF = Projection.Assumptions.DEFAULTS; // 50 %, 50 %, 4 h, 3 days

    private static BigDecimal h(String v) {
        return new BigDecimal(v);
    }

    @Test
    void hoursThatExactlyFillTheUsableDaysLeftAreNotShort() {
        // 60 h on 10 days: 6 h a day; half of 40 weekend days and of 60 vacation days: 50 days × 6 = 300 h
        Projection p = Projection.of(h("60"), 10, h("300"), 40, 60, HALF);
        assertThat(p.hoursPerDay()).isEqualByComparingTo("6");
        assertThat(p.paceMeasured()).isTrue();
        assertThat(p.reachableHours()).isEqualByComparingTo("300.0");
        assertThat(p.shortOfHours()).isFalse();
    }

    @Test
    void aTenthOfAnHourMoreThanTheDaysLeftHoldIsShort() {
        Projection p = Projection.of(h("60"), 10, h("300.1"), 40, 60, HALF);
        assertThat(p.shortOfHours()).isTrue();
    }

    @Test
    void withFewerDaysWorkedThanTheMinimumTheAssumedPaceIsUsed() {
        // 16 h on 2 days would be 8 h a day; too few days to judge: 4 h a day assumed, 50 days × 4 = 200 h < 344 h
        Projection p = Projection.of(h("16"), 2, h("344"), 40, 60, HALF);
        assertThat(p.paceMeasured()).isFalse();
        assertThat(p.hoursPerDay()).isEqualByComparingTo("4");
        assertThat(p.reachableHours()).isEqualByComparingTo("200.0");
        assertThat(p.shortOfHours()).isTrue();
        // on the third day the student's own pace counts: 24 h on 3 days = 8 h, 50 × 8 = 400 h ≥ 336 h
        Projection measured = Projection.of(h("24"), 3, h("336"), 40, 60, HALF);
        assertThat(measured.paceMeasured()).isTrue();
        assertThat(measured.shortOfHours()).isFalse();
    }

    @Test
    void aSlowPaceMakesAStudentShortWhoIsOnEvenPaceByTheCalendar() {
        // 180 h done (half) but at 2 h a day: 50 usable days × 2 = 100 h < 180 h still needed
        Projection p = Projection.of(h("180"), 90, h("180"), 40, 60, HALF);
        assertThat(p.hoursPerDay()).isEqualByComparingTo("2");
        assertThat(p.shortOfHours()).isTrue();
    }

    @Test
    void nothingLeftToDoIsNeverShortAndNoDaysLeftWithHoursMissingAlwaysIs() {
        assertThat(Projection.of(h("360"), 60, h("0"), 0, 0, HALF).shortOfHours())
                .isFalse();
        Projection none = Projection.of(h("359.5"), 60, h("0.5"), 0, 0, HALF);
        assertThat(none.reachableHours()).isEqualByComparingTo("0");
        assertThat(none.shortOfHours()).isTrue();
    }

    @Test
    void theSharesAreSettingsAndReachableHoursAreRoundedDown() {
        // all weekends, no vacation: 3 days × 60/7 h (8.57) = 25.71 → 25.7
        Projection.Assumptions weekendsOnly = new Projection.Assumptions(BigDecimal.ONE, BigDecimal.ZERO, h("4"), 3);
        Projection p = Projection.of(h("60"), 7, h("25.8"), 3, 100, weekendsOnly);
        assertThat(p.hoursPerDay()).isEqualByComparingTo("8.57");
        assertThat(p.reachableHours()).isEqualByComparingTo("25.7");
        assertThat(p.shortOfHours()).isTrue();
        assertThat(p.weekendPercent()).isEqualTo(100);
        assertThat(p.vacationPercent()).isZero();
        assertThatThrownBy(() -> new Projection.Assumptions(h("1.1"), h("0.5"), h("4"), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Projection.Assumptions(h("0.5"), h("0.5"), h("0"), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
