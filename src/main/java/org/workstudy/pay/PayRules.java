package org.workstudy.pay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Pay arithmetic, pure: amounts are rounded to the fen (0.01 yuan) half up, once per line; a fixed position's monthly
 * amount is paid in full for its hour quota and pro rata below it; term-time hours are paid up to the national caps
 * (a Monday–Sunday week, a calendar month; vacation days uncapped), as the ledger counts them; an adjustment is what a
 * frozen month's lines would be now minus what was paid for it.
 */
final class PayRules {

    private PayRules() {
    }

    static BigDecimal fen(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Hours × the hourly rate. */
    static BigDecimal hourly(BigDecimal hours, BigDecimal rate) {
        return fen(hours.multiply(rate));
    }

    /** The monthly amount for the quota, pro rata below it, never above it. */
    static BigDecimal monthly(BigDecimal hours, BigDecimal quota, BigDecimal monthlyAmount) {
        if (hours.compareTo(quota) >= 0) {
            return fen(monthlyAmount);
        }
        return monthlyAmount.multiply(hours).divide(quota, 2, RoundingMode.HALF_UP);
    }

    /** The hourly rate a monthly amount stands for (shown on the sheet). */
    static BigDecimal rateOf(BigDecimal monthlyAmount, BigDecimal quota) {
        return monthlyAmount.divide(quota, 2, RoundingMode.HALF_UP);
    }

    /** Hours worked on a date for a position. */
    record Worked(LocalDate date, long positionId, BigDecimal hours) {
    }

    /**
     * The payable hours per position of one student's month: in date order, each term-time day's hours are paid while
     * the week and the month have room under the caps; vacation days (not {@code termTime}) are paid in full.
     */
    static Map<Long, BigDecimal> payable(List<Worked> worked, Predicate<LocalDate> termTime, BigDecimal weekCap,
            BigDecimal monthCap) {
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        Map<LocalDate, BigDecimal> weeks = new HashMap<>();
        BigDecimal month = BigDecimal.ZERO;
        for (Worked w : worked.stream().sorted(java.util.Comparator.comparing(Worked::date)
                .thenComparing(Worked::positionId)).toList()) {
            BigDecimal paid = w.hours();
            if (termTime.test(w.date())) {
                LocalDate monday = w.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                BigDecimal week = weeks.getOrDefault(monday, BigDecimal.ZERO);
                paid = paid.min(weekCap.subtract(week).max(BigDecimal.ZERO))
                        .min(monthCap.subtract(month).max(BigDecimal.ZERO));
                weeks.put(monday, week.add(paid));
                month = month.add(paid);
            }
            out.merge(w.positionId(), paid, BigDecimal::add);
        }
        return out;
    }
}
