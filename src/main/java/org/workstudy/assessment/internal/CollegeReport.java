package org.workstudy.assessment.internal;

import java.time.Instant;
import java.util.List;

/**
 * The monthly report of one college (学院勤工助学月度考核报告): its figures and place among the colleges, the school's
 * figures beside them, and the college's counselors and classes ranked. {@code reconstructed}: the month was frozen late
 * (more than a day after it closed), its on-track figures computed as of its last day. {@code computedAt}: when the
 * figures of a month not frozen yet were computed (they are kept a short while), null for frozen figures.
 */
public record CollegeReport(String month, boolean frozen, Instant frozenAt, int handleWithinDays, Ranked college,
        int colleges, Ranked school, List<Ranked> counselors, List<Ranked> classes, boolean reconstructed,
        Instant computedAt) {

    /** The day whose standings the on-track figures are (the month's last day), for a reconstructed month. */
    public java.time.LocalDate standingsDay() {
        return java.time.YearMonth.parse(month).atEndOfMonth();
    }

    public CollegeReport {
        counselors = List.copyOf(counselors);
        classes = List.copyOf(classes);
    }
}
