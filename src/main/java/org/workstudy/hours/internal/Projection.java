package org.workstudy.hours.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Early warning (预警): whether the hours a student still needs fit in what is left of their window. The one place
 * of this projection; pure, no database or clock.
 *
 * <pre>
 * pace      = counted hours ÷ days with counted hours     (the hours per day the student has actually managed;
 *             assumed-hours-per-day while fewer than min-days-for-pace days were worked)
 * reachable = (weekend and holiday days left × weekend-share + vacation days left × vacation-share) × pace
 * short     = hours still needed &gt; reachable
 * </pre>
 *
 * The days left are {@code hours.ProgressMath.daysLeft}: from today to the window's last day, by the academic calendar;
 * term weekdays (evening work only) are left out, so the projection errs on the side of warning. The shares are
 * the assumptions (settings {@code workstudy.warning.*}): nobody works every weekend and every vacation day.
 * Reachable hours are rounded down to 0.1.
 */
public record Projection(BigDecimal hoursPerDay, boolean paceMeasured, BigDecimal reachableHours,
        BigDecimal remainingHours, boolean shortOfHours, Assumptions assumptions) {

    /** The assumed shares as whole percentages, for the sentence that explains the projection. */
    public int weekendPercent() {
        return assumptions.weekendShare().movePointRight(2).intValue();
    }

    public int vacationPercent() {
        return assumptions.vacationShare().movePointRight(2).intValue();
    }

    public String plainReachable() {
        return reachableHours.stripTrailingZeros().toPlainString();
    }

    public String plainRemaining() {
        return remainingHours.stripTrailingZeros().toPlainString();
    }

    /** The assumptions of the projection, from the settings. */
    public record Assumptions(BigDecimal weekendShare, BigDecimal vacationShare, BigDecimal assumedHoursPerDay,
            int minDaysForPace) {

        public static final Assumptions DEFAULTS = new Assumptions(new BigDecimal("0.5"), new BigDecimal("0.5"),
                new BigDecimal("4"), 3);

        public Assumptions {
            if (weekendShare.signum() < 0 || weekendShare.compareTo(BigDecimal.ONE) > 0
                    || vacationShare.signum() < 0 || vacationShare.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("shares must be between 0 and 1");
            }
            if (assumedHoursPerDay.signum() <= 0 || minDaysForPace < 1) {
                throw new IllegalArgumentException("assumed hours per day must be positive, min days at least 1");
            }
        }
    }

    /**
     * @param countedHours hours counted so far
     * @param daysWorked   distinct dates with counted hours
     * @param remaining    hours still needed (0 when complete)
     * @param weekendsAndHolidaysLeft weekend and holiday days left in the window
     * @param vacationDaysLeft        vacation days left in the window
     */
    public static Projection of(BigDecimal countedHours, int daysWorked, BigDecimal remaining,
            int weekendsAndHolidaysLeft, int vacationDaysLeft, Assumptions a) {
        boolean measured = daysWorked >= a.minDaysForPace();
        BigDecimal pace = measured
                ? countedHours.divide(BigDecimal.valueOf(daysWorked), 2, RoundingMode.HALF_UP)
                : a.assumedHoursPerDay();
        BigDecimal usableDays = BigDecimal.valueOf(weekendsAndHolidaysLeft).multiply(a.weekendShare())
                .add(BigDecimal.valueOf(vacationDaysLeft).multiply(a.vacationShare()));
        BigDecimal reachable = usableDays.multiply(pace).setScale(1, RoundingMode.DOWN);
        return new Projection(pace.stripTrailingZeros(), measured, reachable, remaining,
                remaining.signum() > 0 && remaining.compareTo(reachable) > 0, a);
    }
}
