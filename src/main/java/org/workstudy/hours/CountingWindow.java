package org.workstudy.hours;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.workstudy.calendar.CalendarSnapshot;
import org.workstudy.calendar.Term;
import org.workstudy.organization.StudyPeriods;
import org.workstudy.shared.TermCode;

/**
 * A student's counting window (rule 3): their first {@code semesters} <b>semesters of study</b>, by the calendar,
 * from the enrolment term on. This is the one place where the window is computed; counting, progress, "semesters
 * left", the early figures, the totals and the graduation audit all ask it.
 *
 * <p>A semester is a term's period: from its first day to the day before the next term starts (the vacation after
 * it belongs to it). The window is [first day of the enrolment term, first day of the term after the last semester
 * of study of the window): {@link #from()} and {@link #until()} (exclusive).
 *
 * <p><b>Suspensions</b> (休学): a term is <i>not</i> a semester of study when the student was suspended on more
 * than half of its teaching days [start, end] (the vacation after it does not matter); then the window moves on by
 * one term. A suspension that starts mid-term on or after the middle of the teaching days, or ends before it, leaves
 * the term a semester of study; exactly half counts as study. Days of suspension never count (work dated in a
 * suspension is refused), whether or not their term counts; days of study in a term that did not count (a 复学 late
 * in a term) lie inside the window and count. Work from the day the student left (退学, 毕业) is refused.
 *
 * <p>Immutable; built by {@link #of} from a calendar snapshot, the enrolment term, the policy version's number of
 * semesters (of the enrolment cohort) and the student's {@link StudyPeriods}.
 */
public final class CountingWindow {

    /** One term of the student's time from enrolment: its period, and its semester-of-study number (0 = not one). */
    record StudyTerm(TermCode code, LocalDate startsOn, LocalDate endsOn, LocalDate periodUntil, int number) {

        boolean covers(LocalDate date) {
            return !date.isBefore(startsOn) && (periodUntil == null ? !date.isAfter(endsOn) : date.isBefore(periodUntil));
        }
    }

    private static final CountingWindow UNKNOWN = new CountingWindow(null, 0, null, null, List.of(),
            StudyPeriods.NONE);

    private final TermCode enrolment;
    private final int semesters;
    private final LocalDate from;
    private final LocalDate until;
    private final List<StudyTerm> terms;
    private final StudyPeriods periods;

    private CountingWindow(TermCode enrolment, int semesters, LocalDate from, LocalDate until, List<StudyTerm> terms,
            StudyPeriods periods) {
        this.enrolment = enrolment;
        this.semesters = semesters;
        this.from = from;
        this.until = until;
        this.terms = List.copyOf(terms);
        this.periods = periods;
    }

    /** The window of a student with no suspension. */
    public static CountingWindow of(CalendarSnapshot calendar, TermCode enrolment, int semesters) {
        return of(calendar, enrolment, semesters, StudyPeriods.NONE);
    }

    /**
     * The window of a student who enrolled in {@code enrolment}, with {@code semesters} semesters of study, given
     * their suspensions. Unknown ({@link #known()} false) when the enrolment term is not in the calendar.
     */
    public static CountingWindow of(CalendarSnapshot calendar, TermCode enrolment, int semesters,
            StudyPeriods periods) {
        StudyPeriods p = periods == null ? StudyPeriods.NONE : periods;
        if (enrolment == null || calendar.term(enrolment).isEmpty()) {
            return new CountingWindow(enrolment, semesters, null, null, List.of(), p);
        }
        List<StudyTerm> walked = new ArrayList<>();
        LocalDate until = null;
        int n = 0;
        for (TermCode code = enrolment; calendar.term(code).isPresent(); code = code.next()) {
            Term t = calendar.term(code).get();
            LocalDate periodUntil = calendar.term(code.next()).map(Term::startsOn).orElse(null);
            boolean study = suspendedDays(t, p) * 2 <= t.days();
            int number = study ? ++n : 0;
            walked.add(new StudyTerm(code, t.startsOn(), t.endsOn(), periodUntil, number));
            if (number == semesters) {
                until = periodUntil;
            }
        }
        return new CountingWindow(enrolment, semesters, calendar.term(enrolment).get().startsOn(), until, walked, p);
    }

    /** The window of a student whose enrolment term is unknown: nothing can be said about it. */
    public static CountingWindow unknown() {
        return UNKNOWN;
    }

    private static long suspendedDays(Term t, StudyPeriods p) {
        long days = 0;
        for (StudyPeriods.Suspension s : p.suspensions()) {
            LocalDate a = s.from().isAfter(t.startsOn()) ? s.from() : t.startsOn();
            LocalDate b = s.to() == null || s.to().isAfter(t.endsOn()) ? t.endsOn() : s.to();
            if (!b.isBefore(a)) {
                days += ChronoUnit.DAYS.between(a, b) + 1;
            }
        }
        return days;
    }

