package org.workstudy.hours;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The effective view of a student's ledger, as a pure function of its rows. Each chain (a record and the
 * corrections and void that follow it) counts at most once, by its latest entry: an entry followed by a correction
 * is CORRECTED, one followed by a void is VOIDED (the void entry too). The latest entry, when not a void, counts if it
 * needed no confirmation or was confirmed, and the work it is for counts on its date (self-arranged work: see
 * {@link CountingRules#notCountingReason}); it waits while a needed confirmation is missing; a rejection leaves it
 * NOT_COUNTED.
 */
final class LedgerView {

    private LedgerView() {
    }

    record Evaluated(EntryRow row, RecordStatus status, String statusKey, Long supersededBy) {

        /** Counts now or will once confirmed: what overlaps and caps of new records are checked against. */
        boolean occupies() {
            return status == RecordStatus.COUNTED || status == RecordStatus.WAITING_CONFIRMATION
                    || (status == RecordStatus.NOT_COUNTED && "hours.not-counted.certificate".equals(statusKey));
        }
    }

    static List<Evaluated> evaluate(List<EntryRow> rows, Function<EntryRow, Optional<String>> notCounting) {
        Map<Long, EntryRow> successor = new HashMap<>();
        for (EntryRow r : rows) {
            if (r.correctsId() != null) {
                successor.put(r.correctsId(), r);
            }
        }
        List<Evaluated> out = new ArrayList<>(rows.size());
        for (EntryRow r : rows) {
            EntryRow next = successor.get(r.id());
            Long nextId = next == null ? null : next.id();
            if (r.kind() == EntryKind.VOID) {
                out.add(new Evaluated(r, RecordStatus.VOIDED, "hours.status.void-entry", nextId));
            } else if (next != null) {
                out.add(next.kind() == EntryKind.VOID
                        ? new Evaluated(r, RecordStatus.VOIDED, "hours.status.voided", nextId)
                        : new Evaluated(r, RecordStatus.CORRECTED, "hours.status.corrected", nextId));
            } else if (Boolean.FALSE.equals(r.confirmed())) {
                out.add(new Evaluated(r, RecordStatus.NOT_COUNTED, "hours.not-counted.rejected", null));
            } else if (r.needsConfirmation() && r.confirmed() == null) {
                out.add(new Evaluated(r, RecordStatus.WAITING_CONFIRMATION, "hours.status.waiting."
                        + (r.recorderRole() == RecorderRole.STUDENT ? "report" : "employer"), null));
            } else {
                Optional<String> why = notCounting.apply(r);
                out.add(why.map(key -> new Evaluated(r, RecordStatus.NOT_COUNTED, key, null))
                        .orElseGet(() -> new Evaluated(r, RecordStatus.COUNTED, "hours.status.counted", null)));
            }
        }
        return out;
    }
}
