package org.workstudy.hours;

import java.util.List;

import org.springframework.stereotype.Service;
import org.workstudy.identity.CurrentUser;

/**
 * The work-record ledger (工时台账). Entries are only ever inserted: a correction or a void is a new entry that
 * references the one it replaces, with who and why; every write is in the audit trail. Every method checks the
 * user's role and data scope; ids outside it answer "not found".
 */
@Service
public class HoursLedger {

    /**
     * Records hours: an employer for students placed on their positions, a counselor for their classes' students,
     * a student for themselves (a report, counted once confirmed). Refused (HTTP 422, a message key naming the rule)
     * when a counting rule is broken. Returns the new entry id.
     */
    public long record(CurrentUser user, NewWorkRecord record) {
        throw new UnsupportedOperationException("coming");
    }

    /** Checks a batch as {@link #recordAll} would, without writing: the refused records, empty when all pass. */
    public List<RecordProblem> check(CurrentUser user, List<NewWorkRecord> records) {
        throw new UnsupportedOperationException("coming");
    }

    /**
     * Records a batch in one transaction, all or nothing: records are checked against the ledger and against each
     * other (overlaps, caps), and one refused record refuses the batch with {@link HoursBatchRefused}. Entry ids in
     * order.
     */
    public List<Long> recordAll(CurrentUser user, List<NewWorkRecord> records) {
        throw new UnsupportedOperationException("coming");
    }

    /** Confirms an entry waiting for the user's confirmation. */
    public void confirm(CurrentUser user, long entryId) {
        throw new UnsupportedOperationException("coming");
    }

    /** Rejects an entry waiting for the user's confirmation; a reason is required. */
    public void reject(CurrentUser user, long entryId, String reason) {
        throw new UnsupportedOperationException("coming");
    }

    /**
     * Corrects the latest entry of a chain (counselor, or the employer of its position): the replacement is a new
     * entry with its own hours, times and content; the original stays visible, marked corrected. Returns its id.
     */
    public long correct(CurrentUser user, long entryId, NewWorkRecord replacement, String reason) {
        throw new UnsupportedOperationException("coming");
    }

    /** Voids the latest entry of a chain (counselor, or the employer of its position): its hours no longer count. */
    public long voidEntry(CurrentUser user, long entryId, String reason) {
        throw new UnsupportedOperationException("coming");
    }

    /** The student's register: every entry, newest work date first, with its status. */
    public List<WorkRecordView> ofStudent(CurrentUser user, long studentId) {
        throw new UnsupportedOperationException("coming");
    }

    /** The student's progress toward the required hours. */
    public Progress progress(CurrentUser user, long studentId) {
        throw new UnsupportedOperationException("coming");
    }

    /** Every student of the class with hours, days, share and whether they are behind. */
    public List<ClassProgressRow> classProgress(CurrentUser user, long classId) {
        throw new UnsupportedOperationException("coming");
    }

    /** Entries waiting for this user's confirmation (counselor: their classes; employer: their positions). */
    public List<WorkRecordView> pendingConfirmations(CurrentUser user) {
        throw new UnsupportedOperationException("coming");
    }

    /** What hours can be recorded for, for this student (placements and approved self-arranged registrations). */
    public List<WorkSource> sourcesOf(CurrentUser user, long studentId) {
        throw new UnsupportedOperationException("coming");
    }
}
