package org.workstudy.organization;

import java.time.LocalDate;
import java.util.List;

/**
 * What the status history says about a student's time of study, for the counting window: the suspensions (休学),
 * each from its first day to its last (the day before the 复学, or the planned last day while not resumed), and the
 * day the student left (退学 or 毕业, null while studying).
 */
public record StudyPeriods(List<Suspension> suspensions, LocalDate leftOn) {

    public static final StudyPeriods NONE = new StudyPeriods(List.of(), null);

    public StudyPeriods {
        suspensions = List.copyOf(suspensions);
    }

    /** Suspended from {@code from} to {@code to}, both included. */
    public record Suspension(LocalDate from, LocalDate to) {
    }
}
