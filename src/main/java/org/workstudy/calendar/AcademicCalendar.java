package org.workstudy.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.workstudy.audit.AuditTrail;
import org.workstudy.calendar.internal.DayInfo;
import org.workstudy.calendar.internal.TermForm;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TermCode;

/**
 * The academic calendar (校历): what kind a date is, a student's semester on a date, and the administration of terms
 * and special days.
 *
 * <p>Reads are answered from an immutable in-memory {@link CalendarSnapshot}, so that the hours ledger can ask
 * millions of times. Keeping it current across several application instances: every write bumps the single row of
 * {@code cal_version} in its transaction. An instance compares that version with its snapshot's at most once per
 * {@code workstudy.calendar.refresh-seconds} (default 5; one primary-key read) and reloads when it differs; the
 * instance that wrote drops its snapshot as soon as the write commits. So another instance sees a change within a
 * few seconds, the writing one at once. The check runs on the calling thread; while one thread checks or reloads, the
 * others keep answering from the current snapshot. For bulk work, take {@link #snapshot()} once and ask it directly.
 */
@Service
public class AcademicCalendar {

    static final String TERM = "calendar-term";
    static final String SPECIAL_DAY = "calendar-special-day";
    static final String YEAR = "calendar-year";
    private static final int MAX_NAME = 50;

    private final CalendarStore store;
    private final AuditTrail audit;
    private final java.time.Clock clock;
    private final long refreshNanos;
    private final ReentrantLock reloading = new ReentrantLock();

