package org.workstudy.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.organization.Roster;

/**
 * Counted and waiting hours of many students, set-based (reports over a college or a cohort, annual plans), behind
 * {@link HoursLedger#totals} and {@link HoursLedger#countedBetween}.
 */
@Service
class LedgerTotals {

    private final LedgerStore store;
    private final Sources sources;
    private final Roster roster;
    private final CountingWindows windows;
    private final ObjectProvider<MakeUpWindows> makeUp;

    LedgerTotals(LedgerStore store, Sources sources, Roster roster, CountingWindows windows,
            ObjectProvider<MakeUpWindows> makeUp) {
        this.store = store;
        this.sources = sources;
        this.roster = roster;
        this.windows = windows;
        this.makeUp = makeUp;
    }

    /**
     * Counted and waiting hours of many students at once, for reports over a college or a cohort (credit
     * recognition, the graduation audit), with the counted hours split into those within the semester window and the
     * make-up after it ({@link HoursTotals}). No data-scope check here: the caller has already limited the students
     * to the user's scope. Students without entries get zero totals.
     *
     * <p>Set-based: one aggregate query per group of students sharing a window and make-up period (in practice one
     * per enrolment term, up to 10,000 students per query), so a cohort of 10,000 students with 600,000 entries is
     * not loaded into memory. Self-arranged entries come back per (source, work date) and are dropped on the days
     * that work does not count ({@link CountingRules#notCountingReason}), exactly as {@link LedgerReads#progress} does.
     */
    @Transactional(readOnly = true)
    Map<Long, HoursTotals> totals(Collection<Long> studentIds) {
        Map<Long, CountingWindow> byStudent = windows.of(roster.enrolments(studentIds));
        Map<Long, MakeUpWindows.Period> periods = makeUpWindows().map(m -> m.periodsOf(byStudent.keySet()))
                .orElse(Map.of());
        record Group(LocalDate from, LocalDate until, MakeUpWindows.Period makeUp) {
        }
        Map<Group, List<Long>> groups = new HashMap<>();
        byStudent.forEach((id, w) -> groups.computeIfAbsent(new Group(w.from(), w.until(), periods.get(id)),
                k -> new ArrayList<>()).add(id));
        Map<Long, BigDecimal[]> sums = new HashMap<>();
        Map<Long, Optional<SourceFacts>> facts = new HashMap<>();
        groups.forEach((g, ids) -> sum(store.totals(ids, g.from(), g.until(), g.makeUp()), sums, facts));
        Map<Long, HoursTotals> out = new HashMap<>();
        for (Long id : studentIds) {
            BigDecimal[] s = sums.get(id);
            out.put(id, s == null ? HoursTotals.none(id) : new HoursTotals(id, scale(s[0]), scale(s[3]), scale(s[1]),
                    scale(s[2])));
        }
        return out;
    }

    /**
     * The counted hours of these students worked from {@code from} up to (not including) {@code until}: the actual hours of an annual plan. No scope
     * check (figures, not students' records).
     */
    @Transactional(readOnly = true)
    BigDecimal countedBetween(Collection<Long> studentIds, LocalDate from, LocalDate until) {
        Map<Long, BigDecimal[]> sums = new HashMap<>();
        sum(store.totals(studentIds, from, until, null), sums, new HashMap<>());
        return scale(sums.values().stream().map(s -> s[1]).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /**
     * Adds the aggregate rows to each student's [counted, in window, make-up, waiting], dropping the days on which
     * self-arranged work does not count (its conditions, as {@link CountingRules#notCountingReason}).
     */
    private void sum(List<LedgerStore.Totals> rows, Map<Long, BigDecimal[]> sums,
            Map<Long, Optional<SourceFacts>> facts) {
        for (LedgerStore.Totals t : rows) {
            BigDecimal[] s = sums.computeIfAbsent(t.studentId(), k -> new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            boolean counts = t.selfArranged() == null || facts.computeIfAbsent(t.selfArranged(),
                            id -> sources.selfArrangedFacts(id))
                    .map(f -> CountingRules.notCountingReason(f, t.workDate()).isEmpty()).orElse(false);
            if (counts) {
                s[0] = s[0].add(t.counted());
                s[1] = s[1].add(t.inWindow());
                s[2] = s[2].add(t.makeUp());
            }
            s[3] = s[3].add(t.waiting());
        }
    }

    private static BigDecimal scale(BigDecimal b) {
        return b.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private Optional<MakeUpWindows> makeUpWindows() {
        return Optional.ofNullable(makeUp.getIfAvailable());
    }

    List<HoursLedger.PositionDay> countedOnPositions(Collection<Long> positionIds, LocalDate from, LocalDate until) {
        return store.countedOnPositions(positionIds, from, until);
    }

    List<HoursLedger.ConfirmationTime> confirmationTimes(Collection<Long> studentIds, java.time.Instant from,
            java.time.Instant until) {
        return store.confirmationTimes(studentIds, from, until);
    }
}
