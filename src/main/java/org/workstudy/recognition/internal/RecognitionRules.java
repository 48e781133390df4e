package org.workstudy.recognition.internal;

import java.math.BigDecimal;
import org.workstudy.credits.ExemptionKind;
import org.workstudy.credits.ExemptionStanding;
import org.workstudy.credits.RecognitionBasis;

/**
 * Who qualifies for credit recognition, at the edges: the required hours counted within the window (HOURS), a final
 * exemption (EXEMPT), a final offset whose hours plus the counted hours reach the requirement (OFFSET), or a release
 * from deferred graduation with the hours made up (MAKE_UP). Whoever does not qualify is shown with the hours still
 * missing. Pure.
 */
public final class RecognitionRules {

    private RecognitionRules() {
    }

    /**
     * A student's standing: the basis they qualify on (null: they do not), their counted hours, the offset's hours
     * (null without an offset) and the hours still missing (zero when they qualify).
     */
    public record Assessment(RecognitionBasis basis, BigDecimal counted, BigDecimal offsetHours, BigDecimal missing) {

        public boolean qualifies() {
            return basis != null;
        }
    }

    /**
     * @param required   the policy's required hours
     * @param counted    hours counted within the window
     * @param standing   the student's final exemption or offset, or null
     * @param madeUp     for a student released from deferred graduation, their hours including the make-up; else null
     */
    public static Assessment assess(BigDecimal required, BigDecimal counted, ExemptionStanding standing,
            BigDecimal madeUp) {
        BigDecimal worked = counted == null ? BigDecimal.ZERO : counted;
        if (worked.compareTo(required) >= 0) {
            return new Assessment(RecognitionBasis.HOURS, worked, null, BigDecimal.ZERO);
        }
        if (standing != null && standing.kind() == ExemptionKind.EXEMPT) {
            return new Assessment(RecognitionBasis.EXEMPT, worked, null, BigDecimal.ZERO);
        }
        BigDecimal offset = standing != null && standing.kind() == ExemptionKind.OFFSET && standing.offsetHours() != null
                ? standing.offsetHours() : null;
        BigDecimal covered = offset == null ? worked : worked.add(offset);
        if (offset != null && covered.compareTo(required) >= 0) {
            return new Assessment(RecognitionBasis.OFFSET, worked, offset, BigDecimal.ZERO);
        }
        if (madeUp != null && madeUp.add(offset == null ? BigDecimal.ZERO : offset).compareTo(required) >= 0) {
            return new Assessment(RecognitionBasis.MAKE_UP, madeUp, offset, BigDecimal.ZERO);
        }
        return new Assessment(null, worked, offset, required.subtract(covered).max(BigDecimal.ZERO));
    }

    /** Hours as people write them: 360, 359.9, 2.5 (no trailing zeros, no exponent). */
    public static String hours(BigDecimal hours) {
        if (hours == null) {
            return "";
        }
        BigDecimal h = hours.stripTrailingZeros();
        return (h.scale() < 0 ? h.setScale(0) : h).toPlainString();
    }
}
