package org.workstudy.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.workstudy.calendar.internal.DayInfo;
import org.workstudy.calendar.internal.Vacation;
import org.workstudy.shared.TermCode;

/**
 * The calendar's rules over a fixed set of terms and special days, with no database: immutable, so one instance can
 * be shared by any number of threads. Every day from the first term's start to the last term's end is classified
 * once, in the constructor, so that {@link #kindOf} and {@link #semesterOf} are an array look-up.
 *
 * <p>Rules, in order: a date outside [first term's start, last term's end] is {@link DayKind#OUTSIDE_CALENDAR} (even
 * if a holiday is recorded for it: the calendar cannot say whether it falls in a term or a vacation); a public holiday
 * wins; then the vacation after a term (winter after an autumn term, summer after a spring term); then a make-up
 * workday; then Saturday and Sunday are the weekend; any other day is a term weekday.
 *
 * <p>Semesters are numbered by term code, not by counting stored terms: semester n of a student who enrolled in term
 * E is the term n-1 halves after E (for 2025-2026-2: 1 = 2025-2026-2, 2 = 2026-2027-1, ...). It runs from that
 * term's first day to the day before the next term starts, so the vacation belongs to it.
 */
public final class CalendarSnapshot {

    private static final CalendarSnapshot EMPTY = new CalendarSnapshot(List.of(), List.of());

    private final List<Term> terms;
    private final Map<LocalDate, SpecialDay> specialDays;
    private final Map<TermCode, Term> byCode;
    private final long firstDay;
    private final DayKind[] kinds;
    /** For each day, the index in {@link #terms} of the term whose semester period contains it. */
    private final int[] periodTerm;
    /** The published calendar years; null: all. */
    private final java.util.Set<Integer> publishedYears;

    public CalendarSnapshot(List<Term> terms, List<SpecialDay> specialDays) {
        this(terms, specialDays, null);
    }

    /**
     * A calendar that knows which calendar years are published (the State Council's arrangement entered); any other
     * year is provisional. {@code publishedYears} null: every year counts as published (rule tests).
     */
    public CalendarSnapshot(List<Term> terms, List<SpecialDay> specialDays, java.util.Set<Integer> publishedYears) {
        this.publishedYears = publishedYears == null ? null : java.util.Set.copyOf(publishedYears);
        this.terms = terms.stream().sorted(Comparator.comparing(Term::startsOn)).toList();
        Map<LocalDate, SpecialDay> special = new HashMap<>();
        specialDays.forEach(d -> special.put(d.date(), d));
        this.specialDays = Map.copyOf(special);
        Map<TermCode, Term> codes = new HashMap<>();
        for (int i = 0; i < this.terms.size(); i++) {
            Term t = this.terms.get(i);
            if (i > 0 && !t.startsOn().isAfter(this.terms.get(i - 1).endsOn())) {
                throw new IllegalArgumentException("terms overlap: " + this.terms.get(i - 1) + " and " + t);
            }
            if (codes.put(t.code(), t) != null) {
                throw new IllegalArgumentException("duplicate term " + t.code());
            }
        }
        this.byCode = Map.copyOf(codes);
        if (this.terms.isEmpty()) {
            firstDay = 0;
            kinds = new DayKind[0];
            periodTerm = new int[0];
            return;
        }
        firstDay = this.terms.get(0).startsOn().toEpochDay();
        int length = (int) (this.terms.get(this.terms.size() - 1).endsOn().toEpochDay() - firstDay + 1);
        kinds = new DayKind[length];
        periodTerm = new int[length];
        int index = 0;
        for (int i = 0; i < length; i++) {
            LocalDate date = LocalDate.ofEpochDay(firstDay + i);
            while (index + 1 < this.terms.size() && !date.isBefore(this.terms.get(index + 1).startsOn())) {
                index++;
            }
            periodTerm[i] = index;
            kinds[i] = classify(date, this.terms.get(index));
        }
    }

    public static CalendarSnapshot empty() {
        return EMPTY;
    }

