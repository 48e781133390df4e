package org.workstudy.hours.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.hours.internal.BulkEntryResult;
import org.workstudy.hours.internal.HoursBulkEntry;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.SchoolClass;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.RowError;

/** Bulk entry of a class's hours from .xlsx (counselors): the page, the class template and the upload. */
@Controller
class BulkEntryController {

    private final HoursBulkEntry bulk;
    private final Organization organization;
    private final DataScope scope;

    BulkEntryController(HoursBulkEntry bulk, Organization organization, DataScope scope) {
        this.bulk = bulk;
        this.organization = organization;
        this.scope = scope;
    }

    @GetMapping("/hours/classes/{id:\\d+}/work-records/import")
    String show(@PathVariable long id, Model model) {
        return page(schoolClass(id), model);
    }

    @GetMapping("/hours/classes/{id:\\d+}/work-records/import/template")
    void template(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        SchoolClass c = schoolClass(id);
        bulk.writeTemplate(CurrentUser.require(), id, locale, Attachments.open(response, Attachments.XLSX,
                "工时登记模板-" + Attachments.safe(c.name()) + ".xlsx"));
    }

    @PostMapping("/hours/classes/{id:\\d+}/work-records/import")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        SchoolClass c = schoolClass(id);
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank())) {
            model.addAttribute("result", new BulkEntryResult(0, List.of(new RowError(0, "",
                    "bulk.error.choose-file", List.of())), 0));
            return page(c, model);
        }
        BulkEntryResult result;
        try (InputStream in = file.getInputStream()) {
            result = bulk.upload(CurrentUser.require(), id, in);
        }
        if (!result.ok()) {
            model.addAttribute("result", result);
            model.addAttribute("fileName", file.getOriginalFilename());
            return page(c, model);
        }
        redirect.addFlashAttribute("recorded", result.recorded());
        return "redirect:/hours/classes/" + id + "/work-records/import";
    }

    private SchoolClass schoolClass(long id) {
        CurrentUser user = CurrentUser.require();
        if (!user.acts(org.workstudy.identity.Role.COUNSELOR)) {
            throw BusinessException.forbidden();
        }
        scope.requireClass(user, id);
        return organization.schoolClass(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
    }

    private String page(SchoolClass c, Model model) {
        model.addAttribute("schoolClass", c);
        model.addAttribute("columns", HoursBulkEntry.columns());
        model.addAttribute("maxRows", bulk.maxRows());
        return "hours/bulk";
    }
}
