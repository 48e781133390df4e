package org.workstudy.hours;

/** Where an entry stands in the effective view of the ledger. */
public enum RecordStatus {
    /** Counts toward the required hours. */
    COUNTED,
    /** Written by a student (or an employer) and waiting for the confirmation it needs. */
    WAITING_CONFIRMATION,
    /** Visible but not counted; {@code WorkRecordView.statusKey} says why (rejected, certificate missing...). */
    NOT_COUNTED,
    /** Replaced by a later correction; the correction carries the hours now. */
    CORRECTED,
    /** Voided: removed from the totals (the entry, and the void entry itself). */
    VOIDED
}
