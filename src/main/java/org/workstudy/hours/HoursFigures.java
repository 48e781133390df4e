package org.workstudy.hours;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.calendar.CalendarSnapshot;
import org.workstudy.calendar.DayKind;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.hours.internal.Progress;
import org.workstudy.hours.internal.Projection;

/**
 * The hours figures of many students at once, for statistics that keep their own summary (no user, no scope check:
 * the caller decides who may see the result). Each student's figures are those of {@link HoursLedger#classProgress}:
 * counted hours, the even-pace expectation, behind, projected short; plus the counted hours grouped by the month
 * worked, the month entered, the kind of day (by the calendar) and the source kind. The same figures as they stood at
 * the end of a past day ({@link #of(Collection, LocalDate)}) serve a month frozen late and a closed award year.
 */
@Service
public class HoursFigures {

    /** Counted hours of one student in one group. {@code enteredMonth} is the month the record was written. */
    public record CountedGroup(YearMonth workMonth, YearMonth enteredMonth, DayKind dayKind, SourceKind source,
            BigDecimal hours) {
    }

    /** A student's standing and counted hours, as the counselor's class progress shows them today. */
    public record StudentFigures(long studentId, BigDecimal requiredHours, BigDecimal countedHours,
            BigDecimal waitingHours, BigDecimal expectedHours, boolean completed, boolean behind,
            boolean projectedShort, List<CountedGroup> counted) {

        public StudentFigures {
            counted = List.copyOf(counted);
        }
    }

    /** An entry waiting for its confirmation: the student, since when, until when (null: still waiting). */
    public record Wait(long studentId, Instant since, Instant endedAt) {
    }

    private final LedgerStore store;
    private final Sources sources;
    private final AcademicCalendar calendar;
    private final Roster roster;
    private final CohortSettings settings;
    private final CountingWindows windows;
    private final WarningSettings warnings;
    private final Clock clock;

    HoursFigures(LedgerStore store, Sources sources, AcademicCalendar calendar, Roster roster,
            CohortSettings settings, CountingWindows windows, WarningSettings warnings, Clock clock) {
        this.store = store;
        this.sources = sources;
        this.calendar = calendar;
        this.roster = roster;
        this.settings = settings;
        this.windows = windows;
        this.warnings = warnings;
        this.clock = clock;
    }

    /**
     * Every entry needing a confirmation written from {@code from} up to (not including) {@code to}, with when its
     * wait ended (confirmed, refused, or replaced by a correction or void), for assessment; no scope check.
     */
    @Transactional(readOnly = true)
    public List<Wait> confirmationWaits(Instant from, Instant to) {
        return store.confirmationWaits(from, to);
    }

    /** The figures of these students as they stand today (unknown ids are left out). */
    @Transactional(readOnly = true)
    public Map<Long, StudentFigures> of(Collection<Long> studentIds) {
        LocalDate today = LocalDate.now(clock);
        return compute(studentIds, List.of(today), false).get(today);
    }

    /**
     * The figures of these students as they stood at the end of {@code asOf} (unknown ids are left out): only the
     * ledger entries written ({@code recordedAt}) by the end of that day, and of those only the hours worked up to
     * that day; the expected pace, the days left and the projection are those of {@code asOf} as "today". Since
     * the ledger is insert-only, a correction or void written after the day is left out with the other later
     * entries. <b>Assumption:</b> a record's confirmation or rejection is today's, also when it was decided after
     * {@code asOf} (a record then waiting but confirmed since counts); the student's status, counting window and
     * self-arranged facts are today's too.
     */
    @Transactional(readOnly = true)
    public Map<Long, StudentFigures> of(Collection<Long> studentIds, LocalDate asOf) {
        return of(studentIds, List.of(asOf)).get(asOf);
    }

