package org.workstudy.recognition.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.recognition.Recognitions;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.College;
import org.workstudy.recognition.internal.RecognitionExport;
import org.workstudy.shared.web.Outcomes;

/**
 * Credit recognition pages: the proposal of a college and cohort with the vice dean's submission and the lists
 * submitted (all readers), a list's detail with the offices' approve / return form, the registrar's export.
 */
@Controller
class RecognitionController {

    private final Recognitions recognitions;
    private final RecognitionExport export;

    RecognitionController(Recognitions recognitions, RecognitionExport export) {
        this.recognitions = recognitions;
        this.export = export;
    }

    @GetMapping("/recognitions")
    String page(@RequestParam(required = false) Long collegeId, @RequestParam(required = false) Integer cohort,
            Model model) {
        CurrentUser user = CurrentUser.require();
        List<College> colleges = recognitions.colleges(user);
        Long college = collegeId != null ? collegeId : colleges.size() == 1 ? colleges.get(0).id() : null;
        model.addAttribute("colleges", colleges);
        model.addAttribute("cohorts", recognitions.cohorts());
        model.addAttribute("collegeId", college);
        model.addAttribute("cohort", cohort);
        if (college != null && cohort != null) {
            Outcomes.attempt(model, () -> recognitions.proposal(user, college, cohort))
                    .ifPresent(proposal -> model.addAttribute("proposal", proposal));
        }
        model.addAttribute("waiting", recognitions.waitingFor(user));
        model.addAttribute("lists", recognitions.list(user, college, cohort));
        model.addAttribute("maySubmit", user.acts(Role.VICE_DEAN));
        model.addAttribute("schoolWide", user.activeIsSchoolWide());
        return "credits/recognition";
    }

    @PostMapping("/recognitions")
    String submit(@RequestParam long collegeId, @RequestParam int cohort, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        return Outcomes.attempt(() -> {
            long id = recognitions.submit(user, collegeId, cohort);
            redirect.addFlashAttribute("flash", "recognition.submitted");
            return "redirect:/recognitions/" + id;
        }, e -> {
            Outcomes.refused(redirect, e);
            return "redirect:/recognitions?collegeId=" + collegeId + "&cohort=" + cohort;
        });
    }

    @GetMapping("/recognitions/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("detail", recognitions.get(CurrentUser.require(), id));
        return "credits/recognition-detail";
    }

    @PostMapping("/recognitions/{id:\\d+}/decision")
    String decide(@PathVariable long id, @RequestParam boolean approve, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        Outcomes.attempt(redirect, approve ? "recognition.decided.approved" : "recognition.decided.returned",
                () -> recognitions.decide(CurrentUser.require(), id, approve, reason));
        return "redirect:/recognitions/" + id;
    }

    @GetMapping("/recognitions/export.xlsx")
    void exportXlsx(@RequestParam(required = false) Long collegeId, @RequestParam int cohort, Locale locale,
            HttpServletResponse response) throws IOException {
        RecognitionDownloads.export(export, recognitions, CurrentUser.require(), collegeId, cohort, locale, response);
    }
}
