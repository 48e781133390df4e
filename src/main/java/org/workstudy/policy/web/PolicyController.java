package org.workstudy.policy.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.identity.CurrentUser;
import org.workstudy.policy.Policies;
import org.workstudy.policy.PolicyVersion;
import org.workstudy.policy.internal.PolicyForm;
import org.workstudy.policy.internal.PolicyProblem;
import org.workstudy.policy.internal.PolicyRefused;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;

/**
 * The policy versions: administrators list, read and add them under /admin/policy (URL rule: ADMIN only, see
 * SecurityConfig); the school-wide offices that apply the policy (center staff and director, academic affairs,
 * leaders) read them at /policy. One list and one detail template serve both.
 */
@Controller
class PolicyController {

    private static final String ADMIN = "/admin/policy";

    private final Policies policies;

    PolicyController(Policies policies) {
        this.policies = policies;
    }

    @GetMapping(ADMIN)
    String adminList(Model model) {
        return list(model, true);
    }

    @GetMapping("/policy")
    String readList(Model model) {
        Policies.requireReader(CurrentUser.require());
        return list(model, false);
    }

    @GetMapping(ADMIN + "/{id:\\d+}")
    String adminDetail(@PathVariable long id, Model model) {
        return detail(id, model, true);
    }

    @GetMapping("/policy/{id:\\d+}")
    String readDetail(@PathVariable long id, Model model) {
        Policies.requireReader(CurrentUser.require());
        return detail(id, model, false);
    }

    @GetMapping(ADMIN + "/new")
    String form(Model model) {
        return formPage(model, values(PolicyForm.copyOf(policies.newest(), policies.earliestNewCohort())), List.of());
    }

    @PostMapping(ADMIN)
    String create(@ModelAttribute("policyForm") PolicyForm form, BindingResult binding,
            @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            // a value that is not a number or a time: say which field, and write nothing
            List<PolicyProblem> problems = new ArrayList<>();
            for (FieldError e : binding.getFieldErrors()) {
                problems.add(new PolicyProblem(e.getField(), "policy.error.format",
                        List.of(new DefaultMessageSourceResolvable(
                                "policy.field." + e.getField()))));
            }
            return formPage(model, params, problems);
        }
        return Outcomes.attempt(() -> {
            PolicyVersion created = policies.create(CurrentUser.require(), form);
            redirect.addFlashAttribute("flash", "policy.created");
            return "redirect:" + ADMIN + "/" + created.id();
        }, e -> formPage(model, params, e instanceof PolicyRefused refused ? refused.problems()
                : List.of(new PolicyProblem("fromCohort", Outcomes.showable(e).messageKey(), List.of(e.args())))));
    }

    private static Map<String, String> values(PolicyForm f) {
        Map<String, String> out = new HashMap<>();
        out.put("name", f.name());
        out.put("fromCohort", String.valueOf(f.fromCohort()));
        out.put("courseName", f.courseName());
        out.put("credits", f.credits().toPlainString());
        out.put("requiredHours", f.requiredHours().toPlainString());
        out.put("hoursPerDay", f.hoursPerDay().toPlainString());
        out.put("semesterWindow", String.valueOf(f.semesterWindow()));
        out.put("homeCity", f.homeCity());
        out.put("offsetHoursPerCredit", f.offsetHoursPerCredit().toPlainString());
        out.put("partialOffsetAllowed", String.valueOf(f.partialOffsetAllowed()));
        out.put("noticeWorkingDays", String.valueOf(f.noticeWorkingDays()));
        out.put("eveningFrom", f.eveningFrom().format(DateTimeFormatter.ofPattern("HH:mm")));
        out.put("capDayHours", f.capDayHours().toPlainString());
        out.put("capTermWeekHours", f.capTermWeekHours().toPlainString());
        out.put("capTermMonthHours", f.capTermMonthHours().toPlainString());
        return out;
    }

    private String list(Model model, boolean editable) {
        List<PolicyVersion> versions = new ArrayList<>(policies.versions());
        Collections.reverse(versions); // newest first
        model.addAttribute("versions", versions);
        model.addAttribute("editable", editable);
        model.addAttribute("base", editable ? ADMIN : "/policy");
        model.addAttribute("earliest", policies.earliestNewCohort());
        model.addAttribute("lastEnrolled", policies.lastEnrolledCohort());
        return "policy/list";
    }

    private String detail(long id, Model model, boolean editable) {
        model.addAttribute("v", policies.find(id).orElseThrow(() -> BusinessException.notFound("error.not-found")));
        model.addAttribute("base", editable ? ADMIN : "/policy");
        return "policy/detail";
    }

    /** The form's inputs as text: the request's on a refusal (so that what was typed stays), else a version's. */
    private String formPage(Model model, Map<String, String> values, List<PolicyProblem> problems) {
        model.addAttribute("values", values);
        model.addAttribute("problems", problems);
        model.addAttribute("invalid", problems.stream().map(PolicyProblem::field).toList());
        model.addAttribute("newest", policies.newest());
        model.addAttribute("earliest", policies.earliestNewCohort());
        model.addAttribute("lastEnrolled", policies.lastEnrolledCohort());
        return "policy/form";
    }
}
