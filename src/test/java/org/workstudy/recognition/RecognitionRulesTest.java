package org.workstudy.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.workstudy.credits.ExemptionKind;
import org.workstudy.credits.ExemptionStanding;
import org.workstudy.credits.RecognitionBasis;
import org.workstudy.credits.VerificationCodes;
import org.workstudy.recognition.internal.RecognitionRules;

/** Who qualifies for recognition, at the edges; verification codes; the term of a day outside the calendar. */
class RecognitionRulesTest {

    private static final BigDecimal REQUIRED = new BigDecimal("360");

    @Test
    void exactlyTheRequiredHoursQualifyAndATenthLessDoesNot() {
        assertThat(RecognitionRules.assess(REQUIRED, new BigDecimal("360"), null, null).basis())
                .isEqualTo(RecognitionBasis.HOURS);
        RecognitionRules.Assessment short1 = RecognitionRules.assess(REQUIRED, new BigDecimal("359.9"), null, null);
        assertThat(short1.qualifies()).isFalse();
        assertThat(short1.missing()).isEqualByComparingTo("0.1");
    }

    @Test
    void anExemptionQualifiesWithNoHours() {
        var a = RecognitionRules.assess(REQUIRED, BigDecimal.ZERO, standing(ExemptionKind.EXEMPT, null), null);
        assertThat(a.basis()).isEqualTo(RecognitionBasis.EXEMPT);
        assertThat(a.missing()).isEqualByComparingTo("0");
    }

    @Test
    void anOffsetQualifiesOnlyWithTheRestWorked() {
        var done = RecognitionRules.assess(REQUIRED, new BigDecimal("180"), standing(ExemptionKind.OFFSET, "180"), null);
        assertThat(done.basis()).isEqualTo(RecognitionBasis.OFFSET);
        assertThat(done.offsetHours()).isEqualByComparingTo("180");
        var shortOf = RecognitionRules.assess(REQUIRED, new BigDecimal("179.5"), standing(ExemptionKind.OFFSET, "180"),
                null);
        assertThat(shortOf.qualifies()).isFalse();
        assertThat(shortOf.missing()).isEqualByComparingTo("0.5");
        assertThat(RecognitionRules.assess(REQUIRED, BigDecimal.ZERO, standing(ExemptionKind.OFFSET, "360"), null)
                .basis()).isEqualTo(RecognitionBasis.OFFSET);
    }

    @Test
    void fullHoursAreTheBasisEvenWithAnExemption() {
        assertThat(RecognitionRules.assess(REQUIRED, new BigDecimal("400"), standing(ExemptionKind.EXEMPT, null), null)
                .basis()).isEqualTo(RecognitionBasis.HOURS);
    }

    @Test
    void aReleaseFromDeferredGraduationQualifiesOnMakeUp() {
        var a = RecognitionRules.assess(REQUIRED, new BigDecimal("300"), null, new BigDecimal("362"));
        assertThat(a.basis()).isEqualTo(RecognitionBasis.MAKE_UP);
        assertThat(a.counted()).isEqualByComparingTo("362");
        assertThat(RecognitionRules.assess(REQUIRED, new BigDecimal("300"), null, new BigDecimal("359")).qualifies())
                .isFalse();
    }

    @Test
    void hoursAreWrittenWithoutTrailingZeros() {
        assertThat(RecognitionRules.hours(new BigDecimal("360.00"))).isEqualTo("360");
        assertThat(RecognitionRules.hours(new BigDecimal("359.90"))).isEqualTo("359.9");
        assertThat(RecognitionRules.hours(new BigDecimal("1E+3"))).isEqualTo("1000");
    }

    @Test
    void codesAreLongRandomAndReadBackInAnyForm() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = VerificationCodes.generate();
            assertThat(code).hasSize(12).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}");
            assertThat(seen.add(code)).isTrue();
        }
        String code = seen.iterator().next();
        String shown = VerificationCodes.display(code);
        assertThat(shown).matches("\\w{4}-\\w{4}-\\w{4}");
        assertThat(VerificationCodes.normalise(" " + shown.toLowerCase() + " ")).isEqualTo(code);
        assertThat(VerificationCodes.normalise("ABCD-EFGH-IJKL")).isNull(); // I and L are not in the alphabet
        assertThat(VerificationCodes.normalise("ABC")).isNull();
        assertThat(VerificationCodes.normalise("' OR 1=1 --")).isNull();
    }

    @Test
    void aDayOutsideTheCalendarFallsInItsAcademicHalf() {
        assertThat(RecognitionNotices.fallbackTerm(LocalDate.of(2027, 1, 8))).hasToString("2026-2027-1");
        assertThat(RecognitionNotices.fallbackTerm(LocalDate.of(2027, 3, 1))).hasToString("2026-2027-2");
        assertThat(RecognitionNotices.fallbackTerm(LocalDate.of(2027, 9, 1))).hasToString("2027-2028-1");
    }

    private static ExemptionStanding standing(ExemptionKind kind, String offset) {
        return new ExemptionStanding(1, 1, kind, offset == null ? null : new BigDecimal(offset),
                LocalDate.of(2026, 6, 1));
    }
}
