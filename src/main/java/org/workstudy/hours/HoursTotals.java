package org.workstudy.hours;

import java.math.BigDecimal;

/**
 * A student's counted hours (confirmed, not voided or superseded, as {@link HoursLedger#progress}) and the hours
 * still waiting for confirmation. Of the counted hours, {@code inWindow} were worked within the semester window and
 * {@code makeUp} after it, within the student's make-up period ({@link MakeUpWindows}); the rest (counted but dated
 * outside both) is {@code counted - inWindow - makeUp}.
 */
public record HoursTotals(long studentId, BigDecimal counted, BigDecimal waiting, BigDecimal inWindow,
        BigDecimal makeUp) {

    public static HoursTotals none(long studentId) {
        return new HoursTotals(studentId, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
