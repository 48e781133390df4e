package org.workstudy.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.shared.BusinessException;

/**
 * Assessment's figures for other modules (award eligibility) and for its own pages, without scope (the caller
 * decides who may see them): a month's figures of every subject — the frozen snapshot once the month is frozen,
 * computed live (marked not frozen) before — and an academic year's, combined from its frozen months by each
 * metric's rule ({@link Metric}). Plain values: {@link SubjectFigures}, {@link Figure}.
 */
@Service
public class AssessmentFigures {

    /**
     * The period a set of figures covers and whether they are frozen; {@code reconstructedMonths}: those of its
     * frozen months that were frozen late, their on-track figures computed as of the month's last day;
     * {@code computedAt}: when live figures (a month not frozen) were computed, null for frozen ones.
     */
    public record Period(String academicYear, YearMonth month, boolean frozen, Instant frozenAt,
            Integer handleWithinDays, List<YearMonth> frozenMonths, List<YearMonth> reconstructedMonths,
            Instant computedAt) {

        public Period {
            frozenMonths = List.copyOf(frozenMonths);
            reconstructedMonths = List.copyOf(reconstructedMonths);
        }
    }

    /** Figures of every subject in a period. */
    public record Figures(Period period, List<SubjectFigures> subjects) {

        public Figures {
            subjects = List.copyOf(subjects);
        }
    }

    private final AssessmentStore store;
    private final MonthCalculator calculator;
    private final LiveMonthCache live;
    private final Clock clock;

    AssessmentFigures(AssessmentStore store, MonthCalculator calculator, LiveMonthCache live, Clock clock) {
        this.store = store;
        this.calculator = calculator;
        this.live = live;
        this.clock = clock;
    }

    /** How long the live figures of a month not frozen yet are kept before they are computed again (zero: never). */
    public java.time.Duration liveFiguresKeptFor() {
        return live.keepFor();
    }

    /** The month now open (shown live). */
    public YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    /**
     * Reads "2026-10" as a month, refusing (naming {@code field}) a malformed month and one that has not begun.
     */
    public YearMonth parseMonth(String text, String field) {
        String t = text == null ? "" : text.trim();
        if (!t.matches("\\d{4}-\\d{2}")) {
            throw badRequest("asm.month.invalid", t, field);
        }
        YearMonth month;
        try {
            month = YearMonth.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            throw badRequest("asm.month.invalid", t, field);
        }
        if (month.getYear() < 2000 || month.isAfter(currentMonth())) {
            throw badRequest("asm.month.out-of-range", t, field);
        }
        return month;
    }

    /** Reads "2025-2026" as an academic year, refusing (naming {@code field}) anything else. */
    public String parseYear(String text, String field) {
        String t = text == null ? "" : text.trim();
        if (!t.matches("\\d{4}-\\d{4}") || Integer.parseInt(t.substring(5)) != Integer.parseInt(t.substring(0, 4)) + 1
                || Integer.parseInt(t.substring(0, 4)) < 2000 || Integer.parseInt(t.substring(0, 4)) > 2100) {
            throw badRequest("asm.year.invalid", t, field);
        }
        return t;
    }

    /** A malformed period in the address or query: 400, naming the field. */
    private static BusinessException badRequest(String key, String text, String field) {
        return new BusinessException(400, key, text).field(field);
    }

    /** The academic year that holds the month, e.g. "2025-2026" for 2026-03. */
    public static String academicYearOf(YearMonth month) {
        return MonthCalculator.academicYear(month);
    }

    /**
     * Every subject's figures in the month: the snapshot once frozen, live before (kept a short while, see
     * {@link LiveMonthCache}). The open month is always live (the job freezes closed months only).
     */
    @Transactional(readOnly = true)
    public Figures month(YearMonth month) {
        Optional<AssessmentStore.FrozenMonth> frozen = month.isBefore(currentMonth()) ? store.frozen(month)
                : Optional.empty();
        if (frozen.isPresent()) {
            return new Figures(new Period(academicYearOf(month), month, true, frozen.get().frozenAt(),
                    frozen.get().handleWithinDays(), List.of(month),
                    frozen.get().reconstructed() ? List.of(month) : List.of(), null), store.figures(month));
        }
        int days = store.handleWithinDays();
        LiveMonthCache.Live figures = live.get(month, days, () -> calculator.compute(month, days, false));
        return new Figures(new Period(academicYearOf(month), month, false, null, days, List.of(), List.of(),
                figures.computedAt()), figures.subjects());
    }

    /** One subject's figures in the month, if it has any. */
    @Transactional(readOnly = true)
    public Optional<SubjectFigures> of(SubjectKind kind, long subjectId, YearMonth month) {
        return month(month).subjects().stream().filter(s -> s.kind() == kind && s.subjectId() == subjectId)
                .findFirst();
    }

    /** The academic year's figures, combined from its frozen months (none frozen: no subjects). */
    @Transactional(readOnly = true)
    public Figures year(String academicYear) {
        int start = Integer.parseInt(academicYear.substring(0, 4));
        YearMonth lastMonth = YearMonth.of(start + 1, 8);
        if (!lastMonth.isBefore(currentMonth())) {
            lastMonth = currentMonth().minusMonths(1);
        }
        List<AssessmentStore.FrozenMonth> months = store.frozenBetween(YearMonth.of(start, 9), lastMonth);
        Map<String, SubjectFigures> latest = new LinkedHashMap<>();
        Map<String, List<List<Figure>>> byMonth = new LinkedHashMap<>();
        for (AssessmentStore.FrozenMonth m : months) {
            for (SubjectFigures s : store.figures(m.month())) {
                String key = s.kind() + ":" + s.subjectId();
                latest.put(key, s);
                byMonth.computeIfAbsent(key, k -> new ArrayList<>()).add(s.figures());
            }
        }
        List<SubjectFigures> subjects = new ArrayList<>();
        latest.forEach((key, s) -> subjects.add(new SubjectFigures(s.kind(), s.subjectId(), s.name(), s.collegeId(),
                true, MetricMath.annual(byMonth.get(key)))));
        Instant last = months.isEmpty() ? null : months.get(months.size() - 1).frozenAt();
        return new Figures(new Period(academicYear, null, !months.isEmpty(), last, null,
                months.stream().map(AssessmentStore.FrozenMonth::month).toList(),
                months.stream().filter(AssessmentStore.FrozenMonth::reconstructed)
                        .map(AssessmentStore.FrozenMonth::month).toList(), null), subjects);
    }

    /** The months offered by the pickers: the open month, then the frozen ones, newest first (at most 36). */
    @Transactional(readOnly = true)
    public List<YearMonth> months() {
        YearMonth current = currentMonth();
        List<YearMonth> out = new ArrayList<>();
        out.add(current);
        List<AssessmentStore.FrozenMonth> frozen = store.frozenBetween(current.minusMonths(36), current);
        for (int i = frozen.size() - 1; i >= 0; i--) {
            if (!frozen.get(i).month().equals(current)) {
                out.add(frozen.get(i).month());
            }
        }
        return out;
    }
}
