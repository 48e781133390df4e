package org.workstudy.positions.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.College;
import org.workstudy.organization.Organization;
import org.workstudy.positions.BankKind;
import org.workstudy.positions.Employers;
import org.workstudy.positions.PositionAction;
import org.workstudy.positions.PositionForm;
import org.workstudy.positions.PositionQuery;
import org.workstudy.positions.PositionRules;
import org.workstudy.positions.PositionStatus;
import org.workstudy.positions.PositionType;
import org.workstudy.positions.PositionView;
import org.workstudy.positions.PositionWorkflow;
import org.workstudy.positions.SelectionMode;
import org.workstudy.positions.TimeKind;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;

/**
 * The position bank pages: the unified list (the whole school for the center, a college's bank for its staff, an
 * employer's own positions), the form, and a position's page with its lifecycle buttons and history.
 */
@Controller
class PositionController {

    private final PositionWorkflow workflow;
    private final Employers employers;
    private final Organization organization;
    private final java.time.Clock clock;

    PositionController(PositionWorkflow workflow, Employers employers, Organization organization,
            java.time.Clock clock) {
        this.clock = clock;
        this.workflow = workflow;
        this.employers = employers;
        this.organization = organization;
    }

    @GetMapping("/positions")
    String list(@RequestParam(required = false) String text, @RequestParam(required = false) BankKind bank,
            @RequestParam(required = false) Long collegeId, @RequestParam(required = false) PositionStatus status,
            @RequestParam(required = false) Long employerId, @RequestParam(required = false) TimeKind timeKind,
            @RequestParam(required = false) Boolean onCampus, @RequestParam(required = false) Boolean openNow,
            @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page, Model model) {
        CurrentUser user = bankUser();
        PositionQuery query = new PositionQuery(text, bank, collegeId, status, employerId, timeKind, onCampus, null,
                openNow);
        model.addAttribute("result", workflow.search(user, query, page, 20));
        model.addAttribute("query", query);
        boolean schoolWide = user.activeIsSchoolWide();
        model.addAttribute("schoolWide", schoolWide);
        model.addAttribute("colleges", visibleColleges(user));
        model.addAttribute("collegeNames", collegeNames());
        model.addAttribute("employers", user.acts(Role.EMPLOYER) ? employers.list(user) : employers.choosable(user));
        model.addAttribute("statuses", PositionStatus.values());
        model.addAttribute("kinds", TimeKind.values());
        model.addAttribute("canCreate", PositionWorkflow.mayCreate(user));
        model.addAttribute("banks", BankKind.values());
        model.addAttribute("zone", clock.getZone());
        return "positions/list";
    }

    @GetMapping("/positions/new")
    String newForm(Model model) {
        CurrentUser user = bankUser();
        if (!PositionWorkflow.mayCreate(user)) {
            throw BusinessException.forbidden();
        }
        PositionForm empty = new PositionForm(null, null, null, null, null, PositionType.TEMPORARY, null, null, null,
                1, null, workflow.minHourlyPay(), null, null, null, null, null, null, SelectionMode.EMPLOYER_CHOICE,
                null);
        return form(user, PositionWorkflow.defaultBank(user, empty), null, model);
    }

    @PostMapping("/positions")
    String create(@ModelAttribute PositionForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        CurrentUser user = bankUser();
        return Outcomes.attempt(() -> {
            long id = workflow.create(user, form);
            redirect.addFlashAttribute("flash", "positions.created");
            return "redirect:/positions/" + id;
        }, e -> {
            Outcomes.refused(model, e);
            response.setStatus(422);
            return form(user, PositionWorkflow.defaultBank(user, form), null, model);
        });
    }

    @GetMapping("/positions/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = bankUser();
        PositionView p = workflow.require(user, id);
        model.addAttribute("p", p);
        model.addAttribute("events", workflow.history(user, id));
        model.addAttribute("actions", workflow.actionsFor(user, p));
        model.addAttribute("canEdit", workflow.mayEdit(user, p));
        model.addAttribute("canRaise", p.status() == PositionStatus.PUBLISHED
                && PositionRules.mayManage(user, p.bank(), p.bankCollegeId(), p.employerId()));
        model.addAttribute("collegeNames", collegeNames());
        model.addAttribute("employer", employers.find(p.employerId()).orElse(null));
        model.addAttribute("today", java.time.LocalDate.now(clock));
        model.addAttribute("zone", clock.getZone());
        return "positions/detail";
    }

    @GetMapping("/positions/{id:\\d+}/edit")
    String editForm(@PathVariable long id, Model model) {
        CurrentUser user = bankUser();
        PositionView p = workflow.require(user, id);
        if (!workflow.mayEdit(user, p)) {
            throw BusinessException.forbidden();
        }
        return form(user, PositionForm.of(p, clock.getZone()), id, model);
    }

    @PostMapping("/positions/{id:\\d+}")
    String update(@PathVariable long id, @ModelAttribute PositionForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        CurrentUser user = bankUser();
        PositionView p = workflow.require(user, id);
        return Outcomes.attempt(() -> {
            workflow.update(user, id, form);
            redirect.addFlashAttribute("flash", "action.saved");
            return "redirect:/positions/" + id;
        }, e -> {
            Outcomes.refused(model, e);
            response.setStatus(422);
            return form(user, form.bank() == null ? PositionForm.of(p, clock.getZone()) : form, id, model);
        });
    }

    @PostMapping("/positions/{id:\\d+}/{action:submit|approve|return|publish|close|cancel}")
    String step(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        CurrentUser user = bankUser();
        Outcomes.attempt(redirect, "positions.done." + action,
                () -> workflow.step(user, id, PositionAction.ofCode(action), reason));
        return "redirect:/positions/" + id;
    }

    @PostMapping("/positions/{id:\\d+}/capacity")
    String capacity(@PathVariable long id, @RequestParam int capacity, RedirectAttributes redirect) {
        CurrentUser user = bankUser();
        Outcomes.attempt(redirect, "action.saved", () -> workflow.raiseCapacity(user, id, capacity));
        return "redirect:/positions/" + id;
    }

    private String form(CurrentUser user, PositionForm form, Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("positionId", id);
        model.addAttribute("employers", employers.choosable(user));
        model.addAttribute("colleges", organization.colleges().stream().filter(College::active).toList());
        model.addAttribute("bankColleges", organization.colleges().stream()
                .filter(c -> user.acts(Role.COLLEGE_ADMIN) && user.activeScopeIds().contains(c.id())).toList());
        model.addAttribute("collegeNames", collegeNames());
        model.addAttribute("cohorts", cohorts());
        model.addAttribute("kinds", TimeKind.values());
        model.addAttribute("types", PositionType.values());
        model.addAttribute("modes", SelectionMode.values());
        model.addAttribute("minPay", workflow.minHourlyPay());
        return "positions/form";
    }

    private List<Integer> cohorts() {
        List<Integer> known = organization.cohorts();
        int year = java.time.LocalDate.now(clock).getYear();
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        all.addAll(known);
        for (int y = year - 4; y <= year; y++) {
            all.add(y);
        }
        return List.copyOf(all);
    }

    private List<College> visibleColleges(CurrentUser user) {
        return organization.colleges().stream()
                .filter(c -> user.activeIsSchoolWide() || user.activeScopeIds().contains(c.id())).toList();
    }

    private java.util.Map<Long, String> collegeNames() {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        organization.colleges().forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    static CurrentUser bankUser() {
        CurrentUser user = CurrentUser.require();
        if (user.activeRole() == null || !PositionRules.usesBank(user.activeRole())) {
            throw BusinessException.forbidden();
        }
        return user;
    }
}
