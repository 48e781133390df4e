package org.workstudy.hours;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Hours a student worked (or reported) on one date, with the times when known: what overlaps and caps are about. A
 * record that crosses midnight is two slots, one per date ({@link #of}); {@link #MIDNIGHT} ends the first.
 */
record Slot(LocalDate date, LocalTime startsAt, LocalTime endsAt, BigDecimal hours) {

    /** The end of a slot that runs to midnight (24:00); {@code LocalTime} has no 24:00. */
    static final LocalTime MIDNIGHT = LocalTime.MAX;

    /** Whether a record with these times crosses midnight: it ends at or before its start (20:00–02:00, 20:00–00:00). */
    static boolean overnight(LocalTime startsAt, LocalTime endsAt) {
        return startsAt != null && endsAt != null && !endsAt.isAfter(startsAt);
    }

    /**
     * The slots of a record, one per date it was worked on. An overnight record's hours are shared between its two
     * dates in proportion to the minutes worked on each (rounded to 0.01 h on the first date; the rest on the
     * second), so that a record given fewer hours than its times (a break) takes the break from both dates alike.
     * A record ending at exactly 00:00 is worked on its first date only.
     */
    static List<Slot> of(LocalDate date, LocalTime startsAt, LocalTime endsAt, BigDecimal hours) {
        if (!overnight(startsAt, endsAt)) {
            return List.of(new Slot(date, startsAt, endsAt, hours));
        }
        if (endsAt.equals(LocalTime.MIDNIGHT)) {
            return List.of(new Slot(date, startsAt, MIDNIGHT, hours));
        }
        long before = 24 * 60 - startsAt.toSecondOfDay() / 60;
        long after = endsAt.toSecondOfDay() / 60;
        BigDecimal first = hours.multiply(BigDecimal.valueOf(before))
                .divide(BigDecimal.valueOf(before + after), 2, RoundingMode.HALF_UP);
        return List.of(new Slot(date, startsAt, MIDNIGHT, first),
                new Slot(date.plusDays(1), LocalTime.MIDNIGHT, endsAt, hours.subtract(first)));
    }

    boolean overlaps(Slot other) {
        return date.equals(other.date) && startsAt != null && endsAt != null && other.startsAt != null
                && other.endsAt != null && startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }
}