    /**
     * The figures of {@link #of(Collection, LocalDate)} for several days at once, reading the ledger once (a late
     * freeze of many months); each day maps to its figures.
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, Map<Long, StudentFigures>> of(Collection<Long> studentIds, Collection<LocalDate> days) {
        return compute(studentIds, days, true);
    }

    /** {@code cut}: leave out entries written and slots worked after each day (today's figures take everything). */
    private Map<LocalDate, Map<Long, StudentFigures>> compute(Collection<Long> studentIds, Collection<LocalDate> days,
            boolean cut) {
        Map<Long, Student> students = roster.findAll(studentIds);
        Map<Long, List<EntryRow>> byStudent = new HashMap<>();
        store.ofStudents(students.keySet())
                .forEach(r -> byStudent.computeIfAbsent(r.studentId(), k -> new ArrayList<>()).add(r));
        CalendarSnapshot snapshot = calendar.snapshot();
        Map<Long, Optional<SourceFacts>> facts = new HashMap<>();
        Map<Long, CountingSettings> settingsOf = new HashMap<>();
        Map<Long, CountingWindow> windowOf = new HashMap<>();
        for (Student s : students.values()) {
            CountingSettings cs = settings.of(s);
            settingsOf.put(s.id(), cs);
            windowOf.put(s.id(), windows.of(snapshot, s, cs));
        }
        Map<LocalDate, Map<Long, StudentFigures>> out = new HashMap<>();
        for (LocalDate day : new java.util.TreeSet<>(days)) {
            Map<LocalDate, ProgressMath.DaysLeft> leftByEnd = new HashMap<>();
            Map<Long, StudentFigures> ofDay = new HashMap<>();
            for (Student s : students.values()) {
                // the same "not counting" rule as the ledger: self-arranged work only on the days it counts
                ofDay.put(s.id(), figures(s.id(), byStudent.getOrDefault(s.id(), List.of()), day, cut,
                        clock.getZone(), snapshot, windowOf.get(s.id()), settingsOf.get(s.id()),
                        warnings.assumptions(),
                        row -> row.sourceKind() != SourceKind.SELF_ARRANGED ? Optional.empty()
                                : facts.computeIfAbsent(row.sourceId(), id -> sources.factsOf(row))
                                        .map(f -> CountingRules.notCountingReason(f, row.workDate()))
                                        .orElse(Optional.of("hours.not-counted.self-arranged")),
                        leftByEnd));
            }
            out.put(day, ofDay);
        }
        return out;
    }

    /**
     * One student's figures at the end of {@code today}, pure (no database or clock). {@code cut}: only the entries
     * written by the end of the day (in {@code zone}) and of those the slots worked up to it; otherwise every entry
     * and slot (today's figures). {@code leftByEnd}: days left per window end, shared by students of one day.
     */
    static StudentFigures figures(long studentId, List<EntryRow> allRows, LocalDate today, boolean cut, ZoneId zone,
            CalendarSnapshot snapshot, CountingWindow window, CountingSettings cs, Projection.Assumptions assumptions,
            Function<EntryRow, Optional<String>> notCounting, Map<LocalDate, ProgressMath.DaysLeft> leftByEnd) {
        Instant endOfDay = today.plusDays(1).atStartOfDay(zone).toInstant();
        List<EntryRow> rows = cut ? allRows.stream().filter(r -> r.recordedAt().isBefore(endOfDay)).toList()
                : allRows;
        List<LedgerView.Evaluated> evaluated = LedgerView.evaluate(rows, notCounting);
        Map<CountedKey, BigDecimal> groups = new HashMap<>();
        List<Slot> slots = new ArrayList<>();
        java.util.Set<LocalDate> daysWorked = new java.util.HashSet<>();
        BigDecimal waiting = BigDecimal.ZERO;
        for (LedgerView.Evaluated e : evaluated) {
            if (e.status() == RecordStatus.WAITING_CONFIRMATION) {
                waiting = waiting.add(e.row().hours());
            }
            if (e.status() != RecordStatus.COUNTED) {
                continue;
            }
            for (Slot slot : e.row().slots()) {
                if (cut && slot.date().isAfter(today)) {
                    continue; // worked after the day: not yet part of the figures of that day
                }
                slots.add(slot);
                daysWorked.add(slot.date());
                groups.merge(new CountedKey(YearMonth.from(slot.date()),
                        YearMonth.from(e.row().recordedAt().atZone(zone)), snapshot.kindOf(slot.date()),
                        e.row().sourceKind()), slot.hours(), BigDecimal::add);
            }
        }
        Progress p = ProgressMath.progress(studentId, slots, waiting, window, today, cs);
        BigDecimal expected = ProgressMath.expected(window, today, cs);
        LocalDate windowEnd = window.end().orElse(null);
        boolean projectedShort = windowEnd != null && !p.completed() && ProgressMath.projection(p.hours(),
                daysWorked.size(), p.remainingHours(), leftByEnd.computeIfAbsent(windowEnd,
                        end -> ProgressMath.daysLeft(snapshot, today, end)), assumptions)
                .shortOfHours();
        List<CountedGroup> counted = new ArrayList<>();
        groups.forEach((k, h) -> counted.add(new CountedGroup(k.workMonth(), k.enteredMonth(), k.dayKind(),
                k.source(), h.setScale(2, RoundingMode.HALF_UP))));
        return new StudentFigures(studentId, cs.requiredHours(), p.hours(), p.waitingHours(), expected,
                p.completed(), !p.completed() && p.hours().compareTo(expected) < 0, projectedShort, counted);
    }

    private record CountedKey(YearMonth workMonth, YearMonth enteredMonth, DayKind dayKind, SourceKind source) {
    }
}
