package org.workstudy.hours;

/** A ledger entry: an original record, a correction of an earlier entry, or a void of one. */
public enum EntryKind {
    RECORD, CORRECTION, VOID
}
