package org.workstudy.credits.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The graduation audit of a cohort as the user may see it: the numbers per status for the whole scope, per college
 * and per class (all students of the cohort in scope), and the students that pass the filter. {@code windowEnd}: the
 * last day of the semester window of the cohort's usual enrolment term (null if the calendar does not know it yet);
 * students can be deferred only after it. {@code deferrable}: how many students of the selected college or class (any
 * status filter aside) may be put on the deferred list now, what "defer all" does.
 */
public record GraduationReport(int cohort, BigDecimal requiredHours, LocalDate windowEnd, LocalDate on,
        GraduationCounts total, List<GraduationCounts> colleges, List<GraduationCounts> classes,
        List<GraduationRow> rows, long deferrable) {

    public GraduationReport {
        colleges = List.copyOf(colleges);
        classes = List.copyOf(classes);
        rows = List.copyOf(rows);
    }
}
