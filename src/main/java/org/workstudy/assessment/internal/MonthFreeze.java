package org.workstudy.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.statistics.ClassFigures;
import org.workstudy.statistics.StatisticsRefresh;

/**
 * Freezes closed months: each month before the current one, from the first month with an entered record (at most
 * {@code workstudy.assessment.months-back} months back, 24), that has no snapshot yet. The statistics summary is
 * first brought up to date with every recorded change, then each month is taken ({@code asm_month}, ON CONFLICT DO
 * NOTHING) and its figures written in one transaction: a month is frozen once, whoever runs the job, and a missed run
 * is caught up by the next one. A month frozen late ({@link MetricMath#frozenLate}: the first start catching up, an
 * outage) takes the standings of its last day ({@link ClassFigures#standingsAsOf}, all late months in one pass),
 * not today's, and is marked reconstructed.
 */
@Service
public class MonthFreeze {

    private static final Logger LOG = LoggerFactory.getLogger(MonthFreeze.class);

    private final AssessmentStore store;
    private final MonthCalculator calculator;
    private final ClassFigures classFigures;
    private final StatisticsRefresh statistics;
    private final TransactionTemplate tx;
    private final LiveMonthCache live;
    private final Clock clock;
    private final int monthsBack;

    MonthFreeze(AssessmentStore store, MonthCalculator calculator, ClassFigures classFigures,
            StatisticsRefresh statistics, TransactionTemplate tx, LiveMonthCache live, Clock clock,
            @Value("${workstudy.assessment.months-back:24}") int monthsBack) {
        this.store = store;
        this.calculator = calculator;
        this.live = live;
        this.classFigures = classFigures;
        this.statistics = statistics;
        this.tx = tx;
        this.clock = clock;
        this.monthsBack = monthsBack;
    }

    /** The closed months not frozen yet, oldest first. */
    List<YearMonth> due() {
        YearMonth current = YearMonth.now(clock);
        YearMonth first = current.minusMonths(monthsBack);
        YearMonth firstData = classFigures.firstEnteredMonth().orElse(current);
        if (firstData.isAfter(first)) {
            first = firstData;
        }
        List<YearMonth> due = new ArrayList<>();
        if (!first.isBefore(current)) {
            return due;
        }
        java.util.Set<YearMonth> frozen = new java.util.HashSet<>();
        store.frozenBetween(first, current.minusMonths(1)).forEach(m -> frozen.add(m.month()));
        for (YearMonth m = first; m.isBefore(current); m = m.plusMonths(1)) {
            if (!frozen.contains(m)) {
                due.add(m);
            }
        }
        return due;
    }

    /** Freezes every due month (idempotent: what is frozen stays); returns those this run froze. */
    public List<YearMonth> freezeDue() {
        List<YearMonth> due = due();
        if (due.isEmpty()) {
            return due;
        }
        long start = System.nanoTime();
        statistics.refreshPending();
        List<LocalDate> lastDays = due.stream().filter(m -> MetricMath.frozenLate(m, clock.instant(), clock.getZone()))
                .map(YearMonth::atEndOfMonth).toList();
        Map<LocalDate, List<ClassFigures.ClassStanding>> past = lastDays.isEmpty() ? Map.of()
                : classFigures.standingsAsOf(lastDays);
        List<YearMonth> frozen = new ArrayList<>();
        for (YearMonth month : due) {
            if (freeze(month, past.get(month.atEndOfMonth()))) {
                frozen.add(month);
            }
        }
        if (!frozen.isEmpty()) {
            LOG.info("assessment: froze {} in {} ms", frozen, (System.nanoTime() - start) / 1_000_000);
        }
        return frozen;
    }

    /** Freezes one month unless it is frozen already; true when this call froze it. */
    boolean freeze(YearMonth month) {
        return freeze(month, null);
    }

    /**
     * Freezes one month unless it is frozen already; {@code past}: the standings of its last day when computed
     * beforehand (null: computed here if the freeze is late). True when this call froze it.
     */
    private boolean freeze(YearMonth month, List<ClassFigures.ClassStanding> past) {
        Boolean done = tx.execute(status -> {
            int days = store.handleWithinDays();
            Instant now = clock.instant();
            boolean late = MetricMath.frozenLate(month, now, clock.getZone());
            if (!store.claim(month, days, now, late)) {
                return false;
            }
            List<ClassFigures.ClassStanding> standings = !late ? null
                    : past != null ? past : classFigures.standingsAsOf(month.atEndOfMonth());
            store.insert(month, calculator.compute(month, days, true, standings));
            return true;
        });
        if (Boolean.TRUE.equals(done)) {
            live.forget(month); // its snapshot answers from now on, not what was kept of it live
            return true;
        }
        return false;
    }
}
