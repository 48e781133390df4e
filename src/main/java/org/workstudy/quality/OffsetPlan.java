package org.workstudy.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.workstudy.shared.BusinessException;
import org.workstudy.shared.Decimals;

/**
 * What an offset (抵扣) with quality-development credits covers: {@code creditsUsed} at the policy's conversion give
 * {@code offsetHours}; {@code remainingHours} must still be worked (zero for a full offset).
 *
 * <p>Credits beyond what the required hours need are not used: the credits used are the fewer of those asked for
 * and those needed, where "needed" is required hours / conversion rounded up to two decimals (360 / 180 = 2, so of
 * 2.5 credits asked for only 2 are used and stay available to nobody else but are not consumed). The hours are
 * credits used x conversion, rounded to two decimals and capped at the required hours.
 */
public record OffsetPlan(BigDecimal creditsUsed, BigDecimal offsetHours, BigDecimal remainingHours) {

    /** The most decimals a number of credits may have (as imported: 素质拓展学分 with two decimals). */
    public static final int SCALE = 2;

    public boolean full() {
        return remainingHours.signum() == 0;
    }

    /** The credits that cover the required hours entirely: required / conversion, rounded up to two decimals. */
    public static BigDecimal neededCredits(BigDecimal requiredHours, BigDecimal hoursPerCredit) {
        return requiredHours.divide(hoursPerCredit, SCALE, RoundingMode.CEILING);
    }

    /**
     * The offset of {@code requested} credits out of {@code available}. Refuses a number that is not positive or has
     * more than two decimals, more credits than available and, when partial offsets are not allowed, fewer credits
     * than needed for the whole requirement (naming how many are needed).
     */
    public static OffsetPlan of(BigDecimal requested, BigDecimal available, BigDecimal requiredHours,
            BigDecimal hoursPerCredit, boolean partialAllowed) {
        if (requested == null || requested.signum() <= 0 || requested.stripTrailingZeros().scale() > SCALE) {
            throw BusinessException.invalid("offset.credits-invalid");
        }
        BigDecimal needed = neededCredits(requiredHours, hoursPerCredit);
        if (!partialAllowed && requested.compareTo(needed) < 0) {
            throw BusinessException.invalid("offset.partial-not-allowed", plain(needed), plain(requiredHours),
                    plain(hoursPerCredit));
        }
        if (requested.compareTo(available) > 0) {
            throw BusinessException.invalid("offset.not-enough-credits", plain(requested), plain(available));
        }
        BigDecimal used = requested.min(needed).setScale(SCALE, RoundingMode.UNNECESSARY);
        BigDecimal hours = used.multiply(hoursPerCredit).setScale(SCALE, RoundingMode.HALF_UP)
                .min(requiredHours.setScale(SCALE, RoundingMode.HALF_UP));
        return new OffsetPlan(used, hours, requiredHours.subtract(hours).setScale(SCALE, RoundingMode.HALF_UP));
    }

    /** A number as people write it: 180 rather than 180.00, 2.5 rather than 2.50. */
    public static String plain(BigDecimal n) {
        return Decimals.plain(n);
    }
}
