package org.workstudy.hours;

import java.math.BigDecimal;

/** A student's counted hours (confirmed, not voided or superseded) and the hours still waiting for confirmation. */
public record HoursTotals(long studentId, BigDecimal counted, BigDecimal waiting) {

    public static HoursTotals none(long studentId) {
        return new HoursTotals(studentId, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
