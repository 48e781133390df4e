package org.workstudy.placements.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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
import org.workstudy.approvals.DecisionView;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.placements.SelfArrangedForm;
import org.workstudy.placements.SelfArrangedWork;
import org.workstudy.placements.internal.CertificateFile;
import org.workstudy.placements.internal.SelfArrangedPages;
import org.workstudy.placements.internal.SelfArrangedRow;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;
import org.workstudy.web.UploadedFiles;

/**
 * Self-arranged work: the student's registrations (list, form, detail, certificate, printable application) and the
 * counselor's and vice dean's review list with their decisions.
 */
@Controller
class SelfArrangedController {

    private final SelfArrangedWork work;
    private final SelfArrangedPages pages;
    private final Clock clock;

    SelfArrangedController(SelfArrangedWork work, SelfArrangedPages pages, Clock clock) {
        this.work = work;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/self-arranged")
    String list(Model model) {
        CurrentUser user = CurrentUser.require();
        if (!user.acts(Role.STUDENT)) {
            return "redirect:/self-arranged/review";
        }
        model.addAttribute("rows", pages.mine(user));
        model.addAttribute("homeCity", pages.homeCity(pages.studentOf(user).id()));
        return "placements/self-list";
    }

    @GetMapping("/self-arranged/new")
    String form(Model model) {
        pages.studentOf(CurrentUser.require());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", SelfArrangedForm.empty());
        }
        return formPage(model, null);
    }

    @PostMapping("/self-arranged")
    String register(@ModelAttribute("form") SelfArrangedForm form, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        return Outcomes.attempt(() -> {
            long id = work.register(user, form);
            redirect.addFlashAttribute("flash", "selfwork.registered");
            return "redirect:/self-arranged/" + id;
        }, e -> {
            Outcomes.refused(model, e);
            return formPage(model, null);
        });
    }

    @GetMapping("/self-arranged/{id:\\d+}/edit")
    String edit(@PathVariable long id, Model model) {
        SelfArrangedRow row = pages.get(CurrentUser.require(), id);
        var w = row.work();
        model.addAttribute("form", new SelfArrangedForm(w.employerName(), w.city(), w.address(), row.contactPerson(),
                row.contactPhone(), w.startsOn(), w.endsOn(), w.expectedHours(), w.content()));
        return formPage(model, id);
    }

    @PostMapping("/self-arranged/{id:\\d+}")
    String update(@PathVariable long id, @ModelAttribute("form") SelfArrangedForm form, Model model,
            RedirectAttributes redirect) {
        return Outcomes.attempt(() -> {
            work.update(CurrentUser.require(), id, form);
            redirect.addFlashAttribute("flash", "selfwork.resubmitted");
            return "redirect:/self-arranged/" + id;
        }, e -> {
            Outcomes.refused(model, e);
            return formPage(model, id);
        });
    }

    @GetMapping("/self-arranged/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        SelfArrangedRow row = pages.get(user, id);
        model.addAttribute("row", row);
        model.addAttribute("history", pages.history(user, id));
        model.addAttribute("student", user.acts(Role.STUDENT));
        model.addAttribute("mayDecide", pages.mayDecide(user, row));
        model.addAttribute("mayVerify", pages.mayVerify(user, row));
        model.addAttribute("homeCity", pages.homeCity(row.work().studentId()));
        return "placements/self-detail";
    }

    @GetMapping("/self-arranged/{id:\\d+}/print")
    String print(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        SelfArrangedRow row = pages.get(user, id);
        model.addAttribute("row", row);
        List<DecisionView> decisions = pages.decisions(user, id);
        model.addAttribute("counselorDecision", last(decisions, Role.COUNSELOR));
        model.addAttribute("viceDeanDecision", last(decisions, Role.VICE_DEAN));
        model.addAttribute("homeCity", pages.homeCity(row.work().studentId()));
        model.addAttribute("today", LocalDate.now(clock));
        return "placements/self-print";
    }

    @PostMapping("/self-arranged/{id:\\d+}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        return run(redirect, id, "selfwork.withdrawn", () -> work.withdraw(CurrentUser.require(), id));
    }

    @PostMapping("/self-arranged/{id:\\d+}/certificate")
    String upload(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        CurrentUser user = CurrentUser.require();
        byte[] bytes = file.getBytes();
        return run(redirect, id, "selfwork.certificate.uploaded",
                () -> work.uploadCertificate(user, id, file.getOriginalFilename(), bytes));
    }

    @GetMapping("/self-arranged/{id:\\d+}/certificate")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        CertificateFile file = pages.certificate(CurrentUser.require(), id)
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        return UploadedFiles.attachment(file.contentType(), file.fileName(), file.content());
    }

    @GetMapping("/self-arranged/review")
    String review(Model model) {
        CurrentUser user = CurrentUser.require();
        if (user.acts(Role.STUDENT) || user.acts(Role.EMPLOYER)) {
            throw BusinessException.forbidden();
        }
        model.addAttribute("waiting", pages.waitingFor(user));
        model.addAttribute("recent", pages.inScope(user, null, 50));
        model.addAttribute("viceDean", user.acts(Role.VICE_DEAN));
        return "placements/self-review";
    }

    @PostMapping("/self-arranged/{id:\\d+}/decision")
    String decide(@PathVariable long id, @RequestParam boolean approve,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return run(redirect, id, approve ? "selfwork.decided.approved" : "selfwork.decided.returned",
                () -> work.decide(CurrentUser.require(), id, approve, reason));
    }

    @PostMapping("/self-arranged/{id:\\d+}/verification")
    String verify(@PathVariable long id, @RequestParam boolean accept,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return run(redirect, id, accept ? "selfwork.certificate.accepted" : "selfwork.certificate.rejected",
                () -> work.verifyCertificate(CurrentUser.require(), id, accept, reason));
    }

    private String formPage(Model model, Long id) {
        model.addAttribute("editId", id);
        model.addAttribute("homeCity", pages.homeCity(pages.studentOf(CurrentUser.require()).id()));
        model.addAttribute("today", LocalDate.now(clock));
        return "placements/self-form";
    }

    private static DecisionView last(List<DecisionView> decisions, Role role) {
        DecisionView found = null;
        for (DecisionView d : decisions) {
            if (d.role() == role) {
                found = d;
            }
        }
        return found;
    }

    private static String run(RedirectAttributes redirect, long id, String done, Runnable action) {
        Outcomes.attempt(redirect, done, action);
        return "redirect:/self-arranged/" + id;
    }
}
