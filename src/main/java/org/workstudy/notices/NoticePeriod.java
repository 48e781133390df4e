package org.workstudy.notices;

import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * The period of a public notice: N working days, starting on the publication day if it is a working day, else on the
 * next working day, and ending at the end of the N-th. {@code isWorkingDay} is the calendar's
 * ({@link org.workstudy.calendar.CalendarSnapshot#isWorkingDay}); a pure rule, so it can be tested on fixed dates.
 */
record NoticePeriod(LocalDate startsOn, LocalDate endsOn) {

    /** More than a year of no working day means a broken calendar, not a long holiday. */
    private static final int MAX_SEARCH = 400;

    public static NoticePeriod of(LocalDate publishedOn, int workingDays, Predicate<LocalDate> isWorkingDay) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("a notice runs at least one working day: " + workingDays);
        }
        LocalDate start = nextWorkingDay(publishedOn, isWorkingDay);
        LocalDate end = start;
        for (int counted = 1; counted < workingDays; counted++) {
            end = nextWorkingDay(end.plusDays(1), isWorkingDay);
        }
        return new NoticePeriod(start, end);
    }

    /** Running on this day: from the start to the end of the last working day, both included. */
    public boolean runsOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** The first day the notice may be final: the day after its last working day. */
    public LocalDate firstFinalDay() {
        return endsOn.plusDays(1);
    }

    /** The working days left from {@code today} on (today included while it runs); 0 after the end. */
    public int workingDaysLeft(LocalDate today, Predicate<LocalDate> isWorkingDay) {
        LocalDate from = today.isBefore(startsOn) ? startsOn : today;
        int left = 0;
        for (LocalDate d = from; !d.isAfter(endsOn); d = d.plusDays(1)) {
            if (isWorkingDay.test(d)) {
                left++;
            }
        }
        return left;
    }

    private static LocalDate nextWorkingDay(LocalDate from, Predicate<LocalDate> isWorkingDay) {
        LocalDate d = from;
        for (int i = 0; i < MAX_SEARCH; i++, d = d.plusDays(1)) {
            if (isWorkingDay.test(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no working day within " + MAX_SEARCH + " days of " + from);
    }
}
