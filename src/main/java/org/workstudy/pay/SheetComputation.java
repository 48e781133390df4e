package org.workstudy.pay;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.calendar.Term;
import org.workstudy.hours.CountingSettings;
import org.workstudy.hours.HoursLedger;
import org.workstudy.positions.PositionView;

/**
 * A draft's lines, computed from the hours the ledger counted on the employer's positions, with the term-time caps
 * ({@link PayRules}); and adjustments of the frozen months before it, within a year.
 */
@Component
class SheetComputation {

    /** How far back a month's changes still become adjustments. */
    private static final int ADJUST_MONTHS = 12;

    private final PayStore store;
    private final HoursLedger ledger;
    private final EmployerPositions positions;
    private final AcademicCalendar calendar;

    SheetComputation(PayStore store, HoursLedger ledger, EmployerPositions positions, AcademicCalendar calendar) {
        this.store = store;
        this.ledger = ledger;
        this.positions = positions;
        this.calendar = calendar;
    }

    /** The employers with counted hours on their positions in the month. */
    Set<Long> employersWithHours(YearMonth month) {
        Map<Long, List<Long>> byEmployer = positions.all().stream().collect(Collectors.groupingBy(
                PositionView::employerId, Collectors.mapping(PositionView::id, Collectors.toList())));
        Set<Long> withHours = ledger.countedOnPositions(byEmployer.values().stream().flatMap(List::stream).toList(),
                month.atDay(1), month.plusMonths(1).atDay(1)).stream().map(HoursLedger.PositionDay::positionId)
                .collect(Collectors.toSet());
        Set<Long> out = new LinkedHashSet<>();
        for (Map.Entry<Long, List<Long>> e : byEmployer.entrySet()) {
            if (e.getValue().stream().anyMatch(withHours::contains)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** Recomputes a draft's lines: the month's hours, and adjustments of frozen earlier months. */
    void recompute(PayStore.SheetRow s) {
        if (s.status() != SheetStatus.DRAFT) {
            return;
        }
        List<PositionView> ofEmployer = positions.of(s.employerId());
        Map<Long, PositionView> byId = ofEmployer.stream().collect(Collectors.toMap(PositionView::id,
                Function.identity()));
        Map<Long, PayStore.Terms> terms = store.terms(byId.keySet());
        Predicate<LocalDate> termTime = termTime(calendar.terms());
        List<PayStore.LineRow> lines = new ArrayList<>(compute(s.month(), "HOURS", byId, terms, termTime));
        LocalDate month = s.month();
        for (LocalDate earlier : store.frozenMonths(s.employerId(), s.funding(), month.minusMonths(ADJUST_MONTHS),
                month)) {
            Map<List<Long>, PayStore.LineRow> now = new LinkedHashMap<>();
            compute(earlier, "ADJUSTMENT", byId, terms, termTime)
                    .forEach(l -> now.put(List.of(l.studentId(), l.positionId()), l));
            Map<List<Long>, BigDecimal[]> paid = new HashMap<>();
            for (PayStore.LineRow l : store.paidFor(s.employerId(), s.funding(), earlier, s.id())) {
                BigDecimal[] p = paid.computeIfAbsent(List.of(l.studentId(), l.positionId()),
                        k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                p[0] = p[0].add(l.hours());
                p[1] = p[1].add(l.cappedHours());
                p[2] = p[2].add(l.amount());
            }
            Set<List<Long>> keys = new LinkedHashSet<>(now.keySet());
            keys.addAll(paid.keySet());
            for (List<Long> k : keys) {
                PayStore.LineRow n = now.get(k);
                BigDecimal[] p = paid.getOrDefault(k, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO});
                BigDecimal amount = (n == null ? BigDecimal.ZERO : n.amount()).subtract(p[2]);
                BigDecimal hours = (n == null ? BigDecimal.ZERO : n.hours()).subtract(p[0]);
                BigDecimal capped = (n == null ? BigDecimal.ZERO : n.cappedHours()).subtract(p[1]);
                if (amount.signum() != 0 || capped.signum() != 0) {
                    PositionView pos = byId.get(k.get(1));
                    lines.add(new PayStore.LineRow(0, s.id(), "ADJUSTMENT", earlier, k.get(0), k.get(1), hours,
                            capped, n != null ? n.rate() : pos == null ? BigDecimal.ZERO : pos.hourlyPay(), amount,
                            n != null ? n.basis() : "HOURLY"));
                }
            }
        }
        store.replaceLines(s.id(), lines);
    }

    /** The lines of one work month from the ledger's counted hours, caps applied per student. */
    private List<PayStore.LineRow> compute(LocalDate month, String kind, Map<Long, PositionView> byId,
            Map<Long, PayStore.Terms> terms, Predicate<LocalDate> termTime) {
        List<HoursLedger.PositionDay> days = ledger.countedOnPositions(byId.keySet(), month, month.plusMonths(1));
        Map<Long, List<PayRules.Worked>> byStudent = new TreeMap<>();
        for (HoursLedger.PositionDay d : days) {
            byStudent.computeIfAbsent(d.studentId(), k -> new ArrayList<>())
                    .add(new PayRules.Worked(d.workDate(), d.positionId(), d.hours()));
        }
        List<PayStore.LineRow> out = new ArrayList<>();
        for (Map.Entry<Long, List<PayRules.Worked>> e : byStudent.entrySet()) {
            CountingSettings cs = ledger.settings(e.getKey());
            Map<Long, BigDecimal> worked = new TreeMap<>();
            e.getValue().forEach(w -> worked.merge(w.positionId(), w.hours(), BigDecimal::add));
            Map<Long, BigDecimal> payable = PayRules.payable(e.getValue(), termTime, cs.termWeekHours(),
                    cs.termMonthHours());
            for (Map.Entry<Long, BigDecimal> w : worked.entrySet()) {
                PositionView p = byId.get(w.getKey());
                BigDecimal paidHours = payable.getOrDefault(w.getKey(), BigDecimal.ZERO);
                PayStore.Terms t = terms.get(w.getKey());
                boolean monthly = t != null && "FIXED".equals(p.type());
                BigDecimal rate = monthly ? PayRules.rateOf(t.monthlyAmount(), t.monthlyHours()) : p.hourlyPay();
                BigDecimal amount = monthly ? PayRules.monthly(paidHours, t.monthlyHours(), t.monthlyAmount())
                        : PayRules.hourly(paidHours, p.hourlyPay());
                out.add(new PayStore.LineRow(0, 0, kind, month, e.getKey(), w.getKey(), w.getValue(), paidHours, rate,
                        amount, monthly ? "MONTHLY" : "HOURLY"));
            }
        }
        return out;
    }

    /** Term time: the days of a term's teaching period (its first to its last day); the rest is vacation. */
    static Predicate<LocalDate> termTime(List<Term> terms) {
        return d -> terms.stream().anyMatch(t -> !d.isBefore(t.startsOn()) && !d.isAfter(t.endsOn()));
    }
}
