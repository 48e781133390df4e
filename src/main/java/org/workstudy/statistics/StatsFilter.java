package org.workstudy.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.workstudy.shared.BusinessException;

/**
 * The filters of every figure and list: the academic year (1 September to 31 August; months and placements), the
 * cohort (年级), and a college, major or class inside the user's scope. Every part but the year is optional.
 */
public record StatsFilter(String academicYear, Integer cohort, Long collegeId, Long majorId, Long classId) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})-(\\d{4})");

    /** Refuses a malformed year or cohort, naming the field. */
    public StatsFilter {
        academicYear = academicYear == null ? null : academicYear.trim();
        if (academicYear == null || academicYear.isEmpty()) {
            throw BusinessException.invalid("stats.filter.year.invalid", String.valueOf(academicYear)).field("academicYear");
        }
        Matcher m = YEAR.matcher(academicYear);
        if (!m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1
                || Integer.parseInt(m.group(1)) < 2000 || Integer.parseInt(m.group(1)) > 2100) {
            throw BusinessException.invalid("stats.filter.year.invalid", academicYear).field("academicYear");
        }
        if (cohort != null && (cohort < 2000 || cohort > 2100)) {
            throw BusinessException.invalid("stats.filter.cohort.invalid", cohort).field("cohort");
        }
    }

    /** The academic year that holds this day: from September on, the year starting now. */
    public static String yearOf(LocalDate day) {
        int start = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
        return start + "-" + (start + 1);
    }

    public int startYear() {
        return Integer.parseInt(academicYear.substring(0, 4));
    }

    /** The first day of the academic year. */
    public LocalDate from() {
        return LocalDate.of(startYear(), 9, 1);
    }

    /** The first day after the academic year. */
    public LocalDate until() {
        return LocalDate.of(startYear() + 1, 9, 1);
    }

    /**
     * The years a year picker offers: the running year and the five before it, newest first, and this filter's year
     * in front when it is none of them (a link into an older year keeps its year selectable).
     */
    public List<String> yearChoices(String runningYear) {
        int current = Integer.parseInt(runningYear.substring(0, 4));
        List<String> out = new ArrayList<>();
        for (int y = current; y >= current - 5; y--) {
            out.add(y + "-" + (y + 1));
        }
        if (!out.contains(academicYear)) {
            out.add(0, academicYear);
        }
        return out;
    }

    public StatsFilter withCollege(Long id) {
        return new StatsFilter(academicYear, cohort, id, majorId, classId);
    }
}
