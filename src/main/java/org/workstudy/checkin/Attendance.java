package org.workstudy.checkin;

import java.time.Instant;
import java.util.List;

/**
 * A student's check-in and check-out on a shift and what became of it: the work record ({@code entryId}, waiting for
 * the employer's confirmation in the ledger) or why the ledger refused it ({@code refusalKey} with its arguments).
 * {@code signals} are message keys of what the employer and counselor should look at (never decided here);
 * {@code makeUp} the request to make up a missed check-out, if any; {@code makeUpUntil} until when one may be asked for
 * now (only once the shift has ended, within the days set), null when it may not.
 */
public record Attendance(long id, long shiftId, long positionId, String positionTitle, String employerName,
        long studentId, String studentNo, String studentName, Instant inAt, boolean inByCode, Integer inDistanceM,
        Instant outAt, Boolean outByCode, Integer outDistanceM, Long entryId, String refusalKey,
        List<String> refusalArgs, List<String> signals, MakeUp makeUp, Instant makeUpUntil) {

    public Object[] refusalArgsArray() {
        return refusalArgs.toArray();
    }

    public boolean open() {
        return outAt == null;
    }

    /** A request to make up the missed check-out: PENDING, APPROVED or REJECTED. */
    public record MakeUp(long id, Instant endsAt, String reason, Instant requestedAt, String status, String decidedBy,
            String note, Long entryId) {
    }
}
