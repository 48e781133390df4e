package org.workstudy.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One ledger entry as the register shows it: what was worked, where and for whom, who recorded and who confirmed,
 * and its status in the effective view. {@code statusKey} is a message key explaining the status (for NOT_COUNTED:
 * why); {@code correctsId} is the entry this one corrects or voids; {@code supersededById} the entry that corrected
 * or voided this one. {@code provisionalDate}: the date lies in a provisional calendar year (its kind may change when
 * the year is published). {@code calendarFlag}: set when the record passed the rules under the provisional calendar
 * and no longer does under the published one (the counselor decides; nothing was changed).
 */
public record WorkRecordView(long id, long studentId, String studentNo, String studentName, SourceKind sourceKind,
        long sourceId, LocalDate workDate, LocalTime startsAt, LocalTime endsAt, BigDecimal hours, String place,
        String employerName, String content, EntryKind kind, Long correctsId, Long supersededById, String reason,
        String recordedBy, RecorderRole recordedByRole, Instant recordedAt, String confirmedBy,
        String confirmedByRole, Instant confirmedAt, String rejectionReason, RecordStatus status, String statusKey,
        boolean provisionalDate, CalendarFlag calendarFlag) {

    /** Why a record no longer passes the rules since its calendar year was published: a message key and its arguments. */
    public record CalendarFlag(int year, String reasonKey, java.util.List<String> reasonArgs) {

        public Object[] args() {
            return reasonArgs.toArray();
        }
    }


    public boolean counted() {
        return status == RecordStatus.COUNTED;
    }
}
