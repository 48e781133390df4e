package org.workstudy.hours.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What is at stake for a student who has not completed the hours: {@code expectedHours} by now (pro rata, see
 * {@link ProgressMath}), whether they are {@code behind} it, the last day of their window ({@code windowEnd}, null if
 * the calendar does not know it), the days left in it on which work counts at any hour, and the early-warning
 * {@link Projection} over those days.
 */
public record ProgressOutlook(Progress progress, BigDecimal expectedHours, boolean behind, LocalDate windowEnd,
        int weekendsAndHolidaysLeft, int vacationDaysLeft, Projection projection) {

    /** Not complete, and the rest of the window will not hold the hours still needed at the student's pace. */
    public boolean projectedShort() {
        return projection.shortOfHours() && !progress.completed() && windowEnd != null;
    }

    /** Behind with hours still missing: the student must be told plainly that graduation on time is at risk. */
    public boolean atRisk() {
        return behind && !progress.completed();
    }
}
