package org.workstudy.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/** Hours a student worked (or reported) on a date, with the times when known: what overlaps and caps are about. */
record Slot(LocalDate date, LocalTime startsAt, LocalTime endsAt, BigDecimal hours) {

    boolean overlaps(Slot other) {
        return date.equals(other.date) && startsAt != null && endsAt != null && other.startsAt != null
                && other.endsAt != null && startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }
}
