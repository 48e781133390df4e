package org.workstudy.assessment;

import java.time.Instant;
import java.util.List;

/**
 * The assessment of a period in the viewer's scope: a month ({@code month} "2026-10") or an academic year
 * ({@code month} null), whether its figures are frozen (a year: the frozen months it combines, listed), when, the
 * deadline in days the handled-in-time figure used, and the rankings the viewer may see: the school (the center), the
 * colleges, the counselors and the classes. {@code level} is SCHOOL, COLLEGE or COUNSELOR.
 */
public record Ranking(String academicYear, String month, boolean frozen, Instant frozenAt, Integer handleWithinDays,
        List<String> frozenMonths, String level, Ranked school, List<Ranked> colleges, List<Ranked> counselors,
        List<Ranked> classes) {

    public Ranking {
        frozenMonths = List.copyOf(frozenMonths);
        colleges = List.copyOf(colleges);
        counselors = List.copyOf(counselors);
        classes = List.copyOf(classes);
    }
}
