package org.workstudy.hours;

import java.math.BigDecimal;

/**
 * One student in a class's progress list. {@code expectedHours} is the pro-rata expectation on the day (see
 * {@link HoursLedger#classProgress}); {@code behind} is true when the counted hours are below it;
 * {@code projectedShort} when the rest of the window will not hold the hours still needed (see {@link Projection}).
 */
public record ClassProgressRow(long studentId, String studentNo, String name, BigDecimal hours, BigDecimal days,
        BigDecimal sharePercent, BigDecimal expectedHours, boolean behind, boolean completed, long waitingEntries,
        boolean projectedShort) {

    /** Behind the even pace, or short by the projection over the rest of the window: the counselor should act. */
    public boolean atRisk() {
        return !completed && (behind || projectedShort);
    }
}
