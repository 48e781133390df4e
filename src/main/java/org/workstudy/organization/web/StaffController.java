package org.workstudy.organization.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Staff;
import org.workstudy.organization.StaffDirectory;
import org.workstudy.organization.StaffForm;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;

/** Administrators keep the staff list; roles are granted on the account page (/admin/accounts/{id}). */
@Controller
class StaffController {

    private final StaffDirectory staff;
    private final Organization organization;

    StaffController(StaffDirectory staff, Organization organization) {
        this.staff = staff;
        this.organization = organization;
    }

    @GetMapping("/org/staff")
    String list(@RequestParam(required = false) String text, @RequestParam(required = false) Long collegeId,
            @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page, Model model) {
        Access.admin();
        model.addAttribute("result", staff.search(text, collegeId, page, 20));
        model.addAttribute("colleges", organization.colleges());
        return "organization/staff";
    }

    @GetMapping("/org/staff/new")
    String newForm(Model model) {
        Access.admin();
        return form(model, null, new StaffForm("", "", null, ""));
    }

    @GetMapping("/org/staff/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Access.admin();
        Staff s = staff.find(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        return form(model, id, new StaffForm(s.staffNo(), s.name(), s.collegeId(), s.phone()));
    }

    @PostMapping({"/org/staff/new", "/org/staff/{id}/edit"})
    String save(@PathVariable(required = false) Long id, @Valid @ModelAttribute("form") StaffForm form,
            BindingResult errors, @RequestParam(required = false) String initialPassword,
            @RequestParam(required = false) List<Role> roles, Model model, RedirectAttributes redirect) {
        Access.admin();
        if (errors.hasErrors()) {
            return form(model, id, form);
        }
        return Outcomes.attempt(() -> {
            if (id == null) {
                if (initialPassword == null || initialPassword.length() < 8) {
                    throw BusinessException.invalid("identity.password.weak");
                }
                long accountId = staff.find(staff.create(form, initialPassword, grants(roles, form.collegeId())))
                        .orElseThrow().accountId();
                redirect.addFlashAttribute("flash", "action.saved");
                return "redirect:/admin/accounts/" + accountId;
            }
            staff.update(id, form);
            redirect.addFlashAttribute("flash", "action.saved");
            return "redirect:/org/staff";
        }, e -> {
            Outcomes.shown(model, e); // the college is chosen, the staff member may have gone: reasons to show
            return form(model, id, form);
        });
    }

    @PostMapping("/org/staff/{id}/active")
    String active(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        Access.admin();
        staff.setActive(id, active);
        redirect.addFlashAttribute("flash", "action.saved");
        return "redirect:/org/staff";
    }

    /** School-wide roles are granted at once; college roles over the staff member's college. */
    private static List<Grant> grants(List<Role> roles, Long collegeId) {
        List<Grant> grants = new ArrayList<>();
        for (Role role : roles == null ? List.<Role>of() : roles) {
            switch (role.scopeKind()) {
                case SCHOOL -> grants.add(Grant.school(role));
                case COLLEGE -> {
                    if (collegeId == null) {
                        throw BusinessException.invalid("organization.staff.college-needed");
                    }
                    grants.add(Grant.of(role, collegeId));
                }
                default -> { } // counselors get their classes on the class page
            }
        }
        return grants;
    }

    private String form(Model model, Long id, StaffForm form) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("colleges", organization.colleges());
        model.addAttribute("roles", List.of(Role.COUNSELOR, Role.VICE_DEAN, Role.COLLEGE_ADMIN, Role.CENTER_STAFF,
                Role.CENTER_DIRECTOR, Role.ACADEMIC_AFFAIRS, Role.LEADER, Role.ADMIN));
        return "organization/staff-form";
    }
}
