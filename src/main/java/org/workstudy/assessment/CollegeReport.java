package org.workstudy.assessment;

import java.time.Instant;
import java.util.List;

/**
 * The monthly report of one college (学院勤工助学月度考核报告): its figures and place among the colleges, the school's
 * figures beside them, and the college's counselors and classes ranked.
 */
public record CollegeReport(String month, boolean frozen, Instant frozenAt, int handleWithinDays, Ranked college,
        int colleges, Ranked school, List<Ranked> counselors, List<Ranked> classes) {

    public CollegeReport {
        counselors = List.copyOf(counselors);
        classes = List.copyOf(classes);
    }
}
