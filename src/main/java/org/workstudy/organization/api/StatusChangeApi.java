package org.workstudy.organization.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.NewStatusChange;
import org.workstudy.organization.StatusChange;
import org.workstudy.organization.StatusChangeKind;
import org.workstudy.organization.StatusHistory;
import org.workstudy.shared.BusinessException;

/** A student's 学籍异动: read by staff in scope, recorded by administrators (the same rules as the page). */
@RestController
@RequestMapping("/api/v1/students/{id}/status-changes")
@Tag(name = "organization")
class StatusChangeApi {

    private final StatusHistory history;

    StatusChangeApi(StatusHistory history) {
        this.history = history;
    }

    /** A change to record: {@code untilOn} for SUSPEND, {@code toClassId} for RESUME, TRANSFER_*, REPEAT. */
    record StatusChangeRequest(StatusChangeKind kind, LocalDate effectiveOn, LocalDate untilOn, Long toClassId,
            String reason) {
    }

    @Operation(summary = "The student's status changes, oldest first; 404 outside the caller's scope")
    @GetMapping
    List<StatusChange> list(@PathVariable long id) {
        CurrentUser user = CurrentUser.require();
        if (!org.workstudy.identity.Role.staffRoles().contains(user.activeRole())) {
            throw BusinessException.forbidden();
        }
        return history.historyOf(user, id);
    }

    @Operation(summary = "Record a status change (administrators); 422 naming the field when a rule is broken")
    @PostMapping
    ResponseEntity<StatusChange> record(@PathVariable long id, @RequestBody StatusChangeRequest request) {
        CurrentUser user = CurrentUser.require();
        if (request == null) {
            throw BusinessException.invalid("error.required");
        }
        long changeId = history.record(user, new NewStatusChange(id, request.kind(), request.effectiveOn(),
                request.untilOn(), request.toClassId(), request.reason()));
        StatusChange recorded = history.historyOf(user, id).stream().filter(c -> c.id() == changeId).findFirst()
                .orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(recorded);
    }
}
