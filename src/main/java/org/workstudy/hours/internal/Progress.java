package org.workstudy.hours.internal;

import java.math.BigDecimal;
import java.util.List;


/**
 * A student's progress toward the required hours (counted hours only). {@code days} is hours / hours-per-day and
 * {@code sharePercent} hours / required × 100, both with one decimal, rounded down, so that they never show
 * "60.0 days" or "100.0 %" before the requirement is met. {@code semestersLeft} counts the semesters of the window
 * not yet over, the current one included. {@code waitingHours} are written but not yet confirmed.
 */
public record Progress(long studentId, BigDecimal hours, BigDecimal days, BigDecimal sharePercent,
        BigDecimal requiredHours, BigDecimal remainingHours, BigDecimal waitingHours, List<MonthHours> byMonth,
        Integer currentSemester, int semestersLeft, boolean completed) {

    public Progress {
        byMonth = List.copyOf(byMonth);
    }
}
