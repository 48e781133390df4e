package org.workstudy.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.Roster;
import org.workstudy.shared.BusinessException;

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
 *
 * <p>A facade: writes are {@code LedgerWrites}, reads {@code LedgerReads}, set-based totals {@code LedgerTotals}, the
 * SQL {@code LedgerStore}; all package-private. What only hours' own pages read (progress, outlook, sources, scope
 * checks) is {@code hours.internal.LedgerPages}.
 */
@Service
public class HoursLedger {

    private final LedgerWrites writes;
    private final LedgerReads reads;
    private final LedgerTotals totals;
    private final Roster roster;
    private final CohortSettings settings;
    private final CountingWindows windows;

    HoursLedger(LedgerWrites writes, LedgerReads reads, LedgerTotals totals, Roster roster, CohortSettings settings,
            CountingWindows windows) {
        this.writes = writes;
        this.reads = reads;
        this.totals = totals;
        this.roster = roster;
        this.settings = settings;
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

    /**
     * The counting window of a student enrolled in the usual term of the cohort (its autumn term) with no change of
     * status: the cohort's window in the graduation audit's header.
     */
    public CountingWindow cohortWindow(int cohort) {
        return windows.ofCohort(cohort);
    }

    // ================================================================== writes

    /**
     * Records hours: an employer for students placed on their positions, a counselor for their classes' students,
     * a student for themselves (a report, counted once confirmed). Refused (HTTP 422, a message key naming the rule)
     * when a counting rule is broken. Returns the new entry id.
     */
    public long record(CurrentUser user, NewWorkRecord record) {
        return writes.record(user, record);
    }

    /** Checks a batch as {@link #recordAll} would, without writing: the refused records, empty when all pass. */
    public List<RecordProblem> check(CurrentUser user, List<NewWorkRecord> records) {
        return writes.check(user, records);
    }

    /**
     * Records a batch in one transaction, all or nothing: records are checked against the ledger and against each
     * other (overlaps, caps), and one refused record refuses the batch (a 422 {@code BusinessException} listing every refused record). Entry ids in
     * order.
     */
    public List<Long> recordAll(CurrentUser user, List<NewWorkRecord> records) {
        return writes.recordAll(user, records);
    }

    /** Confirms an entry waiting for the user's confirmation. */
    public void confirm(CurrentUser user, long entryId) {
        writes.confirm(user, entryId);
    }

    /** Rejects an entry waiting for the user's confirmation; a reason is required. */
    public void reject(CurrentUser user, long entryId, String reason) {
        writes.reject(user, entryId, reason);
    }

    /**
     * Corrects the latest entry of a chain (counselor, or the employer of its position): the replacement is a new
     * entry with its own hours, times and content; the original stays visible, marked corrected. Returns its id.
     */
    public long correct(CurrentUser user, long entryId, NewWorkRecord replacement, String reason) {
        return writes.correct(user, entryId, replacement, reason);
    }

    /** Voids the latest entry of a chain (counselor, or the employer of its position): its hours no longer count. */
    public long voidEntry(CurrentUser user, long entryId, String reason) {
        return writes.voidEntry(user, entryId, reason);
    }

    // ================================================================== reads

    /** The student's register: every entry, newest work date first, with its status. */
    public List<WorkRecordView> ofStudent(CurrentUser user, long studentId) {
        return reads.ofStudent(user, studentId);
    }

    /**
     * Every student of the class with hours, days, share and whether they are behind: counted hours below the
     * pro-rata expectation, {@code required × semesters passed / window}, the current semester counted by the share
     * of its days passed (see {@link ProgressMath}). Sorted by student number.
     */
    public List<ClassProgressRow> classProgress(CurrentUser user, long classId) {
        return reads.classProgress(user, classId);
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
     * that work does not count ({@link CountingRules#notCountingReason}), exactly as the progress of hours' pages ({@code LedgerPages.progress}) does.
     */
    public Map<Long, HoursTotals> totals(Collection<Long> studentIds) {
        return totals.totals(studentIds);
    }

    /**
     * The counted hours of these students worked from {@code from} up to (not including) {@code until}: the actual hours of an annual plan. No scope
     * check (figures, not students' records).
     */
    public BigDecimal countedBetween(Collection<Long> studentIds, LocalDate from, LocalDate until) {
        return totals.countedBetween(studentIds, from, until);
    }

    /** Counted hours of a student on a position on a date (see {@link #countedOnPositions}). */
    public record PositionDay(long studentId, long positionId, LocalDate workDate, BigDecimal hours) {
    }

    /**
     * The counted hours on these positions worked from {@code from} up to (not including) {@code until}, per student, position and date: what pay is
     * computed from (module pay). No scope check: callers limit the positions to the user's.
     */
    public List<PositionDay> countedOnPositions(Collection<Long> positionIds, LocalDate from, LocalDate until) {
        return totals.countedOnPositions(positionIds, from, until);
    }

    /** An entry that needed a confirmation: when it was recorded and when it was decided (null: still waiting). */
    public record ConfirmationTime(long studentId, long entryId, java.time.Instant recordedAt,
            java.time.Instant decidedAt) {
    }

    /**
     * The entries of these students that needed a confirmation (the counselor's or the employer's), recorded from
     * {@code from} up to (not including) {@code until}, with when they were decided: how promptly confirmations are
     * handled (module awards). No scope check: callers limit the students to the user's.
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public List<ConfirmationTime> confirmationTimes(Collection<Long> studentIds, java.time.Instant from,
            java.time.Instant until) {
        return totals.confirmationTimes(studentIds, from, until);
    }

    /**
     * The student's entries for a self-arranged registration that count now that its certificate was verified:
     * announced as {@link HoursConfirmed}, as if confirmed now (listeners re-read the totals).
     */
    public void certificateVerified(long registrationId, long studentId) {
        writes.certificateVerified(registrationId, studentId);
    }

    /** Entries waiting for this user's confirmation (counselor: their classes; employer: their positions). */
    public List<WorkRecordView> pendingConfirmations(CurrentUser user) {
        return reads.pendingConfirmations(user);
    }
}
