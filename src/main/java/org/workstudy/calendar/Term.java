package org.workstudy.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.workstudy.shared.TermCode;

/** A term (学期) with its teaching period [startsOn, endsOn]; its vacation follows until the next term starts. */
public record Term(long id, TermCode code, LocalDate startsOn, LocalDate endsOn) {

    public Term {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(startsOn, "startsOn");
        Objects.requireNonNull(endsOn, "endsOn");
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return !from.isAfter(endsOn) && !to.isBefore(startsOn);
    }

    /** Teaching days, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
    }

    /** Teaching weeks, rounded up. */
    public long weeks() {
        return (days() + 6) / 7;
    }
}
