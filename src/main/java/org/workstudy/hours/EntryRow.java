package org.workstudy.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A ledger row with its decision (confirmation or rejection), if any, as read from the database. */
record EntryRow(long id, long studentId, SourceKind sourceKind, long sourceId, Long positionId, Long employerId,
        String employerName, String place, LocalDate workDate, LocalTime startsAt, LocalTime endsAt, BigDecimal hours,
        String content, EntryKind kind, Long correctsId, Long chainId, String reason, String recordedBy,
        String recordedByName, RecorderRole recorderRole, Instant recordedAt, boolean needsConfirmation,
        Boolean confirmed, String decidedByName, String decidedByRole, Instant decidedAt, String decisionReason) {

    long chain() {
        return chainId == null ? id : chainId;
    }

    /** The slots of this record, one per date it was worked on (two for work across midnight). */
    java.util.List<Slot> slots() {
        return Slot.of(workDate, startsAt, endsAt, hours);
    }
}
