package org.workstudy.placements.api;

import java.io.IOException;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.workstudy.approvals.DecisionView;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.placements.SelfArrangedForm;
import org.workstudy.placements.SelfArrangedWork;
import org.workstudy.placements.internal.SelfArrangedEvent;
import org.workstudy.placements.internal.SelfArrangedPages;
import org.workstudy.placements.internal.SelfArrangedRow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Self-arranged work (自行联系勤工助学), with the same role and scope checks as the pages: a student sees and changes
 * only their own registrations, a counselor those of their classes, a vice dean those of their college.
 */
@RestController
@RequestMapping("/api/v1/self-arranged")
@Tag(name = "self-arranged work")
class SelfArrangedApi {

    private final SelfArrangedWork work;
    private final SelfArrangedPages pages;

    SelfArrangedApi(SelfArrangedWork work, SelfArrangedPages pages) {
        this.work = work;
        this.pages = pages;
    }

    @Operation(summary = "Students: own registrations. Counselors and vice deans: those waiting for their decision")
    @GetMapping
    List<SelfArrangedRow> list() {
        CurrentUser user = CurrentUser.require();
        return user.acts(Role.STUDENT) ? pages.mine(user) : pages.waitingFor(user);
    }

    @Operation(summary = "Register self-arranged work in advance (students); the start may not be in the past")
    @PostMapping
    ResponseEntity<SelfArrangedRow> register(@RequestBody SelfArrangedForm form) {
        CurrentUser user = CurrentUser.require();
        long id = work.register(user, form);
        return ResponseEntity.status(201).body(pages.get(user, id));
    }

    @Operation(summary = "A registration (its student, or staff whose scope covers the student)")
    @GetMapping("/{id}")
    SelfArrangedRow get(@PathVariable long id) {
        return pages.get(CurrentUser.require(), id);
    }

    @Operation(summary = "Edit a returned registration and submit it again (students)")
    @PutMapping("/{id}")
    SelfArrangedRow update(@PathVariable long id, @RequestBody SelfArrangedForm form) {
        CurrentUser user = CurrentUser.require();
        work.update(user, id, form);
        return pages.get(user, id);
    }

    @Operation(summary = "Withdraw a registration that is not yet approved (students)")
    @PostMapping("/{id}/withdraw")
    ResponseEntity<Void> withdraw(@PathVariable long id) {
        work.withdraw(CurrentUser.require(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The history of a registration: submissions, decisions, certificate")
    @GetMapping("/{id}/history")
    List<SelfArrangedEvent> history(@PathVariable long id) {
        return pages.history(CurrentUser.require(), id);
    }

    @Operation(summary = "The approval decisions on a registration, over all its submissions")
    @GetMapping("/{id}/decisions")
    List<DecisionView> decisions(@PathVariable long id) {
        return pages.allDecisions(CurrentUser.require(), id);
    }

    record Decision(boolean approve, String reason) {
    }

    @Operation(summary = "Approve, or return (counselor) / refuse (vice dean) with a reason; the vice dean only before"
            + " the start date")
    @PostMapping("/{id}/decision")
    SelfArrangedRow decide(@PathVariable long id, @RequestBody Decision decision) {
        CurrentUser user = CurrentUser.require();
        work.decide(user, id, decision.approve(), decision.reason());
        return pages.get(user, id);
    }

    @Operation(summary = "Upload the employer's certificate (PDF, JPEG or PNG up to 10 MB, checked by content)")
    @PostMapping(path = "/{id}/certificate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    SelfArrangedRow upload(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        CurrentUser user = CurrentUser.require();
        work.uploadCertificate(user, id, file.getOriginalFilename(), file.getBytes());
        return pages.get(user, id);
    }

    record Verification(boolean accept, String reason) {
    }

    @Operation(summary = "Accept or reject (with a reason) the uploaded certificate (the student's counselor)")
    @PostMapping("/{id}/certificate/verification")
    SelfArrangedRow verify(@PathVariable long id, @RequestBody Verification verification) {
        CurrentUser user = CurrentUser.require();
        work.verifyCertificate(user, id, verification.accept(), verification.reason());
        return pages.get(user, id);
    }
}
