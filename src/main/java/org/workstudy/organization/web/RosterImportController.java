package org.workstudy.organization.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.ImportColumn;
import org.workstudy.organization.ImportResult;
import org.workstudy.organization.internal.RosterExport;
import org.workstudy.organization.internal.RosterImport;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.RowError;

/** Roster upload pages and templates, for students and staff alike ({kind} is "students" or "staff"); ADMIN only. */
@Controller
class RosterImportController {

    private final RosterImport imports;
    private final RosterExport exports;

    RosterImportController(RosterImport imports, RosterExport exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @GetMapping("/org/{kind:students|staff}/import")
    String show(@PathVariable String kind, Model model) {
        requireAdmin();
        return page(kind, model);
    }

    @PostMapping("/org/{kind:students|staff}/import")
    String upload(@PathVariable String kind, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        requireAdmin();
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank())) {
            model.addAttribute("result", new ImportResult(0, List.of(new RowError(0, "",
                    "roster.import.choose-file", List.of())), 0));
            return page(kind, model);
        }
        ImportResult result;
        try (InputStream in = file.getInputStream()) {
            result = "students".equals(kind) ? imports.importStudents(in, CurrentUser.require())
                    : imports.importStaff(in);
        }
        if (!result.ok()) {
            model.addAttribute("result", result);
            model.addAttribute("fileName", file.getOriginalFilename());
            return page(kind, model);
        }
        if (!result.activationCodes().isEmpty()) {
            // the codes are shown on this answer only, never stored in the clear (not even in a flash attribute)
            model.addAttribute("imported", result.imported());
            model.addAttribute("codes", result.activationCodes());
            return page(kind, model);
        }
        redirect.addFlashAttribute("imported", result.imported());
        redirect.addFlashAttribute("importedChanges", result.statusChanges());
        return "redirect:/org/" + kind + "/import";
    }

    @GetMapping("/org/students/import/template")
    void studentTemplate(HttpServletResponse response) throws IOException {
        requireAdmin();
        exports.writeStudentTemplate(Downloads.xlsx(response, "学生名单模板.xlsx"));
    }

    @GetMapping("/org/staff/import/template")
    void staffTemplate(HttpServletResponse response) throws IOException {
        requireAdmin();
        exports.writeStaffTemplate(Downloads.xlsx(response, "教职工名单模板.xlsx"));
    }

    private static String page(String kind, Model model) {
        boolean students = "students".equals(kind);
        List<ImportColumn> columns = students ? RosterImport.studentColumns() : RosterImport.staffColumns();
        model.addAttribute("kind", kind);
        model.addAttribute("columns", columns);
        model.addAttribute("maxRows", students ? RosterImport.MAX_STUDENT_ROWS : RosterImport.MAX_STAFF_ROWS);
        return "organization/import";
    }

    private static void requireAdmin() {
        if (!CurrentUser.require().acts(Role.ADMIN)) {
            throw BusinessException.forbidden();
        }
    }
}
