package org.workstudy.exemptions.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.exemptions.ExemptionForm;
import org.workstudy.credits.ExemptionKind;
import org.workstudy.exemptions.ExemptionReason;
import org.workstudy.exemptions.ExemptionUpload;
import org.workstudy.exemptions.Exemptions;
import org.workstudy.exemptions.internal.ExemptionEvidence;
import org.workstudy.exemptions.internal.ExemptionPages;
import org.workstudy.exemptions.internal.ExemptionStatus;
import org.workstudy.exemptions.internal.ExemptionView;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.quality.QualityCredits;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;

/**
 * Exemption and offset applications: the student's list and form, an application's page (evidence, decisions, the
 * notice), the counselor's and director's review list, their decisions and the director's publication.
 */
@Controller
class ExemptionController {

    private final Exemptions exemptions;
    private final ExemptionPages pages;
    private final QualityCredits quality;

    ExemptionController(Exemptions exemptions, ExemptionPages pages, QualityCredits quality) {
        this.exemptions = exemptions;
        this.pages = pages;
        this.quality = quality;
    }

    @GetMapping("/my/exemptions")
    String mine(Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("outlook", pages.outlook(user));
        model.addAttribute("rows", pages.mine(user));
        return "credits/exemption-mine";
    }

    @GetMapping("/my/exemptions/new")
    String form(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ExemptionForm.empty());
        }
        return formPage(model);
    }

    @PostMapping("/my/exemptions")
    String apply(@ModelAttribute("form") ExemptionForm form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes redirect) throws IOException {
        CurrentUser user = CurrentUser.require();
        List<ExemptionUpload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                uploads.add(new ExemptionUpload(f.getOriginalFilename(), f.getBytes()));
            }
        }
        return Outcomes.attempt(() -> {
            long id = exemptions.apply(user, form, uploads);
            redirect.addFlashAttribute("flash", "exemption.applied");
            return "redirect:/exemptions/" + id;
        }, e -> {
            Outcomes.refused(model, e);
            return formPage(model);
        });
    }

    @GetMapping("/exemptions/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        ExemptionView row = pages.get(user, id);
        model.addAttribute("row", row);
        model.addAttribute("history", pages.history(user, id));
        model.addAttribute("evidence", pages.evidence(user, id));
        model.addAttribute("student", user.acts(Role.STUDENT));
        model.addAttribute("mayDecide", pages.mayDecide(user, row));
        model.addAttribute("director", row.status() == ExemptionStatus.WAITING_DIRECTOR);
        if (!user.acts(Role.STUDENT) && row.offset()) {
            model.addAttribute("quality", quality.standing(row.studentId()));
        }
        return "credits/exemption-detail";
    }

    @GetMapping("/exemptions/{id:\\d+}/evidence/{fileId:\\d+}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long fileId) {
        ExemptionEvidence file = pages.evidenceFile(CurrentUser.require(), id, fileId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }

    @PostMapping("/exemptions/{id:\\d+}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        Outcomes.attempt(redirect, "exemption.withdrawn", () -> exemptions.withdraw(CurrentUser.require(), id));
        return "redirect:/exemptions/" + id;
    }

    @PostMapping("/exemptions/{id:\\d+}/decision")
    String decide(@PathVariable long id, @RequestParam boolean approve,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Outcomes.attempt(redirect, approve ? "exemption.decided.approved" : "exemption.decided.refused",
                () -> exemptions.decide(CurrentUser.require(), id, approve, reason));
        return "redirect:/exemptions/" + id;
    }

    @GetMapping("/exemptions/review")
    String review(Model model) {
        CurrentUser user = CurrentUser.require();
        if (user.acts(Role.STUDENT) || user.acts(Role.EMPLOYER)) {
            throw BusinessException.forbidden();
        }
        boolean director = user.acts(Role.CENTER_DIRECTOR);
        model.addAttribute("waiting", pages.waitingFor(user));
        model.addAttribute("granted", director ? pages.inScope(user, ExemptionStatus.GRANTED, 500) : List.of());
        model.addAttribute("recent", pages.inScope(user, null, 50));
        model.addAttribute("director", director);
        return "credits/exemption-review";
    }

    @PostMapping("/exemptions/publish")
    String publish(RedirectAttributes redirect) {
        Outcomes.attempt(redirect, "exemption.published", () -> exemptions.publish(CurrentUser.require(), null));
        return "redirect:/exemptions/review";
    }

    private String formPage(Model model) {
        model.addAttribute("outlook", pages.outlook(CurrentUser.require()));
        model.addAttribute("kinds", ExemptionKind.values());
        model.addAttribute("reasons", ExemptionReason.values());
        model.addAttribute("maxFiles", Exemptions.MAX_FILES);
        return "credits/exemption-form";
    }
}
