package org.workstudy.hours;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.calendar.CalendarSnapshot;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentQuery;
import org.workstudy.positions.PositionBank;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TextLimits;

/**
 * The work-record ledger (工时台账). Entries are only ever inserted: a correction or a void is a new entry that
 * references the one it replaces, with who and why; every write is in the audit trail, in its transaction. Every
 * method checks the user's role and data scope; ids outside it answer "not found".
 *
 * <p>Who may do what: a COUNSELOR records, confirms, rejects, corrects and voids for the students of their classes
 * (their records count at once); an EMPLOYER records for students placed on their positions, confirms and rejects
 * those students' reports, and corrects or voids their own side's entries on their positions (their records count once the counselor
 * confirms them, when {@code workstudy.hours.counselor-confirms-employer} is true); a STUDENT reports their own work
 * (counted once the employer of the position or the counselor confirms).
 *
 * <p>Writes for one student run one after the other (a lock row per student), so that overlaps and caps hold under
 * concurrent writes on any number of instances. Reads load one student's rows in one query.
 */
@Service
public class HoursLedger {

    /** The lengths of hrs_entry.content and .reason: longer text is refused, never cut. */
    static final int CONTENT_MAX = 500;
    static final int REASON_MAX = 500;

    static final String AUDIT = "work-record";

    private final LedgerStore store;
    private final Sources sources;
    private final AcademicCalendar calendar;
    private final Roster roster;
    private final DataScope scope;
    private final PositionBank positions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CohortSettings settings;
    private final Clock clock;
    private final ObjectProvider<MakeUpWindows> makeUp;
    private final CountingWindows windows;
    private final WarningSettings warnings;

    HoursLedger(LedgerStore store, Sources sources, AcademicCalendar calendar, Roster roster, DataScope scope,
            PositionBank positions, AuditTrail audit, ApplicationEventPublisher events,
            CohortSettings settings, Clock clock, ObjectProvider<MakeUpWindows> makeUp, CountingWindows windows,
            WarningSettings warnings) {
        this.warnings = warnings;
        this.store = store;
        this.sources = sources;
        this.calendar = calendar;
        this.roster = roster;
        this.scope = scope;
        this.positions = positions;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.makeUp = makeUp;
        this.windows = windows;
    }

    /** The numbers the rules and progress use for the student: those of the policy version of their cohort. */
    public CountingSettings settings(long studentId) {
        return settings.of(roster.find(studentId).orElseThrow(() -> BusinessException.notFound("error.not-found")));
    }

    /**
     * The student's counting window: their first semesters of study by the policy version of their enrolment cohort,
     * with their suspensions (no scope check: for modules that already checked it, e.g. the graduation audit).
     */
    public CountingWindow window(long studentId) {
        return windows.of(roster.find(studentId).orElseThrow(() -> BusinessException.notFound("error.not-found")));
    }

    /** The counting windows of many students at once (no scope check: callers limit the ids). */
    public Map<Long, CountingWindow> windows(Collection<Long> studentIds) {
        return windows.of(roster.enrolments(studentIds));
    }

    /** The numbers of the policy version of a class's cohort (a class register's header). */
    CountingSettings settingsOfClass(long classId) {
        return settings.ofClass(classId);
    }

    // ================================================================== writes

    /**
     * Records hours: an employer for students placed on their positions, a counselor for their classes' students,
     * a student for themselves (a report, counted once confirmed). Refused (HTTP 422, a message key naming the rule)
     * when a counting rule is broken. Returns the new entry id.
     */
    @Transactional
    public long record(CurrentUser user, NewWorkRecord record) {
        Prepared p = prepare(user, record);
        store.lockStudent(record.studentId());
        return write(user, p, check(p, store.ofStudent(record.studentId()), null, List.of()), null);
    }

    /** Checks a batch as {@link #recordAll} would, without writing: the refused records, empty when all pass. */
    @Transactional(readOnly = true)
    public List<RecordProblem> check(CurrentUser user, List<NewWorkRecord> records) {
        return checkAll(user, records, false).problems;
    }

    /**
     * Records a batch in one transaction, all or nothing: records are checked against the ledger and against each
     * other (overlaps, caps), and one refused record refuses the batch with {@link HoursBatchRefused}. Entry ids in
     * order.
     */
    @Transactional
    public List<Long> recordAll(CurrentUser user, List<NewWorkRecord> records) {
        Batch batch = checkAll(user, records, true);
        if (!batch.problems.isEmpty()) {
            throw new HoursBatchRefused(batch.problems);
        }
        return writeAll(user, batch.checked);
    }

