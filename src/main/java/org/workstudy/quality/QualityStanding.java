package org.workstudy.quality;

import java.math.BigDecimal;

/**
 * A student's quality-development credits: {@code current} as last imported (null when never imported), {@code used}
 * by their live offsets, and {@code available} for a new offset (current minus used, never below zero).
 */
public record QualityStanding(long studentId, BigDecimal current, BigDecimal used, BigDecimal available) {

    static QualityStanding of(long studentId, BigDecimal current, BigDecimal used) {
        BigDecimal have = current == null ? BigDecimal.ZERO : current;
        return new QualityStanding(studentId, current, used, have.subtract(used).max(BigDecimal.ZERO));
    }

    public boolean imported() {
        return current != null;
    }
}
