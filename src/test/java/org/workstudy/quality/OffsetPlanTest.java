package org.workstudy.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.workstudy.shared.BusinessException;

/** Offset arithmetic (DESIGN §2 rule 7): credits x conversion, capped at the required hours; partial or not. */
class OffsetPlanTest {

    static final BigDecimal REQUIRED = new BigDecimal("360");
    static final BigDecimal PER_CREDIT = new BigDecimal("180");

    static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    static OffsetPlan plan(String requested, String available, boolean partial) {
        return OffsetPlan.of(n(requested), n(available), REQUIRED, PER_CREDIT, partial);
    }

    @Test
    void twoCreditsAtOneHundredEightyOffsetTheWhole360Hours() {
        OffsetPlan p = plan("2", "2", false);
        assertThat(p.creditsUsed()).isEqualByComparingTo("2");
        assertThat(p.offsetHours()).isEqualByComparingTo("360");
        assertThat(p.remainingHours()).isEqualByComparingTo("0");
        assertThat(p.full()).isTrue();
    }

    @Test
    void oneCreditWithPartialOffsetsAllowedCovers180AndLeaves180ToWork() {
        OffsetPlan p = plan("1", "3", true);
        assertThat(p.creditsUsed()).isEqualByComparingTo("1");
        assertThat(p.offsetHours()).isEqualByComparingTo("180");
        assertThat(p.remainingHours()).isEqualByComparingTo("180");
        assertThat(p.full()).isFalse();
    }

    @Test
    void oneCreditWithoutPartialOffsetsIsRefusedNamingTheCreditsNeeded() {
        assertThatThrownBy(() -> plan("1", "3", false)).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("offset.partial-not-allowed");
            assertThat(e.args()).containsExactly("2", "360", "180");
        });
        assertThatThrownBy(() -> plan("1.99", "3", false)).isInstanceOf(BusinessException.class);
    }

    @Test
    void creditsBeyondTheNeedAreNotUsedAndTheHoursAreCapped() {
        OffsetPlan p = plan("2.5", "3", true);
        assertThat(p.creditsUsed()).isEqualByComparingTo("2");
        assertThat(p.offsetHours()).isEqualByComparingTo("360");
        assertThat(p.remainingHours()).isEqualByComparingTo("0");
        assertThat(plan("2.5", "3", false).creditsUsed()).isEqualByComparingTo("2");
    }

    @Test
    void exactlyTheRequiredCreditsWithAConversionThatDoesNotDivideEvenly() {
        // 360 / 150 = 2.4 credits needed
        OffsetPlan p = OffsetPlan.of(n("2.4"), n("2.4"), REQUIRED, n("150"), false);
        assertThat(p.offsetHours()).isEqualByComparingTo("360");
        assertThat(p.full()).isTrue();
        // 360 / 7 = 51.428... rounds up to 51.43 credits, whose 360.01 hours are capped at 360
        OffsetPlan q = OffsetPlan.of(n("60"), n("60"), REQUIRED, n("7"), false);
        assertThat(q.creditsUsed()).isEqualByComparingTo("51.43");
        assertThat(q.offsetHours()).isEqualByComparingTo("360");
        assertThatThrownBy(() -> OffsetPlan.of(n("51.42"), n("60"), REQUIRED, n("7"), false))
                .isInstanceOf(BusinessException.class);
    }

    @Test
    void moreCreditsThanAvailableAreRefused() {
        assertThatThrownBy(() -> plan("2", "1.5", true)).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("offset.not-enough-credits");
            assertThat(e.args()).containsExactly("2", "1.5");
        });
    }

    @Test
    void zeroNegativeOrThreeDecimalCreditsAreRefused() {
        for (String bad : new String[] {"0", "-1", "1.005"}) {
            assertThatThrownBy(() -> plan(bad, "3", true)).isInstanceOfSatisfying(BusinessException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("offset.credits-invalid"));
        }
    }

    @Test
    void numbersAreShownWithoutTrailingZeros() {
        assertThat(OffsetPlan.plain(n("180.00"))).isEqualTo("180");
        assertThat(OffsetPlan.plain(n("2.50"))).isEqualTo("2.5");
    }
}
