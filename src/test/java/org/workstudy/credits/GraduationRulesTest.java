package org.workstudy.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.workstudy.credits.internal.GraduationStatus;

/** The graduation audit's status at its edges (DESIGN rule 12). */
class GraduationRulesTest {

    private static final BigDecimal REQUIRED = new BigDecimal("360");
    private static final LocalDate DEFERRED_ON = LocalDate.of(2026, 7, 1);

    @Test
    void exactly360HoursInTheWindowIsCompleted() {
        GraduationRules.Verdict v = judge("360", "0", null, null, null);
        assertThat(v.status()).isEqualTo(GraduationStatus.COMPLETED);
        assertThat(v.missingHours()).isEqualByComparingTo("0");
    }

    @Test
    void hours359Point9AreDeficientMissingZeroPoint1() {
        GraduationRules.Verdict v = judge("359.9", "0", null, null, null);
        assertThat(v.status()).isEqualTo(GraduationStatus.DEFICIENT);
        assertThat(v.missingHours()).isEqualByComparingTo("0.1");
    }

    @Test
    void sixOf360HoursOutsideTheWindowAndNotMakeUpLeaveSixMissing() {
        // the ledger counts 360, of which 354 within the window; the 6 outside are not make-up (not deferred)
        GraduationRules.Verdict v = judge("354", "0", null, null, null);
        assertThat(v.status()).isEqualTo(GraduationStatus.DEFICIENT);
        assertThat(v.missingHours()).isEqualByComparingTo("6");
    }

    @Test
    void anExemptStudentWithZeroHoursIsExempt() {
        GraduationRules.Verdict v = judge("0", "0", null, exempt(), null);
        assertThat(v.status()).isEqualTo(GraduationStatus.EXEMPT);
        assertThat(v.missingHours()).isEqualByComparingTo("0");
    }

    @Test
    void aPartialOffsetOf180With180WorkedIsOffset() {
        assertThat(judge("180", "0", null, offset("180"), null).status()).isEqualTo(GraduationStatus.OFFSET);
    }

    @Test
    void aPartialOffsetOf180With174WorkedIsDeficientMissingSix() {
        GraduationRules.Verdict v = judge("174", "0", null, offset("180"), null);
        assertThat(v.status()).isEqualTo(GraduationStatus.DEFICIENT);
        assertThat(v.missingHours()).isEqualByComparingTo("6");
    }

    @Test
    void aFullOffsetWithNoHoursIsOffset() {
        assertThat(judge("0", "0", null, offset("360"), null).status()).isEqualTo(GraduationStatus.OFFSET);
    }

    @Test
    void aCreditRecordIsCompletedWhateverTheHours() {
        assertThat(judge("0", "0", RecognitionBasis.HOURS, null, null).status())
                .isEqualTo(GraduationStatus.COMPLETED);
    }

    @Test
    void aCreditRecognisedOnAnExemptionOrAnOffsetSaysSoNotCompleted() {
        assertThat(judge("0", "0", RecognitionBasis.EXEMPT, exempt(), null).status())
                .isEqualTo(GraduationStatus.EXEMPT);
        assertThat(judge("400", "0", RecognitionBasis.OFFSET, offset("180"), null).status())
                .isEqualTo(GraduationStatus.OFFSET);
        assertThat(judge("0", "0", RecognitionBasis.MAKE_UP, null, null).status())
                .isEqualTo(GraduationStatus.COMPLETED);
    }

    @Test
    void aDeferredStudentShowsMakeUpSoFarAndWhatRemains() {
        GraduationRules.Verdict v = judge("300", "20", null, null, deferral(null));
        assertThat(v.status()).isEqualTo(GraduationStatus.DEFERRED);
        assertThat(v.deficitHours()).isEqualByComparingTo("60");
        assertThat(v.makeUpHours()).isEqualByComparingTo("20");
        assertThat(v.missingHours()).isEqualByComparingTo("40");
        assertThat(v.deferredOn()).isEqualTo(DEFERRED_ON);
    }

    @Test
    void aDeferredStudentHasMadeUpWhenMakeUpReachesTheDeficitNotBefore() {
        assertThat(GraduationRules.madeUp(facts("300", "59.99", null, null, deferral(null)))).isFalse();
        assertThat(GraduationRules.madeUp(facts("300", "60", null, null, deferral(null)))).isTrue();
    }

    @Test
    void aReleasedStudentIsMadeUpWithTheDate() {
        GraduationRules.Verdict v = judge("300", "60", null, null, deferral(LocalDate.of(2026, 8, 3)));
        assertThat(v.status()).isEqualTo(GraduationStatus.MADE_UP);
        assertThat(v.releasedOn()).isEqualTo(LocalDate.of(2026, 8, 3));
        assertThat(GraduationRules.madeUp(facts("300", "60", null, null, deferral(LocalDate.of(2026, 8, 3)))))
                .isFalse();
    }

    @Test
    void makeUpHoursOfAStudentWhoIsNotDeferredDoNotCount() {
        assertThat(judge("300", "60", null, null, null).status()).isEqualTo(GraduationStatus.DEFICIENT);
    }

    private static GraduationRules.Verdict judge(String inWindow, String makeUp, RecognitionBasis record,
            ExemptionStanding e, DeferralStanding d) {
        return GraduationRules.judge(facts(inWindow, makeUp, record, e, d));
    }

    private static GraduationRules.Facts facts(String inWindow, String makeUp, RecognitionBasis record,
            ExemptionStanding e, DeferralStanding d) {
        return new GraduationRules.Facts(REQUIRED, new BigDecimal(inWindow), new BigDecimal(makeUp), record, e, d);
    }

    private static ExemptionStanding exempt() {
        return new ExemptionStanding(1, 1, ExemptionKind.EXEMPT, null, LocalDate.of(2026, 5, 1));
    }

    private static ExemptionStanding offset(String hours) {
        return new ExemptionStanding(1, 1, ExemptionKind.OFFSET, new BigDecimal(hours), LocalDate.of(2026, 5, 1));
    }

    private static DeferralStanding deferral(LocalDate releasedOn) {
        return new DeferralStanding(1, 1, 2023, DEFERRED_ON, new BigDecimal("60"), "jiaowu", releasedOn,
                releasedOn == null ? null : new BigDecimal("60"));
    }
}
