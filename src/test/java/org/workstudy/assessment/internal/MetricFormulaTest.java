package org.workstudy.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each metric's formula at its edges: percentages, deadlines, month bounds, the year's combination, the score. */
class MetricFormulaTest {

    private static final ZoneId SCHOOL = ZoneId.of("Asia/Shanghai");

    @Test
    void aPercentageIsRoundedDownToOneDecimalAndNothingToMeasureIsNoFigure() {
        assertThat(Figure.of(Metric.ON_TRACK, 2, 3).percent()).isEqualByComparingTo("66.6");
        assertThat(Figure.of(Metric.ON_TRACK, 999, 1000).percent()).isEqualByComparingTo("99.9");
        assertThat(Figure.of(Metric.ON_TRACK, 1, 1).percent()).isEqualByComparingTo("100.0");
        assertThat(Figure.of(Metric.ON_TRACK, 0, 5).percent()).isEqualByComparingTo("0.0");
        assertThat(Figure.of(Metric.ON_TRACK, 0, 0).percent()).isNull();
        assertThat(Figure.of(Metric.ON_TRACK, 0, 0).measured()).isFalse();
        assertThatThrownBy(() -> Figure.of(Metric.ON_TRACK, -1, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlanExceededShowsItsPercentageButScoresAtMostAHundred() {
        Figure plan = Figure.of(Metric.PLACEMENTS_PLAN, 12, 10);
        assertThat(plan.percent()).isEqualByComparingTo("120.0");
        assertThat(plan.scorePercent()).isEqualByComparingTo("100.0");
        // no plan (target 0): not measured, so it neither helps nor hurts the score
        assertThat(Figure.of(Metric.POSITIONS_PLAN, 5, 0).scorePercent()).isNull();
    }

    @Test
    void registersOnTimeCountHoursNotRecords() {
        Figure f = new Figure(Metric.REGISTER_TIMELY, new BigDecimal("4.5"), new BigDecimal("6"));
        assertThat(f.percent()).isEqualByComparingTo("75.0");
    }

    @Test
    void aWaitCountsInTheMonthItsDeadlineFallsIn() {
        YearMonth oct = YearMonth.of(2026, 10);
        Instant from = MetricMath.start(oct, SCHOOL);
        Instant next = MetricMath.start(oct.plusMonths(1), SCHOOL);
        Instant later = next.plusSeconds(86_400 * 40L);
        assertThat(from).isEqualTo(Instant.parse("2026-09-30T16:00:00Z")); // midnight in the school's zone
        // due exactly at the month's first instant: this month; exactly at the next month's: next month
        assertThat(MetricMath.dueIn(from.minusSeconds(3 * 86_400), 3, from, next, later)).isTrue();
        assertThat(MetricMath.dueIn(next.minusSeconds(3 * 86_400), 3, from, next, later)).isFalse();
        assertThat(MetricMath.dueIn(next.minusSeconds(3 * 86_400 + 1), 3, from, next, later)).isTrue();
        assertThat(MetricMath.dueIn(from.minusSeconds(3 * 86_400 + 1), 3, from, next, later)).isFalse();
        // in the open month, a deadline not yet passed is not held against anyone
        Instant now = from.plusSeconds(10 * 86_400);
        assertThat(MetricMath.dueIn(now.minusSeconds(3 * 86_400 - 1), 3, from, next, now)).isFalse();
        assertThat(MetricMath.dueIn(now.minusSeconds(3 * 86_400 + 1), 3, from, next, now)).isTrue();
    }

    @Test
    void aWaitEndedAtItsDeadlineIsInTimeASecondLaterOrNeverIsNot() {
        Instant since = Instant.parse("2026-10-10T02:00:00Z");
        Instant due = since.plusSeconds(3 * 86_400);
        assertThat(MetricMath.deadline(since, 3)).isEqualTo(due);
        assertThat(MetricMath.inTime(since, due, 3)).isTrue();
        assertThat(MetricMath.inTime(since, since, 3)).isTrue();
        assertThat(MetricMath.inTime(since, due.plusSeconds(1), 3)).isFalse();
        assertThat(MetricMath.inTime(since, null, 3)).isFalse();
    }

    @Test
    void theYearPoolsRatesAndTakesTheLastMonthOfAPlan() {
        List<Figure> sep = List.of(Figure.of(Metric.HANDLED_IN_TIME, 9, 10), Figure.of(Metric.PLACEMENTS_PLAN, 20, 100));
        List<Figure> oct = List.of(Figure.of(Metric.HANDLED_IN_TIME, 1, 30), Figure.of(Metric.PLACEMENTS_PLAN, 45, 100));
        List<Figure> year = MetricMath.annual(List.of(sep, oct));
        Figure handled = year.stream().filter(f -> f.metric() == Metric.HANDLED_IN_TIME).findFirst().orElseThrow();
        // 10 of 40 waits (25.0), not the mean of 90.0 and 3.3
        assertThat(handled.percent()).isEqualByComparingTo("25.0");
        Figure plan = year.stream().filter(f -> f.metric() == Metric.PLACEMENTS_PLAN).findFirst().orElseThrow();
        assertThat(plan.percent()).isEqualByComparingTo("45.0");
        assertThat(MetricMath.annual(List.of())).isEmpty();
    }

    @Test
    void theScoreIsTheMeanOfTheMeasuredMetricsAndRankingsShareEqualPlaces() {
        SubjectFigures a = subject(1, "甲", Figure.of(Metric.ON_TRACK, 1, 2), Figure.of(Metric.REGISTER_TIMELY, 0, 0),
                Figure.of(Metric.PLACEMENTS_PLAN, 3, 2));
        assertThat(a.score()).isEqualByComparingTo("75.0"); // (50 + 100 capped) / 2; the empty one left out
        SubjectFigures b = subject(2, "乙", Figure.of(Metric.ON_TRACK, 3, 4));
        SubjectFigures c = subject(3, "丙", Figure.of(Metric.ON_TRACK, 1, 1), Figure.of(Metric.PLACEMENTS_PLAN, 1, 1));
        SubjectFigures none = subject(4, "丁", Figure.of(Metric.ON_TRACK, 0, 0));
        assertThat(none.score()).isNull();
        List<Ranked> ranked = Assessments.ranked(List.of(none, c, b, a), s -> true, s -> s.subjectId() == 2);
        assertThat(ranked).extracting(Ranked::subjectId).containsExactly(3L, 2L, 1L, 4L); // equal scores by name
        assertThat(ranked).extracting(Ranked::rank).containsExactly(1, 2, 2, null);
        assertThat(ranked.get(1).own()).isTrue();
    }

    @Test
    void thePlansAreMeasuredForTheSchoolAndCollegesOnly() {
        assertThat(Metric.PLACEMENTS_PLAN.appliesTo(SubjectKind.COLLEGE)).isTrue();
        assertThat(Metric.PLACEMENTS_PLAN.appliesTo(SubjectKind.SCHOOL)).isTrue();
        assertThat(Metric.PLACEMENTS_PLAN.appliesTo(SubjectKind.COUNSELOR)).isFalse();
        assertThat(Metric.POSITIONS_PLAN.appliesTo(SubjectKind.CLASS)).isFalse();
        assertThat(Metric.ON_TRACK.appliesTo(SubjectKind.COUNSELOR)).isTrue();
    }

    @Test
    void theAcademicYearOfAMonthStartsInSeptember() {
        assertThat(MonthCalculator.academicYear(YearMonth.of(2026, 8))).isEqualTo("2025-2026");
        assertThat(MonthCalculator.academicYear(YearMonth.of(2026, 9))).isEqualTo("2026-2027");
        assertThat(MonthCalculator.academicYear(YearMonth.of(2027, 1))).isEqualTo("2026-2027");
    }

    @Test
    void aMonthFrozenMoreThanADayAfterItClosedIsFrozenLate() {
        YearMonth november = YearMonth.of(2026, 11);
        assertThat(MetricMath.frozenLate(november, local("2026-12-01T00:30"), SCHOOL)).as("the hourly job").isFalse();
        assertThat(MetricMath.frozenLate(november, local("2026-12-02T00:00"), SCHOOL)).as("a day exactly").isFalse();
        assertThat(MetricMath.frozenLate(november, local("2026-12-02T00:01"), SCHOOL)).isTrue();
        assertThat(MetricMath.frozenLate(YearMonth.of(2024, 12), local("2026-12-05T08:00"), SCHOOL))
                .as("the first start catching up").isTrue();
        assertThat(MetricMath.frozenLate(YearMonth.of(2026, 12), local("2026-12-05T08:00"), SCHOOL))
                .as("the open month (frozen by a test)").isFalse();
    }

    private static Instant local(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(SCHOOL).toInstant();
    }

    private static SubjectFigures subject(long id, String name, Figure... figures) {
        return new SubjectFigures(SubjectKind.COLLEGE, id, name, id, true, List.of(figures));
    }
}
