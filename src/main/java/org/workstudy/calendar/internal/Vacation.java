package org.workstudy.calendar.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.workstudy.calendar.DayKind;
import org.workstudy.calendar.Term;

/**
 * The vacation after a term: from the day after its end to the day before the next term starts. {@code kind} is
 * {@link DayKind#WINTER_VACATION} after an autumn term and {@link DayKind#SUMMER_VACATION} after a spring term.
 * {@code nextTermExpected} is false when the next term in the calendar is not the one that should follow (a term is
 * missing), which the calendar pages flag.
 */
public record Vacation(Term after, DayKind kind, LocalDate from, LocalDate to, boolean nextTermExpected) {

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
