package org.workstudy.assessment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The live figures of months not frozen yet (the open month), kept for {@code workstudy.assessment.open-month-cache}
 * (one minute): computing them is a pass over every class (about a second at 30,000 students), and every view of the
 * pages, exports and API would repeat it. The figures are kept without scope — each viewer's scope is a filter over
 * them — per month and deadline in days, so one computation serves every viewer; the pages say the figures may be
 * that old. A month is dropped once it is frozen (its snapshot is read instead). A month being computed is computed
 * once; other requests for it wait for that computation. Zero keeps nothing.
 */
@Component
class LiveMonthCache {

    /** Live figures and when they were computed. */
    record Live(List<SubjectFigures> subjects, Instant computedAt) {

        Live {
            subjects = List.copyOf(subjects);
        }
    }

    private record Key(YearMonth month, int handleWithinDays) {
    }

    private final Clock clock;
    private final Map<Key, Live> kept = new ConcurrentHashMap<>();
    private final AtomicLong computations = new AtomicLong();
    private volatile Duration keepFor;

    LiveMonthCache(Clock clock, @Value("${workstudy.assessment.open-month-cache:60s}") Duration keepFor) {
        this.clock = clock;
        this.keepFor = keepFor.isNegative() ? Duration.ZERO : keepFor;
    }

    /** How long live figures are kept (zero: computed on every view). */
    Duration keepFor() {
        return keepFor;
    }

    /** The figures kept for the month and deadline while young enough, else new ones from {@code compute}. */
    Live get(YearMonth month, int handleWithinDays, Supplier<List<SubjectFigures>> compute) {
        if (keepFor.isZero()) {
            return compute(compute);
        }
        Instant now = clock.instant();
        kept.values().removeIf(live -> !young(live, now)); // at most a few months and deadlines are ever kept
        return kept.compute(new Key(month, handleWithinDays),
                (key, old) -> old != null && young(old, clock.instant()) ? old : compute(compute));
    }

    /** Forgets the month's live figures (it has just been frozen: its snapshot answers from now on). */
    void forget(YearMonth month) {
        kept.keySet().removeIf(key -> key.month().equals(month));
    }

    /** How many times live figures were computed since the start (tests observe that a view was served kept). */
    long computations() {
        return computations.get();
    }

    /** Sets how long figures are kept, forgetting those kept; returns the previous duration (tests). */
    Duration keepFor(Duration duration) {
        Duration previous = keepFor;
        keepFor = duration;
        kept.clear();
        return previous;
    }

    private Live compute(Supplier<List<SubjectFigures>> compute) {
        Instant at = clock.instant();
        computations.incrementAndGet();
        return new Live(compute.get(), at);
    }

    private boolean young(Live live, Instant now) {
        return Duration.between(live.computedAt(), now).compareTo(keepFor) < 0;
    }
}