    private DayKind classify(LocalDate date, Term periodTerm) {
        SpecialDay special = specialDays.get(date);
        if (special != null && special.kind() == SpecialDayKind.HOLIDAY) {
            return DayKind.PUBLIC_HOLIDAY;
        }
        if (date.isAfter(periodTerm.endsOn())) {
            return periodTerm.code().isAutumn() ? DayKind.WINTER_VACATION : DayKind.SUMMER_VACATION;
        }
        if (special != null && special.kind() == SpecialDayKind.MAKEUP_WORKDAY) {
            return DayKind.MAKEUP_WORKDAY;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? DayKind.WEEKEND : DayKind.TERM_WEEKDAY;
    }

    /** The kind of a date (see the class comment for the rules). */
    public DayKind kindOf(LocalDate date) {
        int i = indexOf(date);
        return i < 0 ? DayKind.OUTSIDE_CALENDAR : kinds[i];
    }

    /**
     * Whether offices work on this date (a civil working day, 工作日): Monday to Friday unless a public holiday, and a
     * make-up workday (调休) on a weekend. Vacations do not matter (they are about classes), and neither do terms: a
     * date outside the calendar is judged by its weekday and any recorded special day.
     */
    public boolean isWorkingDay(LocalDate date) {
        SpecialDay special = specialDays.get(date);
        if (special != null) {
            return special.kind() == SpecialDayKind.MAKEUP_WORKDAY;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * The semester number (1, 2, ...) of a student who enrolled in {@code enrolmentTerm} on {@code date}; empty
     * before the enrolment term starts, outside the calendar, or when the enrolment term is not in the calendar.
     */
    public OptionalInt semesterOf(TermCode enrolmentTerm, LocalDate date) {
        int i = indexOf(date);
        if (i < 0 || !byCode.containsKey(enrolmentTerm)) {
            return OptionalInt.empty();
        }
        int n = ordinal(terms.get(periodTerm[i]).code()) - ordinal(enrolmentTerm) + 1;
        return n >= 1 ? OptionalInt.of(n) : OptionalInt.empty();
    }

    /**
     * The first day of semester {@code n} (n ≥ 1) of a student who enrolled in {@code enrolmentTerm}, if that term
     * is in the calendar. The five-semester window runs from semesterStart(e, 1) up to (not including)
     * semesterStart(e, 6).
     */
    public Optional<LocalDate> semesterStart(TermCode enrolmentTerm, int n) {
        if (n < 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(byCode.get(advance(enrolmentTerm, n - 1))).map(Term::startsOn);
    }

    /** The term whose semester period (teaching plus the vacation after it) contains the date. */
    public Optional<Term> periodTermOf(LocalDate date) {
        int i = indexOf(date);
        return i < 0 ? Optional.empty() : Optional.of(terms.get(periodTerm[i]));
    }

    public Optional<Term> term(TermCode code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Optional<SpecialDay> specialDay(LocalDate date) {
        return Optional.ofNullable(specialDays.get(date));
    }

    public DayInfo describe(LocalDate date) {
        DayKind kind = kindOf(date);
        return new DayInfo(date, kind, kind.isWorkday(), kind.countsWithoutEvening(),
                periodTermOf(date).map(t -> t.code().toString()).orElse(null),
                specialDay(date).map(SpecialDay::name).orElse(null), provisional(date));
    }

    /**
     * This calendar with the special days of one calendar year replaced, and that year provisional: the calendar as
     * it was before the year's arrangement was published (re-checking records entered on its provisional dates).
     */
    public CalendarSnapshot asProvisional(int year, List<SpecialDay> daysOfYear) {
        List<SpecialDay> days = new ArrayList<>(specialDays.values().stream().filter(d -> d.date().getYear() != year)
                .toList());
        days.addAll(daysOfYear);
        java.util.Set<Integer> published = publishedYears == null ? null
                : new java.util.HashSet<>(publishedYears);
        if (published != null) {
            published.remove(year);
        }
        return new CalendarSnapshot(terms, days, published);
    }

    /**
     * Whether the date's calendar year is provisional: its holidays certain by rule are in, but the State Council's
     * arrangement (the days it joins to them, the make-up workdays) is not yet entered, so the kind of the date may
     * still change.
     */
    public boolean provisional(LocalDate date) {
        return publishedYears != null && !publishedYears.contains(date.getYear());
    }

    /** Terms in date order. */
    public List<Term> terms() {
        return terms;
    }

    /** The vacation after each term that has a next term, in date order. */
    public List<Vacation> vacations() {
        List<Vacation> out = new ArrayList<>();
        for (int i = 0; i + 1 < terms.size(); i++) {
            vacationAfter(terms.get(i)).ifPresent(out::add);
        }
        return out;
    }

    /** The vacation after a term; empty for the last term (its next term is not known yet) or with no gap. */
    public Optional<Vacation> vacationAfter(Term term) {
        int i = terms.indexOf(term);
        if (i < 0 || i + 1 >= terms.size()) {
            return Optional.empty();
        }
        Term next = terms.get(i + 1);
        LocalDate from = term.endsOn().plusDays(1);
        LocalDate to = next.startsOn().minusDays(1);
        if (to.isBefore(from)) {
            return Optional.empty();
        }
        return Optional.of(new Vacation(term, term.code().isAutumn() ? DayKind.WINTER_VACATION : DayKind.SUMMER_VACATION,
                from, to, next.code().equals(term.code().next())));
    }

    private int indexOf(LocalDate date) {
        long i = date.toEpochDay() - firstDay;
        return i < 0 || i >= kinds.length ? -1 : (int) i;
    }

    /** Consecutive halves get consecutive numbers: 2024-2025-1 → 4048, 2024-2025-2 → 4049, 2025-2026-1 → 4050. */
    static int ordinal(TermCode code) {
        return code.startYear() * 2 + code.half() - 1;
    }

    static TermCode advance(TermCode code, int halves) {
        int o = ordinal(code) + halves;
        return new TermCode(Math.floorDiv(o, 2), Math.floorMod(o, 2) + 1);
    }
}