    /** Confirms an entry waiting for the user's confirmation. */
    @Transactional
    public void confirm(CurrentUser user, long entryId) {
        decide(user, entryId, true, null);
    }

    /** Rejects an entry waiting for the user's confirmation; a reason is required. */
    @Transactional
    public void reject(CurrentUser user, long entryId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw BusinessException.invalid("hours.reason-required");
        }
        decide(user, entryId, false, TextLimits.require("reason", reason, REASON_MAX));
    }

    /**
     * Corrects the latest entry of a chain (counselor, or the employer of its position): the replacement is a new
     * entry with its own hours, times and content; the original stays visible, marked corrected. Returns its id.
     */
    @Transactional
    public long correct(CurrentUser user, long entryId, NewWorkRecord replacement, String reason) {
        EntryRow original = amendable(user, entryId, reason);
        NewWorkRecord r = new NewWorkRecord(original.studentId(), replacement.sourceKind() == null
                ? original.sourceKind() : replacement.sourceKind(),
                replacement.sourceKind() == null ? original.sourceId() : replacement.sourceId(), replacement.workDate(),
                replacement.startsAt(), replacement.endsAt(), replacement.hours(), replacement.content());
        Prepared p = prepare(user, r);
        store.lockStudent(original.studentId());
        List<EntryRow> rows = store.ofStudent(original.studentId());
        requireLatest(rows, original);
        BigDecimal hours = check(p, rows, original.chain(), List.of());
        long id = write(user, p, hours, new Amend(EntryKind.CORRECTION, original, reason.strip()));
        return id;
    }

    /** Voids the latest entry of a chain (counselor, or the employer of its position): its hours no longer count. */
    @Transactional
    public long voidEntry(CurrentUser user, long entryId, String reason) {
        EntryRow original = amendable(user, entryId, reason);
        store.lockStudent(original.studentId());
        requireLatest(store.ofStudent(original.studentId()), original);
        long id = store.insert(new LedgerStore.NewEntry(original.studentId(), original.sourceKind(),
                original.sourceId(), original.positionId(), original.employerId(), original.employerName(),
                original.place(), original.workDate(), null, null, null, null, EntryKind.VOID, original.id(),
                original.chain(), reason.strip(), user.username(), user.displayName(), recorderRole(user), false));
        Map<String, Object> trail = new LinkedHashMap<>();
        trail.put("student", original.studentId());
        trail.put("voids", original.id());
        trail.put("reason", reason.strip());
        audit.record(AUDIT, id, "void", trail);
        events.publishEvent(new WorkRecordVoided(id, original.id(), original.studentId()));
        return id;
    }

    // ================================================================== reads

    /** The student's register: every entry, newest work date first, with its status. */
    @Transactional(readOnly = true)
    public List<WorkRecordView> ofStudent(CurrentUser user, long studentId) {
        Set<Long> onlyEmployers = readable(user, studentId);
        Student s = roster.find(studentId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        List<EntryRow> rows = store.ofStudent(studentId);
        List<WorkRecordView> views = views(LedgerView.evaluate(rows, notCounting()), Map.of(studentId, s));
        return views.stream().filter(v -> onlyEmployers == null || rows.stream().anyMatch(r -> r.id() == v.id()
                        && r.employerId() != null && onlyEmployers.contains(r.employerId())))
                .sorted(Comparator.comparing(WorkRecordView::workDate).thenComparing(WorkRecordView::id).reversed())
                .toList();
    }

    /** The student's progress toward the required hours. */
    @Transactional(readOnly = true)
    public Progress progress(CurrentUser user, long studentId) {
        scope.requireStudent(user, studentId);
        Student s = roster.find(studentId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        CountingSettings cs = settings.of(s);
        return progressOf(s, LedgerView.evaluate(store.ofStudent(studentId), notCounting()),
                windows.of(calendar.snapshot(), s, cs), cs);
    }

    /**
     * The students of a counselor's classes who are behind (see {@link #classProgress}), the furthest behind first,
     * at most {@code limit}; and how many there are in all.
     */
    @Transactional(readOnly = true)
    public Behind behind(CurrentUser user, int limit) {
        List<ClassProgressRow> all = new ArrayList<>();
        for (Long classId : user.activeScopeIds()) {
            classProgress(user, classId).stream().filter(ClassProgressRow::atRisk).forEach(all::add);
        }
        all.sort(Comparator.comparing((ClassProgressRow r) -> r.expectedHours().subtract(r.hours())).reversed()
                .thenComparing(ClassProgressRow::studentNo));
        return new Behind(all.stream().limit(limit).toList(), all.size());
    }

    /** The first students behind, and how many are behind in all. */
    public record Behind(List<ClassProgressRow> first, int total) {
    }

    /** The student's progress with what is at stake: behind or not, their window's end and the days left in it. */
    @Transactional(readOnly = true)
    public ProgressOutlook outlook(CurrentUser user, long studentId) {
        scope.requireStudent(user, studentId);
        Student s = roster.find(studentId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        CalendarSnapshot snapshot = calendar.snapshot();
        CountingSettings cs = settings.of(s);
        List<LedgerView.Evaluated> evaluated = LedgerView.evaluate(store.ofStudent(studentId), notCounting());
        CountingWindow window = windows.of(snapshot, s, cs);
        Progress p = progressOf(s, evaluated, window, cs);
        LocalDate today = LocalDate.now(clock);
        BigDecimal expected = ProgressMath.expected(window, today, cs);
        LocalDate windowEnd = window.end().orElse(null);
        ProgressMath.DaysLeft left = ProgressMath.daysLeft(snapshot, today, windowEnd);
        Projection projection = Projection.of(p.hours(), daysWorked(evaluated), p.remainingHours(), left,
                warnings.assumptions());
        return new ProgressOutlook(p, expected, !p.completed() && p.hours().compareTo(expected) < 0, windowEnd,
                left.weekendsAndHolidays(), left.vacationDays(), projection);
    }

    /**
     * Every student of the class with hours, days, share and whether they are behind: counted hours below the
     * pro-rata expectation, {@code required × semesters passed / window}, the current semester counted by the share
     * of its days passed (see {@link ProgressMath}). Sorted by student number.
     */
    @Transactional(readOnly = true)
    public List<ClassProgressRow> classProgress(CurrentUser user, long classId) {
        scope.requireClass(user, classId);
        List<Student> students = new ArrayList<>();
        roster.forEach(user, new StudentQuery(null, null, classId, null, null),
                r -> roster.find(r.id()).ifPresent(students::add));
        Map<Long, List<EntryRow>> byStudent = new HashMap<>();
        store.ofStudents(students.stream().map(Student::id).toList())
                .forEach(r -> byStudent.computeIfAbsent(r.studentId(), k -> new ArrayList<>()).add(r));
        CalendarSnapshot snapshot = calendar.snapshot();
        LocalDate today = LocalDate.now(clock);
        Function<EntryRow, Optional<String>> notCounting = notCounting();
        Map<LocalDate, ProgressMath.DaysLeft> leftByEnd = new HashMap<>(); // a class shares a few window ends
        List<ClassProgressRow> out = new ArrayList<>();
        for (Student s : students) {
            List<LedgerView.Evaluated> evaluated = LedgerView.evaluate(byStudent.getOrDefault(s.id(), List.of()),
                    notCounting);
            // a class may hold students of several enrolment cohorts (复学, 留级): each keeps their own numbers
            CountingSettings cs = settings.of(s);
            CountingWindow window = windows.of(snapshot, s, cs);
            Progress p = progressOf(s, evaluated, window, cs);
            BigDecimal expected = ProgressMath.expected(window, today, cs);
            long waiting = evaluated.stream().filter(e -> e.status() == RecordStatus.WAITING_CONFIRMATION).count();
            LocalDate windowEnd = window.end().orElse(null);
            boolean projectedShort = windowEnd != null && !p.completed() && Projection.of(p.hours(),
                    daysWorked(evaluated), p.remainingHours(), leftByEnd.computeIfAbsent(windowEnd,
                            end -> ProgressMath.daysLeft(snapshot, today, end)), warnings.assumptions()).shortOfHours();
            out.add(new ClassProgressRow(s.id(), s.studentNo(), s.name(), p.hours(), p.days(), p.sharePercent(),
                    expected, !p.completed() && p.hours().compareTo(expected) < 0, p.completed(), waiting,
                    projectedShort));
        }
        out.sort(Comparator.comparing(ClassProgressRow::studentNo));
        return out;
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
     * that work does not count ({@link CountingRules#notCountingReason}), exactly as {@link #progress} does.
     */
    @Transactional(readOnly = true)
    public Map<Long, HoursTotals> totals(Collection<Long> studentIds) {
        Map<Long, CountingWindow> byStudent = windows(studentIds);
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
     * The counted hours of these students worked in [from, until): the actual hours of an annual plan. No scope
     * check (figures, not students' records).
     */
    @Transactional(readOnly = true)
    public BigDecimal countedBetween(Collection<Long> studentIds, LocalDate from, LocalDate until) {
        Map<Long, BigDecimal[]> sums = new HashMap<>();
        sum(store.totals(studentIds, from, until, null), sums, new HashMap<>());
        return scale(sums.values().stream().map(s -> s[1]).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Counted hours of a student on a position on a date (see {@link #countedOnPositions}). */
    public record PositionDay(long studentId, long positionId, LocalDate workDate, BigDecimal hours) {
    }

    /**
     * The counted hours on these positions worked in [from, until), per student, position and date: what pay is
     * computed from (module pay). No scope check: callers limit the positions to the user's.
     */
    @Transactional(readOnly = true)
    public List<PositionDay> countedOnPositions(Collection<Long> positionIds, LocalDate from, LocalDate until) {
        return store.countedOnPositions(positionIds, from, until);
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

    /**
     * The student's entries for a self-arranged registration that count now that its certificate was verified:
     * announced as {@link HoursConfirmed}, as if confirmed now (listeners re-read the totals).
     */
    @Transactional
    public void certificateVerified(long registrationId, long studentId) {
        LedgerView.evaluate(store.ofStudent(studentId), notCounting()).stream()
                .filter(e -> e.status() == RecordStatus.COUNTED && e.row().sourceKind() == SourceKind.SELF_ARRANGED
                        && e.row().sourceId() == registrationId)
                .forEach(e -> events.publishEvent(new HoursConfirmed(e.row().id(), studentId, e.row().hours())));
    }

    /** Entries waiting for this user's confirmation (counselor: their classes; employer: their positions). */
    @Transactional(readOnly = true)
    public List<WorkRecordView> pendingConfirmations(CurrentUser user) {
        List<EntryRow> rows;
        if (user.acts(Role.COUNSELOR)) {
            List<Long> ids = new ArrayList<>();
            roster.forEach(user, new StudentQuery(null, null, null, null, null), r -> ids.add(r.id()));
            rows = store.waitingOfStudents(ids);
        } else if (user.acts(Role.EMPLOYER)) {
            rows = store.waitingReportsOfEmployers(user.activeScopeIds());
        } else {
            return List.of();
        }
        Map<Long, Student> students = new HashMap<>();
        rows.stream().map(EntryRow::studentId).distinct()
                .forEach(id -> roster.find(id).ifPresent(s -> students.put(id, s)));
        return views(LedgerView.evaluate(rows, r -> Optional.empty()), students);
    }

    /**
     * Refuses, as not found, a student whose ledger the user may not read: forms check this before they look at what
     * was typed, so that an id outside the scope answers the same whatever the form holds.
     */
    @Transactional(readOnly = true)
    public void requireReadable(CurrentUser user, long studentId) {
        readable(user, studentId);
    }

    /** Refuses, as not found, an entry the user may not amend (its student outside the scope, another employer's). */
    @Transactional(readOnly = true)
    public void requireEntryInReach(CurrentUser user, long entryId) {
        inReach(user, entryId);
    }

    private EntryRow inReach(CurrentUser user, long entryId) {
        EntryRow row = store.find(entryId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        boolean may = user.acts(Role.COUNSELOR) ? scope.maySeeStudent(user, row.studentId())
                : user.acts(Role.EMPLOYER) && row.positionId() != null && positions.mayManage(user, row.positionId());
        if (!may) {
            throw BusinessException.notFound("error.not-found");
        }
        return row;
    }

    /** What hours can be recorded for, for this student (placements and approved self-arranged registrations). */
    @Transactional(readOnly = true)
    public List<WorkSource> sourcesOf(CurrentUser user, long studentId) {
        return sources.of(studentId, readable(user, studentId));
    }

    /** The student behind a student account (for "my" pages), if the user acts as a student. */
    public Optional<Long> studentIdOf(CurrentUser user) {
        if (!user.acts(Role.STUDENT)) {
            return Optional.empty();
        }
        return roster.ofAccount(user.accountId()).map(Student::id);
    }

    // ================================================================== internals

    /** A record resolved against its source, with the recorder's role. */
    private record Prepared(NewWorkRecord record, Sources.Resolved source, RecorderRole role, CountingWindow window,
            CountingSettings settings, MakeUpWindows.Period makeUp) {
    }

    private record Amend(EntryKind kind, EntryRow original, String reason) {
    }

    private record Checked(Prepared prepared, BigDecimal hours) {
    }

    private record Batch(List<Checked> checked, List<RecordProblem> problems) {
    }

    private Prepared prepare(CurrentUser user, NewWorkRecord r) {
        return prepare(user, r, new Lookups());
    }

    /**
     * What a batch looks up once per student (scope, roster row, settings, make-up period) and once per source, not
     * once per record: a month of a class's hours is one batch of many records of few students.
     */
    private final class Lookups {
        private final Map<Long, Boolean> inScope = new HashMap<>();
        private final Map<Long, Optional<Roster.Enrolment>> enrolments = new HashMap<>();
        private final Map<Integer, CountingSettings> cohortSettings = new HashMap<>();
        private final Map<Long, CountingWindow> studentWindows = new HashMap<>();
        private final Map<String, Optional<Sources.Resolved>> resolved = new HashMap<>();
        private final Map<Long, Optional<MakeUpWindows.Period>> periods = new HashMap<>();
        private Sources.Resolver resolver = sources::resolve;

        /**
         * Reads what the records of a batch will ask for, for all its students at once: a counselor's scope, the
         * enrolments, the placements with their positions and the make-up periods (a few queries per batch, not a
         * few per student).
         */
        void prefetch(CurrentUser user, Collection<Long> studentIds) {
            Set<Long> ids = new TreeSet<>(studentIds);
            if (ids.isEmpty()) {
                return;
            }
            if (user.activeRole() != null && RecorderRole.of(user.activeRole()).orElse(null) == RecorderRole.COUNSELOR) {
                Set<Long> visible = scope.visibleStudents(user, ids);
                ids.forEach(id -> inScope.put(id, visible.contains(id)));
            }
            Map<Long, Roster.Enrolment> found = roster.enrolments(ids);
            ids.forEach(id -> enrolments.put(id, Optional.ofNullable(found.get(id))));
            studentWindows.putAll(windows.of(found));
            Map<Long, MakeUpWindows.Period> open = makeUpWindows().map(m -> m.periodsOf(ids)).orElse(Map.of());
            ids.forEach(id -> periods.put(id, Optional.ofNullable(open.get(id))));
            resolver = sources.resolver(ids);
        }

        void requireStudent(CurrentUser user, long studentId) {
            Boolean known = inScope.get(studentId);
            if (known == null) {
                scope.requireStudent(user, studentId);
                inScope.put(studentId, true);
            } else if (!known) {
                throw BusinessException.notFound("error.not-found");
            }
        }

        Optional<Roster.Enrolment> enrolment(long id) {
            return enrolments.computeIfAbsent(id, k -> Optional.ofNullable(roster.enrolments(List.of(k)).get(k)));
        }

        CountingWindow window(long studentId, Roster.Enrolment e) {
            return studentWindows.computeIfAbsent(studentId, id -> windows.of(Map.of(id, e)).get(id));
        }

        CountingSettings settings(int cohort) {
            return cohortSettings.computeIfAbsent(cohort, settings::requireCohort);
        }

        Optional<Sources.Resolved> resolve(long studentId, SourceKind kind, long sourceId) {
            return resolved.computeIfAbsent(studentId + ":" + kind + ":" + sourceId,
                    k -> resolver.resolve(studentId, kind, sourceId));
        }

        MakeUpWindows.Period period(long studentId) {
            return periods.computeIfAbsent(studentId, id -> makeUpWindows().flatMap(m -> m.periodOf(id)))
                    .orElse(null);
        }
    }

    private Prepared prepare(CurrentUser user, NewWorkRecord r, Lookups lookups) {
        RecorderRole role = recorderRole(user);
        if (r == null || r.sourceKind() == null) {
            throw BusinessException.invalid("hours.source.required");
        }
        long studentId = r.studentId();
        switch (role) {
            case STUDENT -> {
                if (!user.activeScopeIds().contains(studentId)) {
                    throw BusinessException.notFound("error.not-found");
                }
            }
            case COUNSELOR -> lookups.requireStudent(user, studentId);
            case EMPLOYER -> {
                if (r.sourceKind() != SourceKind.PLACEMENT) {
                    throw BusinessException.notFound("error.not-found");
                }
            }
        }
        Optional<Sources.Resolved> source = lookups.resolve(studentId, r.sourceKind(), r.sourceId());
        if (role == RecorderRole.EMPLOYER && (source.isEmpty() || !positions.mayManage(user, source.get().positionId()))) {
            throw BusinessException.notFound("error.not-found");
        }
        Sources.Resolved resolved = source.orElseThrow(() -> BusinessException.invalid("hours.source.unknown"));
        Roster.Enrolment e = lookups.enrolment(studentId)
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (r.content() == null || r.content().isBlank()) {
            throw BusinessException.invalid("hours.content-required");
        }
        TextLimits.require("content", r.content(), CONTENT_MAX);
        return new Prepared(r, resolved, role, lookups.window(studentId, e), lookups.settings(e.cohort()),
                lookups.period(studentId));
    }

    /** Checks the rules against the student's other occupying entries (not those of {@code exceptChain}). */
    private BigDecimal check(Prepared p, List<EntryRow> rows, Long exceptChain, List<Slot> alsoInBatch) {
        return check(p, occupied(rows, exceptChain), alsoInBatch);
    }

    /** The slots of the student's entries that occupy time (not those of {@code exceptChain}). */
    private List<Slot> occupied(List<EntryRow> rows, Long exceptChain) {
        List<Slot> out = new ArrayList<>();
        for (LedgerView.Evaluated e : LedgerView.evaluate(rows, notCounting())) {
            if (e.occupies() && (exceptChain == null || e.row().chain() != exceptChain)) {
                out.addAll(e.row().slots());
            }
        }
        return out;
    }

    private BigDecimal check(Prepared p, List<Slot> occupied, List<Slot> alsoInBatch) {
        List<Slot> others = new ArrayList<>(occupied.size() + alsoInBatch.size());
        others.addAll(occupied);
        others.addAll(alsoInBatch);
        new CountingRules(calendar.snapshot(), p.settings()).check(p.window(), p.record(), p.source().facts(),
                others, LocalDateTime.now(clock), p.makeUp());
        return CountingRules.hoursOf(p.record());
    }

    private Batch checkAll(CurrentUser user, List<NewWorkRecord> records, boolean lock) {
        List<Checked> checked = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        Map<Long, List<Slot>> batchSlots = new HashMap<>();
        // set-based: the students are locked, and everything the records refer to is read, once for the batch (a
        // term of a class is one batch)
        Set<Long> studentIds = new TreeSet<>(records.stream().filter(java.util.Objects::nonNull)
                .map(NewWorkRecord::studentId).toList());
        if (lock) {
            store.lockStudents(studentIds);
        }
        Lookups lookups = new Lookups();
        lookups.prefetch(user, studentIds);
        // each ledger by its own query: one student's rows by the student index is a sub-millisecond plan, where
        // one query over a class's students was planned as a scan while the table grows fast (a term's batches)
        Map<Long, List<Slot>> occupied = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            NewWorkRecord r = records.get(i);
            try {
                Prepared p = prepare(user, r, lookups);
                List<Slot> theirs = occupied.computeIfAbsent(r.studentId(),
                        id -> occupied(store.ofStudent(id), null));
                List<Slot> earlier = batchSlots.computeIfAbsent(r.studentId(), k -> new ArrayList<>());
                BigDecimal hours = check(p, theirs, earlier);
                earlier.addAll(Slot.of(r.workDate(), r.startsAt(), r.endsAt(), hours));
                checked.add(new Checked(p, hours));
            } catch (BusinessException e) {
                problems.add(new RecordProblem(i, e.messageKey(), List.of(e.args())));
            }
        }
        return new Batch(checked, problems);
    }

    private long write(CurrentUser user, Prepared p, BigDecimal hours, Amend amend) {
        long id = store.insert(entry(user, p, hours, amend));
        audit.record(AUDIT, id, amend == null ? "record" : "correct", trail(p, hours, amend));
        announce(p, id, hours);
        return id;
    }

    /** A batch of new records: one insert and one audit batch for all, then each counting one announced. */
    private List<Long> writeAll(CurrentUser user, List<Checked> checked) {
        List<Long> ids = store.insertAll(checked.stream().map(c -> entry(user, c.prepared, c.hours, null)).toList());
        Map<Object, Object> trails = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            trails.put(ids.get(i), trail(checked.get(i).prepared, checked.get(i).hours, null));
        }
        audit.recordAll(AUDIT, "record", trails);
        // one announcement for the batch, naming per student their newest counting entry with the batch's hours:
        // listeners re-read the totals (see HoursConfirmed), so one is enough and a term's batch stays light
        Map<Long, Long> lastId = new LinkedHashMap<>();
        Map<Long, BigDecimal> counted = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Prepared p = checked.get(i).prepared;
            if (countsAtOnce(p)) {
                lastId.put(p.record().studentId(), ids.get(i));
                counted.merge(p.record().studentId(), checked.get(i).hours, BigDecimal::add);
            }
        }
        if (!lastId.isEmpty()) {
            List<HoursConfirmed> confirmed = new ArrayList<>();
            lastId.forEach((student, id) -> confirmed.add(new HoursConfirmed(id, student, counted.get(student))));
            events.publishEvent(new HoursConfirmedBatch(confirmed));
        }
        return ids;
    }

    private static boolean needsConfirmation(Prepared p) {
        return switch (p.role()) {
            case STUDENT -> true;
            case EMPLOYER -> p.settings().counselorConfirmsEmployer();
            case COUNSELOR -> false;
        };
    }

    private static LedgerStore.NewEntry entry(CurrentUser user, Prepared p, BigDecimal hours, Amend amend) {
        NewWorkRecord r = p.record();
        Sources.Resolved s = p.source();
        return new LedgerStore.NewEntry(r.studentId(), s.kind(), s.id(), s.positionId(),
                s.employerId(), s.employerName(), s.place(), r.workDate(), r.startsAt(), r.endsAt(), hours,
                r.content(), amend == null ? EntryKind.RECORD : amend.kind(),
                amend == null ? null : amend.original().id(), amend == null ? null : amend.original().chain(),
                amend == null ? null : amend.reason(), user.username(), user.displayName(), p.role(),
                needsConfirmation(p));
    }

    private static Map<String, Object> trail(Prepared p, BigDecimal hours, Amend amend) {
        NewWorkRecord r = p.record();
        Sources.Resolved s = p.source();
        Map<String, Object> trail = new LinkedHashMap<>();
        trail.put("student", r.studentId());
        trail.put("source", s.kind() + ":" + s.id());
        trail.put("date", r.workDate());
        trail.put("startsAt", r.startsAt());
        trail.put("endsAt", r.endsAt());
        trail.put("hours", hours);
        trail.put("content", r.content());
        trail.put("role", p.role());
        if (amend != null) {
            trail.put("corrects", amend.original().id());
            trail.put("reason", amend.reason());
        }
        return trail;
    }

    /** A record that counts at once (no confirmation, not held back by its source) is announced. */
    private void announce(Prepared p, long id, BigDecimal hours) {
        if (countsAtOnce(p)) {
            events.publishEvent(new HoursConfirmed(id, p.record().studentId(), hours));
        }
    }

    private static boolean countsAtOnce(Prepared p) {
        return !needsConfirmation(p) && CountingRules.notCountingReason(p.source().facts(), p.record().workDate())
                .isEmpty();
    }

    private void decide(CurrentUser user, long entryId, boolean confirmed, String reason) {
        EntryRow row = store.find(entryId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (!mayConfirm(user, row)) {
            throw BusinessException.notFound("error.not-found");
        }
        store.lockStudent(row.studentId());
        LedgerView.Evaluated now = LedgerView.evaluate(store.ofStudent(row.studentId()), notCounting()).stream()
                .filter(e -> e.row().id() == entryId).findFirst().orElseThrow();
        if (now.status() != RecordStatus.WAITING_CONFIRMATION) {
            throw BusinessException.conflict("hours.confirm.not-waiting");
        }
        store.decide(entryId, confirmed, user.username(), user.displayName(), user.activeRole().name(), reason);
        Map<String, Object> trail = new LinkedHashMap<>();
        trail.put("student", row.studentId());
        trail.put("hours", row.hours());
        trail.put("role", user.activeRole());
        if (reason != null) {
            trail.put("reason", reason);
        }
        audit.record(AUDIT, entryId, confirmed ? "confirm" : "reject", trail);
        if (confirmed && sources.factsOf(row).flatMap(f -> CountingRules.notCountingReason(f, row.workDate())).isEmpty()) {
            events.publishEvent(new HoursConfirmed(entryId, row.studentId(), row.hours()));
        }
    }

    /** Counselors confirm anything waiting in their classes; employers the students' reports on their positions. */
    private boolean mayConfirm(CurrentUser user, EntryRow row) {
        if (user.acts(Role.COUNSELOR)) {
            return scope.maySeeStudent(user, row.studentId());
        }
        if (user.acts(Role.EMPLOYER)) {
            return row.recorderRole() == RecorderRole.STUDENT && row.positionId() != null
                    && positions.mayManage(user, row.positionId());
        }
        return false;
    }

    private EntryRow amendable(CurrentUser user, long entryId, String reason) {
        EntryRow row = inReach(user, entryId);
        if (!mayAmend(user, row.recorderRole())) {
            throw new BusinessException(403, "hours.amend.not-yours");
        }
        if (reason == null || reason.isBlank()) {
            throw BusinessException.invalid("hours.reason-required");
        }
        TextLimits.require("reason", reason, REASON_MAX);
        if (row.kind() == EntryKind.VOID) {
            throw BusinessException.conflict("hours.amend.not-latest");
        }
        return row;
    }

    /**
     * Only the side that wrote an entry, and the counselor who keeps the register, may correct or void it: an
     * employer amends its own side's records, never a counselor's or a student's (it rejects a student's report).
     */
    public static boolean mayAmend(CurrentUser user, RecorderRole recordedBy) {
        return user.acts(Role.COUNSELOR) || user.acts(Role.EMPLOYER) && recordedBy == RecorderRole.EMPLOYER;
    }

    private static void requireLatest(List<EntryRow> rows, EntryRow entry) {
        if (rows.stream().anyMatch(r -> r.correctsId() != null && r.correctsId() == entry.id())) {
            throw BusinessException.conflict("hours.amend.not-latest");
        }
    }

    /** Null for everyone who sees the whole ledger of a student in scope; an employer sees their positions' part. */
    private Set<Long> readable(CurrentUser user, long studentId) {
        if (user.acts(Role.EMPLOYER)) {
            Set<Long> employers = user.activeScopeIds();
            boolean placedWithThem = sources.of(studentId, employers).stream()
                    .anyMatch(s -> s.kind() == SourceKind.PLACEMENT);
            if (!placedWithThem) {
                throw BusinessException.notFound("error.not-found");
            }
            return employers;
        }
        scope.requireStudent(user, studentId);
        return null;
    }

    private static RecorderRole recorderRole(CurrentUser user) {
        if (user.activeRole() == null) {
            throw BusinessException.forbidden();
        }
        return RecorderRole.of(user.activeRole()).orElseThrow(BusinessException::forbidden);
    }

    private Function<EntryRow, Optional<String>> notCounting() {
        Map<Long, Optional<SourceFacts>> cache = new HashMap<>();
        return row -> row.sourceKind() != SourceKind.SELF_ARRANGED ? Optional.empty()
                : cache.computeIfAbsent(row.sourceId(), id -> sources.factsOf(row))
                        .map(f -> CountingRules.notCountingReason(f, row.workDate()))
                        .orElse(Optional.of("hours.not-counted.self-arranged"));
    }

    /** The distinct dates with counted hours: the days the student has actually worked (for the projection's pace). */
    private static int daysWorked(List<LedgerView.Evaluated> evaluated) {
        return (int) evaluated.stream().filter(e -> e.status() == RecordStatus.COUNTED)
                .flatMap(e -> e.row().slots().stream()).map(Slot::date).distinct().count();
    }

    private Progress progressOf(Student s, List<LedgerView.Evaluated> evaluated, CountingWindow window,
            CountingSettings settings) {
        List<Slot> counted = evaluated.stream().filter(e -> e.status() == RecordStatus.COUNTED)
                .flatMap(e -> e.row().slots().stream()).toList();
        BigDecimal waiting = evaluated.stream().filter(e -> e.status() == RecordStatus.WAITING_CONFIRMATION)
                .map(e -> e.row().hours()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return ProgressMath.progress(s.id(), counted, waiting, window, LocalDate.now(clock), settings);
    }

    private List<WorkRecordView> views(List<LedgerView.Evaluated> evaluated, Map<Long, Student> students) {
        CalendarSnapshot snapshot = calendar.snapshot();
        Map<Long, WorkRecordView.CalendarFlag> flags = store.calendarFlags(
                evaluated.stream().map(e -> e.row().id()).toList());
        return evaluated.stream().map(e -> {
            EntryRow r = e.row();
            Student s = students.get(r.studentId());
            boolean confirmed = Boolean.TRUE.equals(r.confirmed());
            return new WorkRecordView(r.id(), r.studentId(), s == null ? null : s.studentNo(),
                    s == null ? null : s.name(), r.sourceKind(), r.sourceId(), r.workDate(), r.startsAt(), r.endsAt(),
                    r.hours(), r.place(), r.employerName(), r.content(), r.kind(), r.correctsId(), e.supersededBy(),
                    r.reason(), r.recordedByName(), r.recorderRole(), r.recordedAt(),
                    confirmed ? r.decidedByName() : null, confirmed ? r.decidedByRole() : null,
                    confirmed ? r.decidedAt() : null, Boolean.FALSE.equals(r.confirmed()) ? r.decisionReason() : null,
                    e.status(), e.statusKey(), snapshot.provisional(r.workDate()), flags.get(r.id()));
        }).toList();
    }
}
