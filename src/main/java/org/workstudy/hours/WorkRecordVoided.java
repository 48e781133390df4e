package org.workstudy.hours;

/** An entry was voided: its hours no longer count. */
public record WorkRecordVoided(long voidEntryId, long voidedEntryId, long studentId) {
}
