package org.workstudy.calendar;

/** What kind of day a date is, by the academic calendar (DESIGN section 2, rule 4). */
public enum DayKind {
    /** A Monday to Friday of a term's teaching period that is no holiday. Work counts only in the evening. */
    TERM_WEEKDAY,
    /** Saturday or Sunday during a term, unless moved to a make-up workday. */
    WEEKEND,
    /** A public holiday (法定节假日), including the weekend days the State Council joins to it. */
    PUBLIC_HOLIDAY,
    /** A Saturday or Sunday that China moved to a workday (调休); a weekday like any other. */
    MAKEUP_WORKDAY,
    /** The days after an autumn term until the spring term starts. */
    WINTER_VACATION,
    /** The days after a spring term until the autumn term starts. */
    SUMMER_VACATION,
    /** Before the first term, or after the last term's end with no next term: the calendar does not know. */
    OUTSIDE_CALENDAR;

    /** Whether work on such a day counts at any hour (weekends, holidays, vacations), not only in the evening. */
    public boolean countsWithoutEvening() {
        return this == WEEKEND || this == PUBLIC_HOLIDAY || this == WINTER_VACATION || this == SUMMER_VACATION;
    }

    /** A day with classes: a term weekday or a make-up workday. */
    public boolean isWorkday() {
        return this == TERM_WEEKDAY || this == MAKEUP_WORKDAY;
    }

    public boolean isVacation() {
        return this == WINTER_VACATION || this == SUMMER_VACATION;
    }
}
