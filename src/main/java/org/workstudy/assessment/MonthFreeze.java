package org.workstudy.assessment;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

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
 * is caught up by the next one.
 */
@Service
public class MonthFreeze {

    private static final Logger LOG = LoggerFactory.getLogger(MonthFreeze.class);

    private final AssessmentStore store;
    private final MonthCalculator calculator;
    private final ClassFigures classFigures;
    private final StatisticsRefresh statistics;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int monthsBack;

    MonthFreeze(AssessmentStore store, MonthCalculator calculator, ClassFigures classFigures,
            StatisticsRefresh statistics, TransactionTemplate tx, Clock clock,
            @Value("${workstudy.assessment.months-back:24}") int monthsBack) {
        this.store = store;
        this.calculator = calculator;
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
        List<YearMonth> frozen = new ArrayList<>();
        for (YearMonth month : due) {
            if (freeze(month)) {
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
        Boolean done = tx.execute(status -> {
            int days = store.handleWithinDays();
            if (!store.claim(month, days, clock.instant())) {
                return false;
            }
            store.insert(month, calculator.compute(month, days, true));
            return true;
        });
        return Boolean.TRUE.equals(done);
    }
}
