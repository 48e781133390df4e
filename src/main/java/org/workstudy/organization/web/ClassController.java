package org.workstudy.organization.web;

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
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.IssuedCodePage;
import org.workstudy.identity.Role;
import org.workstudy.organization.internal.ActivationSheetFiles;
import org.workstudy.organization.internal.ActivationSheets;
import org.workstudy.organization.ClassRow;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StaffDirectory;
import org.workstudy.organization.StudentQuery;
import org.workstudy.organization.StudentStatus;
import org.workstudy.shared.BusinessException;

/** Classes in the user's scope, one class with its students (and their activation sheet), and its counselors. */
@Controller
class ClassController {

    private final Organization organization;
    private final DataScope scope;
    private final Roster roster;
    private final StaffDirectory staff;
    private final ActivationSheets activationSheets;
    private final ActivationSheetFiles sheetFiles;

    ClassController(Organization organization, DataScope scope, Roster roster, StaffDirectory staff,
            ActivationSheets activationSheets, ActivationSheetFiles sheetFiles) {
        this.organization = organization;
        this.scope = scope;
        this.roster = roster;
        this.staff = staff;
        this.activationSheets = activationSheets;
        this.sheetFiles = sheetFiles;
    }

    @GetMapping("/org/classes")
    String list(@RequestParam(required = false) Long collegeId, @RequestParam(required = false) Integer cohort,
            Model model) {
        CurrentUser user = Access.staff();
        List<ClassRow> classes = organization.classes(scope.studentsOf(user), collegeId, cohort);
        model.addAttribute("classes", classes);
        model.addAttribute("colleges", organization.colleges());
        model.addAttribute("cohorts", organization.cohorts());
        return "organization/classes";
    }

    @GetMapping("/org/classes/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page, Model model) {
        CurrentUser user = Access.staff();
        scope.requireClass(user, id);
        ClassRow row = organization.classes(scope.studentsOf(user), null, null).stream().filter(c -> c.id() == id)
                .findFirst().orElseThrow(() -> BusinessException.notFound("error.not-found"));
        model.addAttribute("schoolClass", row);
        model.addAttribute("result", roster.search(user, new StudentQuery(null, null, id, null, StudentStatus.ACTIVE),
                page, 60));
        model.addAttribute("canEdit", user.acts(Role.ADMIN));
        if (ActivationSheets.issues(user)) {
            model.addAttribute("awaitingActivation", activationSheets.awaiting(user, id));
            model.addAttribute("pdfAvailable", sheetFiles.pdfAvailable());
        }
        if (user.acts(Role.ADMIN)) {
            model.addAttribute("staff", staff.search(null, row.collegeId(), 0, 200).items());
            model.addAttribute("currentCounselors", organization.counselorsOf(id));
        }
        return "organization/class";
    }

    /**
     * Issues new activation codes for the class's students who have not set a password and downloads the sheet
     * (PDF or .xlsx). A POST: every download replaces the codes of the sheet printed before.
     */
    @PostMapping("/org/classes/{id}/activation-sheet")
    void activationSheet(@PathVariable long id, @RequestParam(defaultValue = "pdf") String format, Locale locale,
            HttpServletResponse response) throws IOException {
        CurrentUser user = Access.staff();
        boolean pdf = switch (format) {
            case "pdf" -> true;
            case "xlsx" -> false;
            default -> throw BusinessException.invalid("organization.activation.format", format);
        };
        if (pdf && !sheetFiles.pdfAvailable()) {
            throw BusinessException.invalid("organization.activation.no-pdf");
        }
        ActivationSheets.Sheet sheet = activationSheets.issue(user, id);
        String name = sheet.className() + "-激活单";
        if (pdf) {
            response.setContentType("application/pdf");
            response.setHeader("Content-Disposition", Downloads.contentDisposition(name + ".pdf"));
            response.setHeader("Cache-Control", "no-store");
            sheetFiles.writePdf(sheet, IssuedCodePage.activateUrl(), locale, response.getOutputStream());
        } else {
            sheetFiles.writeXlsx(sheet, locale, Downloads.xlsx(response, name + ".xlsx"));
        }
    }

    @PostMapping("/org/classes/{id}/counselors")
    String counselors(@PathVariable long id, @RequestParam(required = false) List<Long> accountIds,
            RedirectAttributes redirect) {
        Access.admin();
        organization.setCounselors(id, accountIds == null ? List.of() : accountIds);
        redirect.addFlashAttribute("flash", "action.saved");
        return "redirect:/org/classes/" + id;
    }
}
