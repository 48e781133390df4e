package org.workstudy.hours.internal;

import java.time.LocalDate;

import org.workstudy.hours.EntryKind;
import org.workstudy.hours.RecordStatus;
import org.workstudy.hours.WorkRecordView;

/**
 * One line of the register (登记本). An original record carries the running number {@code no} (序号) of the paper
 * register; the corrections and the void that follow it have {@code no} 0 and {@code followUp} true, and come right
 * below it. {@code struck} marks an entry replaced by a later one (shown struck through). The confirmer is the
 * person who confirmed the entry, or, for a counselor's own entry (which counts at once), the counselor on the day
 * of recording ({@code confirmedOnRecord}).
 */
public record RegisterLine(int no, boolean followUp, boolean struck, WorkRecordView record, String sourceTitle,
        LocalDate recordedOn, String confirmerName, String confirmerRoleKey, LocalDate confirmedOn,
        boolean confirmedOnRecord) {

    /** The message key of the recorder's role ({@code hours.role.*}). */
    public String recorderRoleKey() {
        return record.recordedByRole() == null ? "register.role.unknown" : "hours.role." + record.recordedByRole();
    }

    public boolean voidEntry() {
        return record.kind() == EntryKind.VOID;
    }

    public boolean correction() {
        return record.kind() == EntryKind.CORRECTION;
    }

    /** Counts toward the totals. */
    public boolean counted() {
        return record.status() == RecordStatus.COUNTED;
    }
}