    /** Whether the calendar knows where the window starts (the enrolment term is in it). */
    public boolean known() {
        return from != null;
    }

    public TermCode enrolment() {
        return enrolment;
    }

    /** The number of semesters of study in the window (the policy version's). */
    public int semesters() {
        return semesters;
    }

    /** The first day of the window (of the enrolment term); null when unknown. */
    public LocalDate from() {
        return from;
    }

    /** The first day after the window; null while the calendar does not reach it (the window is then open). */
    public LocalDate until() {
        return until;
    }

    /** The last day of the window, if the calendar knows it. */
    public Optional<LocalDate> end() {
        return Optional.ofNullable(until).map(d -> d.minusDays(1));
    }

    /** The student's suspensions and leaving day. */
    public StudyPeriods periods() {
        return periods;
    }

    /** The terms that were not semesters of study (suspended more than half of their teaching days). */
    public List<TermCode> suspendedTerms() {
        return terms.stream().filter(t -> t.number() == 0 && (until == null || t.startsOn().isBefore(until)))
                .map(StudyTerm::code).toList();
    }

    /** Whether the date lies from {@code from} up to (not including) {@code until} (make-up and suspensions aside). */
    public boolean spans(LocalDate date) {
        return from != null && !date.isBefore(from) && (until == null || date.isBefore(until));
    }

    /** Whether work on the date counts: within the window, not in a suspension, before the student left. */
    public boolean contains(LocalDate date) {
        return spans(date) && suspensionOn(date).isEmpty() && !left(date);
    }

    /** The suspension the date falls in, if any. */
    public Optional<StudyPeriods.Suspension> suspensionOn(LocalDate date) {
        return periods.suspensions().stream()
                .filter(s -> !date.isBefore(s.from()) && (s.to() == null || !date.isAfter(s.to()))).findFirst();
    }

    /** Whether the student had left (退学, 毕业) by the date. */
    public boolean left(LocalDate date) {
        return periods.leftOn() != null && !date.isBefore(periods.leftOn());
    }

    /**
     * The semester of study (1, 2, ...) on the date: empty before the enrolment term, outside the calendar, and in a
     * term that is not a semester of study.
     */
    public OptionalInt semesterOf(LocalDate date) {
        return termOf(date).filter(t -> t.number() > 0).map(t -> OptionalInt.of(t.number()))
                .orElse(OptionalInt.empty());
    }

    /** The semesters of study of the window not over on the date, the current one included. */
    public int semestersLeft(LocalDate date) {
        if (from == null) {
            return 0;
        }
        if (date.isBefore(from)) {
            return semesters;
        }
        if (termOf(date).isEmpty()) {
            return 0;
        }
        long started = terms.stream().filter(t -> t.number() > 0 && t.number() <= semesters)
                .filter(t -> !t.startsOn().isAfter(date)).count();
        OptionalInt now = semesterOf(date);
        boolean inWindow = now.isPresent() && now.getAsInt() <= semesters;
        return (int) Math.max(0, semesters - started + (inWindow ? 1 : 0));
    }

    /**
     * The semesters of study passed on the date, the current one by the share of its days passed (for the pro-rata
     * expectation): 0 before the window, {@code semesters} after it or outside the calendar; in a term that is not a
     * semester of study, the semesters of study before it.
     */
    public double semestersPassed(LocalDate date) {
        if (from == null || date.isBefore(from)) {
            return 0;
        }
        Optional<StudyTerm> term = termOf(date);
        if (term.isEmpty()) {
            return semesters;
        }
        StudyTerm t = term.get();
        if (t.number() == 0) {
            return Math.min(semesters, terms.stream().filter(x -> x.number() > 0 && x.startsOn().isBefore(t.startsOn()))
                    .count());
        }
        if (t.number() > semesters) {
            return semesters;
        }
        double fraction = t.periodUntil() == null ? 0.0
                : (double) ChronoUnit.DAYS.between(t.startsOn(), date)
                        / Math.max(1, ChronoUnit.DAYS.between(t.startsOn(), t.periodUntil()));
        return Math.min(semesters, t.number() - 1 + fraction);
    }

    private Optional<StudyTerm> termOf(LocalDate date) {
        return terms.stream().filter(t -> t.covers(date)).findFirst();
    }

    @Override
    public String toString() {
        return "CountingWindow[" + enrolment + ", " + semesters + " semesters, " + from + " – " + until + ", skipped "
                + suspendedTerms() + "]";
    }
}
