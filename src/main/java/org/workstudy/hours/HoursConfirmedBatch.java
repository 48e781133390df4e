package org.workstudy.hours;

import java.util.List;

/**
 * Entries of one batch ({@link HoursLedger#recordAll}) started to count: one announcement for the batch, with one
 * {@link HoursConfirmed} per student (their newest counting entry with the hours of all their counting entries in the
 * batch), so that a term's hours of a class is one event and listeners can read what they need for all its students
 * at once.
 */
public record HoursConfirmedBatch(List<HoursConfirmed> entries) {

    public HoursConfirmedBatch {
        entries = List.copyOf(entries);
    }

    /** The students whose hours started to count. */
    public List<Long> studentIds() {
        return entries.stream().map(HoursConfirmed::studentId).toList();
    }
}
