package org.workstudy.positions.web;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
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
import org.workstudy.identity.CurrentUser;
import org.workstudy.policy.Policies;
import org.workstudy.positions.internal.AgreementFile;
import org.workstudy.positions.Employer;
import org.workstudy.positions.internal.EmployerForm;
import org.workstudy.positions.Employers;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.Masking;
import org.workstudy.shared.web.Outcomes;
import org.workstudy.web.UploadedFiles;

/** Employers, their agreements and contact accounts, kept by the center. */
@Controller
class EmployerController {

    private final Employers employers;
    private final Policies policies;
    private final java.time.Clock clock;

    EmployerController(Employers employers, java.time.Clock clock, Policies policies) {
        this.employers = employers;
        this.policies = policies;
        this.clock = clock;
    }

    @GetMapping("/employers")
    String list(Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("employers", employers.list(user));
        model.addAttribute("canEdit", Employers.keeps(user));
        model.addAttribute("today", today());
        return "positions/employers";
    }

    @GetMapping("/employers/new")
    String newForm(Model model) {
        keeper();
        model.addAttribute("form", EmployerForm.empty(policies.newest().homeDivision()));
        return "positions/employer-form";
    }

    @PostMapping("/employers")
    String create(@ModelAttribute EmployerForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        CurrentUser user = keeper();
        return Outcomes.attempt(() -> {
            long id = employers.save(user, null, form);
            redirect.addFlashAttribute("flash", "action.saved");
            return "redirect:/employers/" + id;
        }, e -> {
            Outcomes.refused(model, e);
            response.setStatus(422);
            model.addAttribute("form", form);
            return "positions/employer-form";
        });
    }

    @GetMapping("/employers/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        Employer employer = employers.require(user, id);
        boolean keeper = Employers.keeps(user);
        model.addAttribute("employer", employer);
        model.addAttribute("phone", keeper ? employer.phone() : Masking.phone(employer.phone()));
        model.addAttribute("form", EmployerForm.of(employer));
        model.addAttribute("contacts", employers.contacts(user, id));
        model.addAttribute("canEdit", keeper);
        model.addAttribute("today", today());
        return "positions/employer";
    }

    @PostMapping("/employers/{id:\\d+}")
    String update(@PathVariable long id, @ModelAttribute EmployerForm form, RedirectAttributes redirect) {
        CurrentUser user = keeper();
        return run(redirect, id, () -> employers.save(user, id, form));
    }

    @PostMapping("/employers/{id:\\d+}/agreement")
    String upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
            RedirectAttributes redirect) throws IOException {
        CurrentUser user = keeper();
        byte[] bytes = file.getBytes();
        return run(redirect, id, () -> employers.uploadAgreement(user, id, file.getOriginalFilename(), bytes,
                expiresOn));
    }

    @GetMapping("/employers/{id:\\d+}/agreement")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        CurrentUser user = CurrentUser.require();
        AgreementFile file = employers.agreement(user, id)
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        return UploadedFiles.attachment(file.contentType(), file.fileName(), file.content());
    }

    @PostMapping("/employers/{id:\\d+}/contacts")
    String contact(@PathVariable long id, @RequestParam String username, @RequestParam String displayName,
            @RequestParam String initialPassword, RedirectAttributes redirect) {
        CurrentUser user = keeper();
        return run(redirect, id, () -> employers.createContact(user, id, username, displayName, initialPassword));
    }

    private static String run(RedirectAttributes redirect, long id, Runnable action) {
        Outcomes.attempt(redirect, "action.saved", action);
        return "redirect:/employers/" + id;
    }

    private static CurrentUser keeper() {
        CurrentUser user = CurrentUser.require();
        if (!Employers.keeps(user)) {
            throw BusinessException.forbidden();
        }
        return user;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