    /** Set while the current thread's transaction has changed the calendar (see {@link #lockForWrite}). */
    private static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> false);

    private volatile Loaded loaded;
    private volatile long nextCheck;

    private record Loaded(CalendarSnapshot snapshot, long version) {
    }

    AcademicCalendar(CalendarStore store, AuditTrail audit, java.time.Clock clock,
            @Value("${workstudy.calendar.refresh-seconds:5}") long refreshSeconds) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.refreshNanos = TimeUnit.SECONDS.toNanos(refreshSeconds);
    }

    // ---------------------------------------------------------------- questions

    /** The calendar as of now (at most a few seconds old); immutable, for bulk questions. */
    public CalendarSnapshot snapshot() {
        if (WRITING.get()) {
            // this transaction changed the calendar: it sees its own writes, and nobody else may see them before
            // they commit (a snapshot read here is never kept)
            return load();
        }
        Loaded current = loaded;
        // System.nanoTime, not the business Clock: this is a cache's age, not a date of the domain.
        if (current == null || System.nanoTime() - nextCheck >= 0) {
            current = refresh(current);
        }
        return current.snapshot();
    }

    public DayKind kindOf(LocalDate date) {
        return snapshot().kindOf(date);
    }

    /** Whether work on this date counts at any hour (weekend, public holiday, vacation), not only in the evening. */
    public boolean isOutsideClassTime(LocalDate date) {
        return kindOf(date).countsWithoutEvening();
    }

    /** See {@link CalendarSnapshot#isWorkingDay}. */
    public boolean isWorkingDay(LocalDate date) {
        return snapshot().isWorkingDay(date);
    }

    /** See {@link CalendarSnapshot#semesterOf}. */
    public OptionalInt semesterOf(TermCode enrolmentTerm, LocalDate date) {
        return snapshot().semesterOf(enrolmentTerm, date);
    }

    /** See {@link CalendarSnapshot#semesterStart}. */
    public Optional<LocalDate> semesterStart(TermCode enrolmentTerm, int n) {
        return snapshot().semesterStart(enrolmentTerm, n);
    }

    public DayInfo describe(LocalDate date) {
        return snapshot().describe(date);
    }

    /** All terms, in date order, read from the database. */
    public List<Term> terms() {
        return store.terms();
    }

    public Optional<Term> term(long id) {
        return terms().stream().filter(t -> t.id() == id).findFirst();
    }

    /** The public holidays and make-up workdays of a calendar year, by date. */
    public List<SpecialDay> specialDays(int year) {
        return store.specialDays(year);
    }

    /** The calendar years whose State Council arrangement is entered; every other year is provisional. */
    public java.util.Set<Integer> publishedYears() {
        return store.publishedYears();
    }

    /** Whether the year's arrangement is entered (published) or only its holidays certain by rule (provisional). */
    public boolean isPublished(int year) {
        return store.isPublished(year);
    }

    // ---------------------------------------------------------------- administration

    /**
     * Creates a term ({@code form.id()} null) or changes one. The code must be valid and unique, the term must end on
     * or after its start, start in its code's calendar year (autumn 2024-2025-1 in 2024), overlap no other term, and
     * lie between the terms whose codes come before and after it.
     */
    @Transactional
    public Term saveTerm(TermForm form) {
        if (form.code() == null || form.code().isBlank() || form.startsOn() == null || form.endsOn() == null) {
            throw BusinessException.invalid("calendar.term.required");
        }
        if (!TermCode.isValid(form.code())) {
            throw BusinessException.invalid("calendar.term.code-invalid", form.code());
        }
        TermCode code = TermCode.parse(form.code());
        if (form.endsOn().isBefore(form.startsOn())) {
            throw BusinessException.invalid("calendar.term.ends-before-start", form.endsOn(), form.startsOn());
        }
        if (form.startsOn().getYear() != code.calendarYear()) {
            throw BusinessException.invalid("calendar.term.wrong-year", code, code.calendarYear());
        }
        if (ChronoUnit.DAYS.between(form.startsOn(), form.endsOn()) > 200) {
            throw BusinessException.invalid("calendar.term.too-long", code);
        }
        lockForWrite();
        List<Term> all = terms();
        Term before = null;
        if (form.id() != null) {
            before = all.stream().filter(t -> t.id() == form.id()).findFirst()
                    .orElseThrow(() -> BusinessException.notFound("calendar.term.not-found"));
        }
        for (Term other : all) {
            if (form.id() != null && other.id() == form.id()) {
                continue;
            }
            if (other.code().equals(code)) {
                throw BusinessException.conflict("calendar.term.code-taken", code);
            }
            if (other.overlaps(form.startsOn(), form.endsOn())) {
                throw BusinessException.invalid("calendar.term.overlaps", other.code(), other.startsOn(),
                        other.endsOn());
            }
            if ((other.code().compareTo(code) < 0) != other.startsOn().isBefore(form.startsOn())) {
                throw BusinessException.invalid("calendar.term.out-of-order", code, other.code());
            }
        }
        Term saved;
        if (before == null) {
            saved = new Term(store.insertTerm(code, form.startsOn(), form.endsOn()), code, form.startsOn(),
                    form.endsOn());
            audit.record(TERM, saved.id(), "create", termValues(saved));
        } else {
            store.updateTerm(before.id(), code, form.startsOn(), form.endsOn());
            saved = new Term(before.id(), code, form.startsOn(), form.endsOn());
            audit.recordChange(TERM, saved.id(), "update", termValues(before), termValues(saved));
        }
        return saved;
    }

    /**
     * Deletes a term. Records elsewhere refer to dates, not to terms, so nothing dangles; the students' semester
     * numbers and the vacations around it change, which is why the delete is audited with the term's values.
     */
    @Transactional
    public void deleteTerm(long id) {
        lockForWrite();
        Term term = term(id).orElseThrow(() -> BusinessException.notFound("calendar.term.not-found"));
        store.deleteTerm(id);
        audit.record(TERM, id, "delete", termValues(term));
    }

    /** Adds a public holiday or a make-up workday (which must be a Saturday or Sunday). */
    @Transactional
    public SpecialDay addSpecialDay(LocalDate date, SpecialDayKind kind, String name) {
        if (date == null || kind == null || name == null || name.isBlank()) {
            throw BusinessException.invalid("calendar.special.required");
        }
        String trimmed = name.trim();
        if (trimmed.length() > MAX_NAME) {
            throw BusinessException.invalid("calendar.special.name-too-long", MAX_NAME);
        }
        if (kind == SpecialDayKind.MAKEUP_WORKDAY && date.getDayOfWeek().getValue() < 6) {
            throw BusinessException.invalid("calendar.special.makeup-not-weekend", date);
        }
        lockForWrite();
        return insertSpecialDay(new SpecialDay(date, kind, trimmed));
    }

    @Transactional
    public void removeSpecialDay(LocalDate date) {
        lockForWrite();
        SpecialDay day = store.specialDay(date)
                .orElseThrow(() -> BusinessException.notFound("calendar.special.not-found", date));
        store.deleteSpecialDay(date);
        audit.record(SPECIAL_DAY, date, "delete", day);
    }

    /**
     * Demo data and first set-up: the standard terms of the academic years {@code fromYear}..{@code toYear} (autumn
     * of fromYear to spring of toYear + 1) and China's public holidays and make-up workdays of the calendar years they
     * cover (see {@link StandardCalendar} for the dates). Idempotent: terms whose code exists or whose dates would
     * overlap an existing term, and dates that already have a special day, are left alone.
     *
     * @return how many terms and special days were created
     */
    @Transactional
    public SeedResult loadStandardCalendar(int fromYear, int toYear) {
        lockForWrite();
        List<Term> existing = terms();
        int terms = 0;
        for (StandardCalendar.TermDates t : StandardCalendar.terms(fromYear, toYear)) {
            boolean clash = existing.stream().anyMatch(e -> e.code().equals(t.code())
                    || e.overlaps(t.startsOn(), t.endsOn())
                    || (e.code().compareTo(t.code()) < 0) != e.startsOn().isBefore(t.startsOn()));
            if (!clash) {
                saveTerm(new TermForm(null, t.code().toString(), t.startsOn(), t.endsOn()));
                existing = terms();
                terms++;
            }
        }
        int days = 0;
        java.util.Set<Integer> published = publishedYears();
        for (int year = fromYear; year <= toYear + 1; year++) {
            if (published.contains(year)) {
                continue; // its arrangement is entered: nothing to add, nothing to guess
            }
            List<LocalDate> taken = specialDays(year).stream().map(SpecialDay::date).toList();
            for (SpecialDay d : StandardCalendar.specialDays(year)) {
                if (!taken.contains(d.date())) {
                    insertSpecialDay(d);
                    days++;
                }
            }
            if (StandardCalendar.published(year)) {
                markPublished(year, "STANDARD");
            }
        }
        return new SeedResult(terms, days);
    }

    /**
     * Adds to every provisional year that has special days the holidays certain by rule that it lacks (a database
     * created before issue 12 holds 10 of the 13 a year: 清明, 端午 and 中秋 were missing). Dates that already hold a
     * special day are left alone; idempotent, so every instance may run it at start-up.
     *
     * @return how many days were added
     */
    @Transactional
    public int completeProvisionalYears() {
        List<Integer> years = store.provisionalYearsWithSpecialDays();
        int added = 0;
        for (int year : years) {
            List<LocalDate> taken = specialDays(year).stream().map(SpecialDay::date).toList();
            List<SpecialDay> missing = StandardCalendar.provisionalDays(year).stream()
                    .filter(d -> !taken.contains(d.date())).toList();
            if (!missing.isEmpty() && added == 0) {
                lockForWrite();
            }
            for (SpecialDay d : missing) {
                if (specialDays(year).stream().noneMatch(t -> t.date().equals(d.date()))) {
                    insertSpecialDay(d);
                    added++;
                }
            }
        }
        return added;
    }

    /** Records the year as published (its arrangement entered); the caller holds the write lock. */
    void markPublished(int year, String source) {
        store.markPublished(year, source, java.time.OffsetDateTime.now(clock), actor());
        audit.record(YEAR, year, "publish", Map.of("year", year, "source", source));
    }

    private static String actor() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    /** What {@link #loadStandardCalendar} created. */
    public record SeedResult(int terms, int specialDays) {
    }

    // ---------------------------------------------------------------- internals

    SpecialDay insertSpecialDay(SpecialDay day) {
        if (store.specialDay(day.date()).isPresent()) {
            throw BusinessException.conflict("calendar.special.exists", day.date());
        }
        store.insertSpecialDay(day);
        audit.record(SPECIAL_DAY, day.date(), "create", day);
        return day;
    }

    /**
     * Bumps the calendar version (taking its row lock until commit, so calendar writes run one at a time across
     * instances) and drops this instance's snapshot once the transaction commits.
     */
    void lockForWrite() {
        store.bumpVersion();
        if (TransactionSynchronizationManager.isSynchronizationActive() && !WRITING.get()) {
            WRITING.set(true);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidate();
                }

                @Override
                public void afterCompletion(int status) {
                    WRITING.remove();
                }
            });
        }
    }

    /** The next question reloads the calendar. */
    void invalidate() {
        nextCheck = System.nanoTime();
        Loaded current = loaded;
        if (current != null) {
            loaded = new Loaded(current.snapshot(), Long.MIN_VALUE);
        }
    }

    private Loaded refresh(Loaded current) {
        // never loaded, or this instance wrote: wait for the check, so that the writer reads its own write
        boolean mustCheck = current == null || current.version() == Long.MIN_VALUE;
        if (mustCheck) {
            reloading.lock();
        } else if (!reloading.tryLock()) {
            return current; // another thread is checking; answer from the snapshot we have
        }
        try {
            Loaded now = loaded;
            if (!mustCheck && now != null && System.nanoTime() - nextCheck < 0) {
                return now; // refreshed while we waited
            }
            long version = store.version();
            if (now == null || now.version() != version) {
                now = new Loaded(load(), version);
                loaded = now;
            }
            nextCheck = System.nanoTime() + refreshNanos;
            return now;
        } finally {
            reloading.unlock();
        }
    }

    private CalendarSnapshot load() {
        return new CalendarSnapshot(store.terms(), store.specialDays(), store.publishedYears());
    }

    private static Map<String, Object> termValues(Term t) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", t.code().toString());
        values.put("startsOn", t.startsOn());
        values.put("endsOn", t.endsOn());
        return values;
    }
}
