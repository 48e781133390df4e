package org.workstudy.calendar.internal;

import java.time.LocalDate;
import org.workstudy.calendar.DayKind;

/**
 * What the calendar says about one date: its kind, whether it has classes, whether work counts at any hour, the term
 * whose semester period (teaching plus following vacation) contains it, the special day's name if any, and whether
 * the date's year is provisional (the State Council's arrangement not yet entered: the kind may still change).
 */
public record DayInfo(LocalDate date, DayKind kind, boolean workday, boolean countsWithoutEvening, String term,
        String specialDay, boolean provisional) {
}
