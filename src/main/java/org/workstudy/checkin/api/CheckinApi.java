package org.workstudy.checkin.api;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.checkin.Attendance;
import org.workstudy.checkin.Checkins;
import org.workstudy.checkin.ScanForm;
import org.workstudy.checkin.internal.CheckinPages;
import org.workstudy.checkin.internal.Shift;
import org.workstudy.identity.CurrentUser;
import org.workstudy.shared.BusinessException;

/** Check-in at the workplace, with the same role and scope checks as the pages. */
@RestController
@RequestMapping("/api/v1/checkin")
@Tag(name = "checkin")
class CheckinApi {

    private final Checkins checkins;
    private final CheckinPages pages;

    CheckinApi(Checkins checkins, CheckinPages pages) {
        this.checkins = checkins;
        this.pages = pages;
    }

    record Created(long id) {
    }

    record NewShift(Long positionId, BigDecimal latitude, BigDecimal longitude, Integer radiusM) {
    }

    record MakeUpRequest(String endedAt, String reason) {
    }

    record MakeUpDecision(Boolean approve, String note) {
    }

    @Operation(summary = "Open a shift of a position the caller manages (employer, center); the workplace is optional")
    @PostMapping("/shifts")
    ResponseEntity<Created> open(@RequestBody NewShift body) {
        if (body.positionId() == null) {
            throw BusinessException.invalid("checkin.position-required").field("positionId");
        }
        return ResponseEntity.status(201).body(new Created(checkins.openShift(CurrentUser.require(),
                body.positionId(), new Checkins.ShiftPlace(body.latitude(), body.longitude(), body.radiusM()))));
    }

    @Operation(summary = "The caller's shifts of the last 30 days")
    @GetMapping("/shifts")
    List<Shift> shifts() {
        return pages.shifts(CurrentUser.require());
    }

    @Operation(summary = "The code to show now on an open shift (token for the QR code, printable fallback code) and"
            + " when to fetch the next one")
    @GetMapping("/shifts/{shiftId}/code")
    Checkins.ShiftCode code(@PathVariable long shiftId) {
        return checkins.code(CurrentUser.require(), shiftId);
    }

    @Operation(summary = "End a shift: its codes stop working")
    @PostMapping("/shifts/{shiftId}/close")
    ResponseEntity<Void> close(@PathVariable long shiftId) {
        checkins.closeShift(CurrentUser.require(), shiftId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Who checked in and out on a shift, with the work records and signals")
    @GetMapping("/shifts/{shiftId}/attendances")
    List<Attendance> attendances(@PathVariable long shiftId) {
        return pages.attendances(CurrentUser.require(), shiftId);
    }

    @Operation(summary = "A student scans (or types) a shift's code: the first scan checks in, the next (with a newer"
            + " code) checks out and writes the work record, or says why it cannot count. 422 naming the field")
    @PostMapping("/scan")
    Checkins.ScanOutcome scan(@RequestBody ScanForm form) {
        return checkins.scan(CurrentUser.require(), form);
    }

    @Operation(summary = "The student's own check-ins")
    @GetMapping("/attendances")
    List<Attendance> mine() {
        return pages.mine(CurrentUser.require());
    }

    @Operation(summary = "Ask to make up a missed check-out (endedAt as HH:mm, and why): only after the shift ended,"
            + " within workstudy.checkin.make-up-days of its end (409 while the shift is open)")
    @PostMapping("/attendances/{attendanceId}/make-up")
    ResponseEntity<Created> makeUp(@PathVariable long attendanceId, @RequestBody MakeUpRequest body) {
        LocalTime ended;
        try {
            ended = body.endedAt() == null ? null : LocalTime.parse(body.endedAt());
        } catch (java.time.format.DateTimeParseException e) {
            ended = null; // refused naming endedAt once the caller and the attendance were checked
        }
        return ResponseEntity.status(201).body(new Created(checkins.requestMakeUp(CurrentUser.require(),
                attendanceId, ended, body.reason())));
    }

    @Operation(summary = "The employer's make-up requests waiting for a decision")
    @GetMapping("/make-ups")
    List<Attendance> pendingMakeUps() {
        return pages.pendingMakeUps(CurrentUser.require());
    }

    @Operation(summary = "Approve (the work record is written; refused with the counting rule's reason) or reject (a"
            + " note is required) a make-up")
    @PostMapping("/make-ups/{makeUpId}/decision")
    ResponseEntity<Void> decide(@PathVariable long makeUpId, @RequestBody MakeUpDecision body) {
        if (body.approve() == null) {
            throw BusinessException.invalid("checkin.make-up.decision-required").field("approve");
        }
        checkins.decideMakeUp(CurrentUser.require(), makeUpId, body.approve(), body.note());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Check-ins of the last 30 days with a signal (same device for two students, far from the"
            + " workplace, the printed code used): employers for their shifts, staff for their students")
    @GetMapping("/signals")
    List<Attendance> signals() {
        return pages.signals(CurrentUser.require());
    }
}
