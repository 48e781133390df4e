package org.workstudy.exemptions.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.workstudy.approvals.DecisionView;
import org.workstudy.exemptions.ExemptionForm;
import org.workstudy.exemptions.ExemptionUpload;
import org.workstudy.exemptions.Exemptions;
import org.workstudy.exemptions.internal.ExemptionEvent;
import org.workstudy.exemptions.internal.ExemptionEvidence;
import org.workstudy.exemptions.internal.ExemptionPages;
import org.workstudy.exemptions.internal.ExemptionStatus;
import org.workstudy.exemptions.internal.ExemptionView;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.web.UploadedFiles;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Exemption and offset applications (免修 / 抵扣) with the same role and scope checks as the pages: a student sees
 * and changes only their own, a counselor those of their classes, college staff their college's, the school offices
 * all; out of scope is 404.
 */
@RestController
@RequestMapping("/api/v1/exemptions")
@Tag(name = "exemptions")
class ExemptionApi {

    private final Exemptions exemptions;
    private final ExemptionPages pages;

    ExemptionApi(Exemptions exemptions, ExemptionPages pages) {
        this.exemptions = exemptions;
        this.pages = pages;
    }

    @Operation(summary = "Students: own applications. Staff: applications in scope (optionally ?status=...), newest"
            + " first; ?waiting=true: those waiting for the caller's decision")
    @GetMapping
    List<ExemptionView> list(@RequestParam(required = false) ExemptionStatus status,
            @RequestParam(defaultValue = "false") boolean waiting) {
        CurrentUser user = CurrentUser.require();
        if (user.acts(Role.STUDENT)) {
            return pages.mine(user);
        }
        return waiting ? pages.waitingFor(user) : pages.inScope(user, status, 500);
    }

    @Operation(summary = "Apply (students): multipart with a JSON part 'application' {kind: EXEMPT|OFFSET, reasonKind:"
            + " HARDSHIP|DISABILITY|OTHER, reason, qualityCredits (offset)} and 1-5 'files' (PDF/JPEG/PNG, 10 MB each)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ExemptionView> apply(@RequestPart("application") ExemptionForm form,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) throws IOException {
        CurrentUser user = CurrentUser.require();
        List<ExemptionUpload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                uploads.add(new ExemptionUpload(f.getOriginalFilename(), f.getBytes()));
            }
        }
        long id = exemptions.apply(user, form, uploads);
        return ResponseEntity.status(201).body(pages.get(user, id));
    }

    @Operation(summary = "An application (its student, or staff whose scope covers the student)")
    @GetMapping("/{id}")
    ExemptionView get(@PathVariable long id) {
        return pages.get(CurrentUser.require(), id);
    }

    @Operation(summary = "The history of an application: submitted, decisions with reasons, notice, final")
    @GetMapping("/{id}/history")
    List<ExemptionEvent> history(@PathVariable long id) {
        return pages.history(CurrentUser.require(), id);
    }

    @Operation(summary = "The approval decisions on an application")
    @GetMapping("/{id}/decisions")
    List<DecisionView> decisions(@PathVariable long id) {
        return pages.decisions(CurrentUser.require(), id);
    }

    @Operation(summary = "The evidence files of an application (without their content)")
    @GetMapping("/{id}/evidence")
    List<ExemptionEvidence> evidence(@PathVariable long id) {
        return pages.evidence(CurrentUser.require(), id);
    }

    @Operation(summary = "One evidence file's content")
    @GetMapping("/{id}/evidence/{fileId}")
    ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable long fileId) {
        ExemptionEvidence file = pages.evidenceFile(CurrentUser.require(), id, fileId);
        return UploadedFiles.attachment(file.contentType(), file.fileName(), file.content());
    }

    @Operation(summary = "Withdraw an application waiting for a decision (its student)")
    @PostMapping("/{id}/withdraw")
    ResponseEntity<Void> withdraw(@PathVariable long id) {
        exemptions.withdraw(CurrentUser.require(), id);
        return ResponseEntity.noContent().build();
    }

    record Decision(boolean approve, String reason) {
    }

    @Operation(summary = "The counselor approves or returns (reason required); then the center director grants or"
            + " rejects (reason required)")
    @PostMapping("/{id}/decision")
    ExemptionView decide(@PathVariable long id, @RequestBody Decision decision) {
        CurrentUser user = CurrentUser.require();
        exemptions.decide(user, id, decision.approve(), decision.reason());
        return pages.get(user, id);
    }

    record Publish(List<Long> ids) {
    }

    record Published(List<Long> noticeIds) {
    }

    @Operation(summary = "The center director publishes granted applications (all, or the given ids) on public"
            + " notices, one per college; returns the notices' ids")
    @PostMapping("/publish")
    Published publish(@RequestBody(required = false) Publish body) {
        return new Published(exemptions.publish(CurrentUser.require(), body == null ? null : body.ids()));
    }
}
