package org.workstudy.positions.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.identity.CurrentUser;
import org.workstudy.positions.BankKind;
import org.workstudy.positions.PositionAction;
import org.workstudy.positions.internal.PositionEvent;
import org.workstudy.positions.PositionForm;
import org.workstudy.positions.PositionQuery;
import org.workstudy.positions.PositionRules;
import org.workstudy.positions.PositionStatus;
import org.workstudy.positions.PositionView;
import org.workstudy.positions.PositionWorkflow;
import org.workstudy.positions.TimeKind;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.PageResult;

/**
 * The position bank: the same role and scope rules as the pages. Positions outside the caller's scope are 404;
 * steps outside their role are 403; broken rules are 422 and wrong states 409, as problem details.
 */
@RestController
@RequestMapping("/api/v1/positions")
@Tag(name = "positions")
class PositionApi {

    private final PositionWorkflow workflow;

    PositionApi(PositionWorkflow workflow) {
        this.workflow = workflow;
    }

    /** The reason of a step (required to return or cancel). */
    record StepRequest(String reason) {
    }

    /** The new capacity of a published position (only upwards). */
    record CapacityRequest(int capacity) {
    }

    @Operation(summary = "Positions the caller may see: the whole school for the center, a college's bank for its"
            + " staff, an employer's own positions")
    @GetMapping
    PageResult<PositionView> list(@RequestParam(required = false) String text,
            @RequestParam(required = false) BankKind bank, @RequestParam(required = false) Long collegeId,
            @RequestParam(required = false) PositionStatus status, @RequestParam(required = false) Long employerId,
            @RequestParam(required = false) TimeKind timeKind, @RequestParam(required = false) Boolean onCampus,
            @RequestParam(required = false) String city, @RequestParam(required = false) Boolean openNow,
            @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page, @RequestParam(defaultValue = "50") int size) {
        return workflow.search(user(), new PositionQuery(text, bank, collegeId, status, employerId, timeKind, onCampus,
                city, openNow), page, size);
    }

    @Operation(summary = "One position; 404 when outside the caller's scope")
    @GetMapping("/{id}")
    PositionView get(@PathVariable long id) {
        return workflow.require(user(), id);
    }

    @Operation(summary = "The lifecycle history of a position")
    @GetMapping("/{id}/events")
    List<PositionEvent> events(@PathVariable long id) {
        return workflow.history(user(), id);
    }

    @Operation(summary = "Create a draft. The bank follows the role: the school bank for the center and employers,"
            + " the college's bank for a college admin. opensAt/closesAt are local times of Asia/Shanghai")
    @PostMapping
    ResponseEntity<PositionView> create(@RequestBody PositionForm form) {
        CurrentUser user = user();
        long id = workflow.create(user, form);
        return ResponseEntity.status(HttpStatus.CREATED).body(workflow.require(user, id));
    }

    @Operation(summary = "Edit a draft")
    @PutMapping("/{id}")
    PositionView update(@PathVariable long id, @RequestBody PositionForm form) {
        CurrentUser user = user();
        workflow.update(user, id, form);
        return workflow.require(user, id);
    }

    @Operation(summary = "Submit a draft for review")
    @PostMapping("/{id}/submit")
    PositionView submit(@PathVariable long id) {
        return step(id, PositionAction.SUBMIT, null);
    }

    @Operation(summary = "Approve a submitted position (the center for the school bank, the college for its bank)")
    @PostMapping("/{id}/approve")
    PositionView approve(@PathVariable long id) {
        return step(id, PositionAction.APPROVE, null);
    }

    @Operation(summary = "Return a submitted or approved position to draft, with a reason")
    @PostMapping("/{id}/return")
    PositionView returnToDraft(@PathVariable long id, @RequestBody(required = false) StepRequest body) {
        return step(id, PositionAction.RETURN, body);
    }

    @Operation(summary = "Publish an approved position; refused for an off-campus employer without a valid agreement")
    @PostMapping("/{id}/publish")
    PositionView publish(@PathVariable long id) {
        return step(id, PositionAction.PUBLISH, null);
    }

    @Operation(summary = "Close applications of a published position")
    @PostMapping("/{id}/close")
    PositionView close(@PathVariable long id) {
        return step(id, PositionAction.CLOSE, null);
    }

    @Operation(summary = "Cancel a position, with a reason")
    @PostMapping("/{id}/cancel")
    PositionView cancel(@PathVariable long id, @RequestBody(required = false) StepRequest body) {
        return step(id, PositionAction.CANCEL, body);
    }

    @Operation(summary = "Raise the capacity of a published position")
    @PostMapping("/{id}/capacity")
    PositionView capacity(@PathVariable long id, @RequestBody CapacityRequest body) {
        CurrentUser user = user();
        workflow.raiseCapacity(user, id, body.capacity());
        return workflow.require(user, id);
    }

    private PositionView step(long id, PositionAction action, StepRequest body) {
        CurrentUser user = user();
        workflow.step(user, id, action, body == null ? null : body.reason());
        return workflow.require(user, id);
    }

    private static CurrentUser user() {
        CurrentUser user = CurrentUser.require();
        if (user.activeRole() == null || !PositionRules.usesBank(user.activeRole())) {
            throw BusinessException.forbidden();
        }
        return user;
    }
}
