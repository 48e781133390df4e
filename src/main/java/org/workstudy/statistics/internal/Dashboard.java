package org.workstudy.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import org.workstudy.statistics.StatsFilter;

/**
 * The figures of one scope and filter. {@code level} says what the scope is (SCHOOL, COLLEGE, CLASSES, SELF), so
 * the page knows which groupings make sense. Every list is in display order.
 */
public record Dashboard(StatsFilter filter, String level, Totals totals, List<Group> byCollege, List<Group> byMajor,
        List<Group> byClass, List<Group> byCohort, List<MonthCell> hoursByMonth, List<Count> hoursByTime,
        List<Count> hoursBySource, List<Count> placementsByType, List<Count> placementsByCampus,
        List<Count> placementsByBank, List<Count> placementsByEmployer, List<Count> credits, Plan plan,
        Instant refreshedAt) {

    /** Students, their standings (see {@code statistics/Standing}) and hours of the year in the scope. */
    public record Totals(long students, long completed, long onTrack, long atRisk, BigDecimal yearHours,
            long yearPlacements) {

        public BigDecimal completionRate() {
            return percent(completed, students);
        }

        public BigDecimal onTrackRate() {
            return percent(onTrack, students);
        }
    }

    /** One college, major, class or cohort: {@code id} is what the list behind it filters on. */
    public record Group(long id, String name, long students, long completed, long onTrack, long atRisk) {

        public BigDecimal completionRate() {
            return percent(completed, students);
        }

        public BigDecimal onTrackRate() {
            return percent(onTrack, students);
        }
    }

    /** Counted hours worked in a month ("2025-10") in a kind of time. */
    public record MonthCell(String month, TimeOfWork time, BigDecimal hours) {
    }

    /** A count or sum under a key the list behind it filters on ({@code name} is shown). */
    public record Count(String key, String name, BigDecimal value) {
    }

    /** The annual plan's targets (null when none was set) against the year's actual placements and hours. */
    public record Plan(Integer targetPlacements, BigDecimal targetHours, long actualPlacements,
            BigDecimal actualHours) {

        public Integer placementsPercent() {
            return targetPlacements == null || targetPlacements <= 0 ? null
                    : (int) Math.round(actualPlacements * 100.0 / targetPlacements);
        }

        public Integer hoursPercent() {
            return targetHours == null || targetHours.signum() <= 0 ? null
                    : (int) Math.round(actualHours.doubleValue() * 100 / targetHours.doubleValue());
        }
    }

    /** part / whole as a percentage with one decimal, rounded down (never "100.0" before all are in); null of none. */
    public static BigDecimal percent(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.DOWN);
    }
}
