package org.workstudy.organization.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.organization.Organization;
import org.workstudy.organization.StudentScope;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;

/** Administrators keep colleges, majors and classes on one page. */
@Controller
class StructureController {

    private final Organization organization;

    StructureController(Organization organization) {
        this.organization = organization;
    }

    @GetMapping("/org/structure")
    String page(@RequestParam(required = false) Long collegeId, Model model) {
        Access.admin();
        model.addAttribute("colleges", organization.colleges());
        model.addAttribute("majors", organization.majors(collegeId));
        model.addAttribute("classes", organization.classes(new StudentScope(true, java.util.Set.of(),
                java.util.Set.of(), java.util.Set.of()), collegeId, null));
        model.addAttribute("selectedCollege", collegeId);
        return "organization/structure";
    }

    @PostMapping("/org/structure/colleges")
    String college(@RequestParam(required = false) Long id, @RequestParam String code, @RequestParam String name,
            @RequestParam(defaultValue = "true") boolean active, RedirectAttributes redirect) {
        Access.admin();
        return run(redirect, null, () -> organization.saveCollege(id, code, name, active));
    }

    @PostMapping("/org/structure/majors")
    String major(@RequestParam(required = false) Long id, @RequestParam long collegeId, @RequestParam String code,
            @RequestParam String name, @RequestParam(defaultValue = "true") boolean active,
            RedirectAttributes redirect) {
        Access.admin();
        return run(redirect, collegeId, () -> organization.saveMajor(id, collegeId, code, name, active));
    }

    @PostMapping("/org/structure/classes")
    String schoolClass(@RequestParam(required = false) Long id, @RequestParam long majorId, @RequestParam int cohort,
            @RequestParam String name, @RequestParam(defaultValue = "true") boolean active,
            RedirectAttributes redirect) {
        Access.admin();
        Long collegeId = organization.major(majorId).map(m -> m.collegeId()).orElse(null);
        return run(redirect, collegeId, () -> organization.saveClass(id, majorId, cohort, name, active));
    }

    private static String run(RedirectAttributes redirect, Long collegeId, Runnable action) {
        Outcomes.attempt(redirect, "action.saved", action);
        return "redirect:/org/structure" + (collegeId == null ? "" : "?collegeId=" + collegeId);
    }
}
