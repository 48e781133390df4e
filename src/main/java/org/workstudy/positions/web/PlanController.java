package org.workstudy.positions.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.Organization;
import org.workstudy.positions.AnnualPlanForm;
import org.workstudy.positions.AnnualPlans;
import org.workstudy.positions.internal.PlanPage;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;

/** Annual plans against actual figures, and their targets form. */
@Controller
class PlanController {

    private final AnnualPlans plans;
    private final PlanPage planPage;
    private final Organization organization;

    PlanController(AnnualPlans plans, PlanPage planPage, Organization organization) {
        this.plans = plans;
        this.planPage = planPage;
        this.organization = organization;
    }

    @GetMapping("/plans")
    String page(@RequestParam(required = false) String year, Model model) {
        CurrentUser user = CurrentUser.require();
        String y = year == null || year.isBlank() ? plans.currentYear() : year.trim();
        int start = AnnualPlans.startYear(y);
        model.addAttribute("year", y);
        model.addAttribute("previousYear", (start - 1) + "-" + start);
        model.addAttribute("nextYear", (start + 1) + "-" + (start + 2));
        model.addAttribute("rows", planPage.rows(user, y));
        return "positions/plans";
    }

    @GetMapping("/plans/edit")
    String form(@RequestParam String year, @RequestParam(required = false) Long collegeId, Model model) {
        CurrentUser user = CurrentUser.require();
        AnnualPlans.startYear(year);
        if (!AnnualPlans.mayEdit(user, collegeId)) {
            throw BusinessException.forbidden();
        }
        model.addAttribute("year", year);
        model.addAttribute("collegeId", collegeId);
        model.addAttribute("scopeName", collegeId == null ? null
                : organization.college(collegeId).map(c -> c.name()).orElse(null));
        model.addAttribute("form", AnnualPlanForm.of(plans.find(year, collegeId).orElse(null)));
        return "positions/plan-form";
    }

    @PostMapping("/plans")
    String save(@RequestParam String year, @RequestParam(required = false) Long collegeId,
            @ModelAttribute AnnualPlanForm form, RedirectAttributes redirect, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        CurrentUser user = CurrentUser.require();
        return Outcomes.attempt(() -> {
            plans.save(user, year, collegeId, form);
            redirect.addFlashAttribute("flash", "action.saved");
            return "redirect:" + UriComponentsBuilder.fromPath("/plans").queryParam("year", year).build()
                    .encode().toUriString();
        }, e -> {
            Outcomes.refused(model, e);
            response.setStatus(422);
            model.addAttribute("year", year);
            model.addAttribute("collegeId", collegeId);
            model.addAttribute("scopeName", collegeId == null ? null
                    : organization.college(collegeId).map(c -> c.name()).orElse(null));
            model.addAttribute("form", form);
            return "positions/plan-form";
        });
    }
}
