package org.workstudy.assessment.internal;

import java.time.Instant;
import java.util.List;

/**
 * The assessment of a period in the viewer's scope: a month ({@code month} "2026-10") or an academic year
 * ({@code month} null), whether its figures are frozen (a year: the frozen months it combines, listed), when, the
 * deadline in days the handled-in-time figure used, and the rankings the viewer may see: the school (the center), the
 * colleges, the counselors and the classes. {@code level} is SCHOOL, COLLEGE or COUNSELOR. {@code reconstructedMonths}:
 * the frozen months that were frozen late (more than a day after they closed), their on-track figures computed as of
 * the month's last day rather than the day of the freeze. {@code computedAt}: when the figures of a month not frozen
 * yet were computed (they are kept a short while), null for frozen figures.
 */
public record Ranking(String academicYear, String month, boolean frozen, Instant frozenAt, Integer handleWithinDays,
        List<String> frozenMonths, String level, Ranked school, List<Ranked> colleges, List<Ranked> counselors,
        List<Ranked> classes, List<String> reconstructedMonths, Instant computedAt) {

    public Ranking {
        frozenMonths = List.copyOf(frozenMonths);
        reconstructedMonths = List.copyOf(reconstructedMonths);
        colleges = List.copyOf(colleges);
        counselors = List.copyOf(counselors);
        classes = List.copyOf(classes);
    }

    /** For a month frozen late: the day whose standings its on-track figures are (its last day); otherwise null. */
    public java.time.LocalDate standingsDay() {
        return month == null || !reconstructedMonths.contains(month) ? null
                : java.time.YearMonth.parse(month).atEndOfMonth();
    }
}
