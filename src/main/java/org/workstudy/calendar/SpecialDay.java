package org.workstudy.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** A public holiday or make-up workday, named after its festival (国庆节, 春节调休). */
public record SpecialDay(LocalDate date, SpecialDayKind kind, String name) {

    public SpecialDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
