package org.workstudy.assessment.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The formulas of {@link Metric} that are more than a count: deadlines, month bounds, annual combination. */
final class MetricMath {

    private MetricMath() {
    }

    /** The first instant of the month in the school's zone. */
    static Instant start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /**
     * How long after its close a month may be frozen with today's standings: the job runs hourly, so a month frozen
     * on time is frozen within this; later (the first start of the system catching up, an outage) is late.
     */
    static final Duration LATE_AFTER = Duration.ofDays(1);

    /**
     * Whether freezing the month at {@code frozenAt} is late: more than {@link #LATE_AFTER} after it closed. A late
     * freeze takes the standings of the month's last day ({@code ClassFigures.standingsAsOf}), not today's, and says
     * so ({@code asm_month.reconstructed}).
     */
    static boolean frozenLate(YearMonth month, Instant frozenAt, ZoneId zone) {
        return frozenAt.isAfter(start(month.plusMonths(1), zone).plus(LATE_AFTER));
    }

    /** A wait's deadline: its start plus the days of the setting (calendar days, 24 hours each). */
    static Instant deadline(Instant since, int days) {
        return since.plus(Duration.ofDays(days));
    }

    /**
     * Whether a wait counts in the month: its deadline falls in the month and has passed by {@code asOf} (the open
     * month counts only the deadlines already passed, so a wait is never held against anyone before its time).
     */
    static boolean dueIn(Instant since, int days, Instant monthStart, Instant nextMonthStart, Instant asOf) {
        Instant due = deadline(since, days);
        Instant until = asOf.isBefore(nextMonthStart) ? asOf : nextMonthStart;
        return !due.isBefore(monthStart) && due.isBefore(until);
    }

    /** Whether a wait was ended (decided) by its deadline; a wait still open is late once it is due. */
    static boolean inTime(Instant since, Instant endedAt, int days) {
        return endedAt != null && !endedAt.isAfter(deadline(since, days));
    }

    /**
     * The year's figure of each metric from its months' figures (in month order): POOLED adds numerators and
     * denominators, LAST takes the last month's figure.
     */
    static List<Figure> annual(List<List<Figure>> months) {
        Map<Metric, Figure> out = new EnumMap<>(Metric.class);
        for (List<Figure> month : months) {
            for (Figure f : month) {
                Figure before = out.get(f.metric());
                out.put(f.metric(), before == null || f.metric().annual() == Metric.Annual.LAST ? f : before.plus(f));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** A figure summed over several (a counselor's classes, a college's classes); empty list: nothing measured. */
    static Figure sum(Metric metric, List<Figure> parts) {
        Figure total = Figure.of(metric, 0, 0);
        for (Figure f : parts) {
            total = total.plus(f);
        }
        return total;
    }
}
