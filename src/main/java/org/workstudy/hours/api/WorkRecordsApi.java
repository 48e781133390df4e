package org.workstudy.hours.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.NewWorkRecord;
import org.workstudy.hours.WorkRecordView;
import org.workstudy.hours.internal.LedgerPages;
import org.workstudy.hours.internal.Progress;
import org.workstudy.identity.CurrentUser;

/** The work-record ledger, with the same role and scope checks as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "hours")
class WorkRecordsApi {

    private final HoursLedger ledger;
    private final LedgerPages pages;

    WorkRecordsApi(HoursLedger ledger, LedgerPages pages) {
        this.ledger = ledger;
        this.pages = pages;
    }

    record Created(long id) {
    }

    record Reason(String reason) {
    }

    record Correction(NewWorkRecord replacement, String reason) {
    }

    @Operation(summary = "Record hours (employer: students on their positions; counselor: their classes; student: own"
            + " report). 422 with the broken rule's message when the record would not count")
    @PostMapping("/work-records")
    ResponseEntity<Created> record(@RequestBody NewWorkRecord record) {
        return ResponseEntity.status(201).body(new Created(ledger.record(CurrentUser.require(), record)));
    }

    @Operation(summary = "A student's register: every entry with its status (COUNTED, WAITING_CONFIRMATION,"
            + " NOT_COUNTED, CORRECTED, VOIDED)")
    @GetMapping("/work-records")
    List<WorkRecordView> ofStudent(@RequestParam long studentId) {
        return ledger.ofStudent(CurrentUser.require(), studentId);
    }

    @Operation(summary = "Entries waiting for the caller's confirmation")
    @GetMapping("/work-records/pending")
    List<WorkRecordView> pending() {
        return ledger.pendingConfirmations(CurrentUser.require());
    }

    @Operation(summary = "Confirm an entry waiting for the caller's confirmation")
    @PostMapping("/work-records/{id}/confirm")
    ResponseEntity<Void> confirm(@PathVariable long id) {
        ledger.confirm(CurrentUser.require(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Reject an entry waiting for the caller's confirmation (a reason is required)")
    @PostMapping("/work-records/{id}/reject")
    ResponseEntity<Void> reject(@PathVariable long id, @RequestBody Reason reason) {
        ledger.reject(CurrentUser.require(), id, reason.reason());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Correct the latest entry of a record: a new entry that replaces its hours, times and"
            + " content; the original stays visible (a reason is required)")
    @PostMapping("/work-records/{id}/correct")
    ResponseEntity<Created> correct(@PathVariable long id, @RequestBody Correction correction) {
        if (correction.replacement() == null) {
            throw org.workstudy.shared.BusinessException.invalid("hours.form.invalid").field("replacement");
        }
        return ResponseEntity.status(201).body(new Created(ledger.correct(CurrentUser.require(), id,
                correction.replacement(), correction.reason())));
    }

    @Operation(summary = "Void the latest entry of a record: its hours no longer count (a reason is required)")
    @PostMapping("/work-records/{id}/void")
    ResponseEntity<Created> voidEntry(@PathVariable long id, @RequestBody Reason reason) {
        return ResponseEntity.status(201).body(new Created(ledger.voidEntry(CurrentUser.require(), id,
                reason.reason())));
    }

    @Operation(summary = "A student's progress: hours, days, share of the required hours, by month, semesters left")
    @GetMapping("/students/{id}/progress")
    Progress progress(@PathVariable long id) {
        return pages.progress(CurrentUser.require(), id);
    }
}
