package org.workstudy.assessment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One metric's figure: numerator over denominator (see {@link Metric} for each formula). */
public record Figure(Metric metric, BigDecimal numerator, BigDecimal denominator) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Figure {
        if (metric == null || numerator == null || denominator == null || numerator.signum() < 0
                || denominator.signum() < 0) {
            throw new IllegalArgumentException("a figure needs a metric and non-negative numbers");
        }
    }

    public static Figure of(Metric metric, long numerator, long denominator) {
        return new Figure(metric, BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    /** Whether there is anything to measure (a denominator above zero). */
    public boolean measured() {
        return denominator.signum() > 0;
    }

    /** The percentage with one decimal, rounded down (never "100.0" before all are in); null when not measured. */
    public BigDecimal percent() {
        if (!measured()) {
            return null;
        }
        return numerator.multiply(HUNDRED).divide(denominator, 1, RoundingMode.DOWN);
    }

    /** The percentage as the score counts it: capped at 100 (a plan exceeded is a plan met). */
    public BigDecimal scorePercent() {
        BigDecimal p = percent();
        return p == null ? null : p.min(HUNDRED.setScale(1));
    }

    /** The sum of two figures of one metric (numerators and denominators added). */
    public Figure plus(Figure other) {
        return new Figure(metric, numerator.add(other.numerator), denominator.add(other.denominator));
    }
}
