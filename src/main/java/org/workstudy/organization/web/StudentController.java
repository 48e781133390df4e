package org.workstudy.organization.web;

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
import org.workstudy.identity.Activations;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.IssuedCodePage;
import org.workstudy.identity.Role;
import org.workstudy.organization.internal.ActivationSheets;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Gender;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StatusHistory;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentForm;
import org.workstudy.organization.StudentQuery;
import org.workstudy.organization.StudentRow;
import org.workstudy.organization.StudentStatus;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.Masking;
import org.workstudy.shared.web.Outcomes;

/** The student list (scoped), a student's page, and adding or editing students (administrators). */
@Controller
class StudentController {

    private final Roster roster;
    private final Organization organization;
    private final DataScope scope;
    private final ActivationSheets activationSheets;
    private final StatusHistory statusHistory;

    StudentController(Roster roster, Organization organization, DataScope scope, ActivationSheets activationSheets,
            StatusHistory statusHistory) {
        this.statusHistory = statusHistory;
        this.roster = roster;
        this.organization = organization;
        this.scope = scope;
        this.activationSheets = activationSheets;
    }

    @GetMapping("/org/students")
    String list(@RequestParam(required = false) String text, @RequestParam(required = false) Long collegeId,
            @RequestParam(required = false) Long classId, @RequestParam(required = false) Integer cohort,
            @RequestParam(required = false) StudentStatus status, @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page,
            Model model) {
        CurrentUser user = Access.staff();
        model.addAttribute("result", roster.search(user, new StudentQuery(text, collegeId, classId, cohort, status),
                page, 20));
        var visibleClasses = organization.classes(scope.studentsOf(user), null, null);
        model.addAttribute("colleges", organization.colleges().stream()
                .filter(c -> visibleClasses.stream().anyMatch(k -> k.collegeId() == c.id())).toList());
        model.addAttribute("classes", visibleClasses.stream()
                .filter(k -> (collegeId == null || k.collegeId() == collegeId) && (cohort == null || k.cohort() == cohort))
                .toList());
        model.addAttribute("cohorts", organization.cohorts());
        model.addAttribute("statuses", StudentStatus.values());
        model.addAttribute("canEdit", user.acts(Role.ADMIN));
        return "organization/students";
    }

    @GetMapping("/org/students/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = Access.staff();
        StudentRow row = roster.row(user, id);
        boolean full = user.acts(Role.ADMIN);
        model.addAttribute("student", row);
        model.addAttribute("phone", full ? row.phone() : Masking.phone(row.phone()));
        model.addAttribute("idCardNo", full ? row.idCardNo() : Masking.idCard(row.idCardNo()));
        model.addAttribute("canEdit", full);
        Student student = roster.get(user, id);
        model.addAttribute("awaitingActivation", activationSheets.awaitingActivation(student));
        model.addAttribute("canIssueCode", ActivationSheets.issues(user) && student.status() == StudentStatus.ACTIVE);
        model.addAttribute("changes", statusHistory.historyOf(user, id));
        model.addAttribute("canRecordChange", StatusHistory.mayRecord(user));
        return "organization/student";
    }

    /**
     * A new activation code for a student who has not activated their account (a lost sheet), shown once to the
     * counselor or administrator who asked for it; the earlier code stops working.
     */
    @PostMapping("/org/students/{id:\\d+}/activation-code")
    String issueCode(@PathVariable long id, Model model, RedirectAttributes redirect) {
        CurrentUser user = Access.staff();
        String back = "/org/students/" + id;
        return Outcomes.attempt(() -> {
            Activations.IssuedCode code = activationSheets.issueForStudent(user, id);
            Student s = roster.get(user, id);
            IssuedCodePage.fill(model, s.name(), s.studentNo(), code, back);
            return IssuedCodePage.VIEW;
        }, refused -> {
            // e.g. the student set a password meanwhile: the student's page says so
            Outcomes.refused(redirect, refused);
            return "redirect:" + back;
        });
    }

    /** A student's own record, unmasked: it is theirs. */
    @GetMapping("/org/me")
    String me(Model model) {
        CurrentUser user = CurrentUser.require();
        Student student = roster.ofAccount(user.accountId()).filter(s -> user.acts(Role.STUDENT))
                .orElseThrow(BusinessException::forbidden);
        StudentRow row = roster.row(user, student.id());
        model.addAttribute("student", row);
        model.addAttribute("phone", row.phone());
        model.addAttribute("idCardNo", row.idCardNo());
        model.addAttribute("canEdit", false);
        return "organization/student";
    }

    @GetMapping("/org/students/new")
    String newForm(Model model) {
        Access.admin();
        return form(model, null, StudentForm.empty());
    }

    @GetMapping("/org/students/{id:\\d+}/edit")
    String editForm(@PathVariable long id, Model model) {
        CurrentUser user = Access.admin();
        Student s = roster.get(user, id);
        return form(model, id, new StudentForm(s.studentNo(), s.name(), s.gender(), s.classId(), s.enrolmentTerm(),
                s.status(), s.phone(), s.idCardNo()));
    }

    @PostMapping({"/org/students/new", "/org/students/{id:\\d+}/edit"})
    String save(@PathVariable(required = false) Long id, @Valid @ModelAttribute("form") StudentForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        Access.admin();
        if (errors.hasErrors()) {
            return form(model, id, form);
        }
        return Outcomes.attempt(() -> {
            if (id == null) {
                // a new student's account awaits activation: the code is shown once, to the administrator
                long created = roster.create(form);
                CurrentUser user = CurrentUser.require();
                Activations.IssuedCode code = activationSheets.issueForStudent(user, created);
                IssuedCodePage.fill(model, form.name().trim(), form.studentNo().trim(), code,
                        "/org/students/" + created);
                return IssuedCodePage.VIEW;
            }
            roster.update(id, form);
            redirect.addFlashAttribute("flash", "action.saved");
            return "redirect:/org/students/" + id;
        }, e -> {
            Outcomes.shown(model, e); // the class is chosen, the student may have gone: reasons to show
            return form(model, id, form);
        });
    }

    private String form(Model model, Long id, StudentForm form) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("classes", organization.classes(scope.studentsOf(CurrentUser.require()), null, null));
        model.addAttribute("genders", Gender.values());
        model.addAttribute("statuses", StudentStatus.values());
        return "organization/student-form";
    }
}
