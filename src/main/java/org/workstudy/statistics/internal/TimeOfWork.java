package org.workstudy.statistics.internal;

import org.workstudy.calendar.DayKind;

/**
 * The kind of time hours were worked in, as the policy names them (rule 4): evenings of days with classes, weekends,
 * public holidays, vacations; OTHER for dates the calendar does not know.
 */
public enum TimeOfWork {
    EVENING, WEEKEND, HOLIDAY, VACATION, OTHER;

    public static TimeOfWork of(DayKind day) {
        return switch (day) {
            case TERM_WEEKDAY, MAKEUP_WORKDAY -> EVENING;
            case WEEKEND -> WEEKEND;
            case PUBLIC_HOLIDAY -> HOLIDAY;
            case WINTER_VACATION, SUMMER_VACATION -> VACATION;
            case OUTSIDE_CALENDAR -> OTHER;
        };
    }
}
