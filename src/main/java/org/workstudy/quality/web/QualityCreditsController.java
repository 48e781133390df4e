package org.workstudy.quality.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.ImportResult;
import org.workstudy.organization.Student;
import org.workstudy.quality.QualityCredits;
import org.workstudy.shared.RowError;

/**
 * Quality-development credits for the center and college work-study admins: the import (template, upload with its
 * row-by-row errors), a student's credits with their history, and the latest imports.
 */
@Controller
class QualityCreditsController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final QualityCredits quality;

    QualityCreditsController(QualityCredits quality) {
        this.quality = quality;
    }

    @GetMapping("/quality-credits")
    String page(@RequestParam(required = false) String studentNo, Model model) {
        CurrentUser user = CurrentUser.require();
        QualityCredits.requireManager(user);
        if (studentNo != null && !studentNo.isBlank()) {
            Optional<Student> found = quality.lookUp(user, studentNo);
            model.addAttribute("studentNo", studentNo.strip());
            found.ifPresent(s -> {
                model.addAttribute("found", s);
                model.addAttribute("standing", quality.standing(s.id()));
                model.addAttribute("entries", quality.history(user, s.id()));
            });
        }
        model.addAttribute("imports", quality.imports(user, 20));
        model.addAttribute("columns", QualityCredits.columns());
        model.addAttribute("maxRows", QualityCredits.MAX_ROWS);
        model.addAttribute("maxCredits", QualityCredits.MAX_CREDITS);
        return "credits/quality-credits";
    }

    @GetMapping("/quality-credits/template")
    void template(HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.require();
        QualityCredits.requireManager(user);
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("素质拓展学分导入模板.xlsx", StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        quality.writeTemplate(user, response.getOutputStream());
    }

    @PostMapping("/quality-credits/import")
    String upload(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        CurrentUser user = CurrentUser.require();
        QualityCredits.requireManager(user);
        ImportResult result;
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank())) {
            result = new ImportResult(0, List.of(new RowError(0, "", "quality.error.choose-file", List.of())), 0);
        } else {
            try (InputStream in = file.getInputStream()) {
                result = quality.importFile(user, file.getOriginalFilename(), in);
            }
        }
        if (!result.ok()) {
            model.addAttribute("result", result);
            return page(null, model);
        }
        redirect.addFlashAttribute("imported", result.imported());
        return "redirect:/quality-credits";
    }
}
