package org.workstudy.hours;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Roster;
import org.workstudy.positions.PositionBank;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TextLimits;
import org.workstudy.hours.internal.HoursBatchRefused;

/**
 * The ledger's writes behind {@link HoursLedger}: records (one or a batch), confirmations and rejections,
 * corrections and voids, each checked against the counting rules and the user's reach, written with its audit
 * entry and announced ({@link HoursConfirmed}, {@link HoursConfirmedBatch}) in the caller's transaction.
 */
@Service
class LedgerWrites {

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

    LedgerWrites(LedgerStore store, Sources sources, AcademicCalendar calendar, Roster roster, DataScope scope,
            PositionBank positions, AuditTrail audit, ApplicationEventPublisher events, CohortSettings settings,
            Clock clock, ObjectProvider<MakeUpWindows> makeUp, CountingWindows windows) {
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

    /**
     * Records hours: an employer for students placed on their positions, a counselor for their classes' students,
     * a student for themselves (a report, counted once confirmed). Refused (HTTP 422, a message key naming the rule)
     * when a counting rule is broken. Returns the new entry id.
     */
    @Transactional
    long record(CurrentUser user, NewWorkRecord record) {
        Prepared p = prepare(user, record);
        store.lockStudent(record.studentId());
        return write(user, p, check(p, store.ofStudent(record.studentId()), null, List.of()), null);
    }

    /** Checks a batch as {@link #recordAll} would, without writing: the refused records, empty when all pass. */
    @Transactional(readOnly = true)
    List<RecordProblem> check(CurrentUser user, List<NewWorkRecord> records) {
        return checkAll(user, records, false).problems;
    }

    /**
     * Records a batch in one transaction, all or nothing: records are checked against the ledger and against each
     * other (overlaps, caps), and one refused record refuses the batch with {@link HoursBatchRefused}. Entry ids in
     * order.
     */
    @Transactional
    List<Long> recordAll(CurrentUser user, List<NewWorkRecord> records) {
        Batch batch = checkAll(user, records, true);
        if (!batch.problems.isEmpty()) {
            throw new HoursBatchRefused(batch.problems);
        }
        return writeAll(user, batch.checked);
    }

    /** Confirms an entry waiting for the user's confirmation. */
    @Transactional
    void confirm(CurrentUser user, long entryId) {
        decide(user, entryId, true, null);
    }

    /** Rejects an entry waiting for the user's confirmation; a reason is required. */
    @Transactional
    void reject(CurrentUser user, long entryId, String reason) {
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
    long correct(CurrentUser user, long entryId, NewWorkRecord replacement, String reason) {
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
    long voidEntry(CurrentUser user, long entryId, String reason) {
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

    /**
     * The student's entries for a self-arranged registration that count now that its certificate was verified:
     * announced as {@link HoursConfirmed}, as if confirmed now (listeners re-read the totals).
     */
    @Transactional
    void certificateVerified(long registrationId, long studentId) {
        LedgerView.evaluate(store.ofStudent(studentId), sources.notCounting()).stream()
                .filter(e -> e.status() == RecordStatus.COUNTED && e.row().sourceKind() == SourceKind.SELF_ARRANGED
                        && e.row().sourceId() == registrationId)
                .forEach(e -> events.publishEvent(new HoursConfirmed(e.row().id(), studentId, e.row().hours())));
    }

    /** Refuses, as not found, an entry the user may not amend (its student outside the scope, another employer's). */
    @Transactional(readOnly = true)
    void requireEntryInReach(CurrentUser user, long entryId) {
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
        for (LedgerView.Evaluated e : LedgerView.evaluate(rows, sources.notCounting())) {
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
        LedgerView.Evaluated now = LedgerView.evaluate(store.ofStudent(row.studentId()), sources.notCounting()).stream()
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
    static boolean mayAmend(CurrentUser user, RecorderRole recordedBy) {
        return user.acts(Role.COUNSELOR) || user.acts(Role.EMPLOYER) && recordedBy == RecorderRole.EMPLOYER;
    }

    private static void requireLatest(List<EntryRow> rows, EntryRow entry) {
        if (rows.stream().anyMatch(r -> r.correctsId() != null && r.correctsId() == entry.id())) {
            throw BusinessException.conflict("hours.amend.not-latest");
        }
    }

    private static RecorderRole recorderRole(CurrentUser user) {
        if (user.activeRole() == null) {
            throw BusinessException.forbidden();
        }
        return RecorderRole.of(user.activeRole()).orElseThrow(BusinessException::forbidden);
    }

    private Optional<MakeUpWindows> makeUpWindows() {
        return Optional.ofNullable(makeUp.getIfAvailable());
    }
}
