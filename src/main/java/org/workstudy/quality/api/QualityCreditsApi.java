package org.workstudy.quality.api;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.ImportResult;
import org.workstudy.organization.Student;
import org.workstudy.quality.internal.QualityCreditEntry;
import org.workstudy.quality.QualityCredits;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.RowError;
import org.workstudy.web.RowErrorProblems;

/** Quality-development credits: the .xlsx import (all or nothing) and a student's credits, as on the page. */
@RestController
@RequestMapping("/api/v1/quality-credits")
@Tag(name = "quality credits")
class QualityCreditsApi {

    private final QualityCredits quality;
    private final MessageSource messages;

    QualityCreditsApi(QualityCredits quality, MessageSource messages) {
        this.quality = quality;
        this.messages = messages;
    }

    record Imported(int imported) {
    }

    @Operation(summary = "Import credits from an .xlsx (学号, 姓名, 素质拓展学分, 备注; center staff and director: any"
            + " student, college work-study admin: their college's). All rows valid: 201 with the count. Otherwise"
            + " nothing is written: 422 with 'errors' (Excel row, column, message)")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@RequestParam(required = false) MultipartFile file, Locale locale) throws IOException {
        CurrentUser user = CurrentUser.require();
        QualityCredits.requireManager(user);
        ImportResult result;
        if (file == null) {
            result = new ImportResult(0, List.of(new RowError(0, "", "quality.error.choose-file", List.of())), 0);
        } else {
            try (InputStream in = file.getInputStream()) {
                result = quality.importFile(user, file.getOriginalFilename(), in);
            }
        }
        if (result.ok()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(result.imported()));
        }
        String detail = messages.getMessage("quality.errors.title", new Object[] {result.errors().size()
                + result.unlistedErrors()}, locale) + " "
                + messages.getMessage("quality.errors.nothing-written", null, locale);
        return RowErrorProblems.refused(messages, locale, "quality.refused", detail, result.errors(),
                result.unlistedErrors());
    }

    record Credits(long studentId, String studentNo, String name, BigDecimal current, BigDecimal used,
            BigDecimal available, List<QualityCreditEntry> history) {
    }

    @Operation(summary = "A student's credits by student number: current, held by offsets, available, and history")
    @GetMapping("/{studentNo}")
    Credits credits(@PathVariable String studentNo) {
        CurrentUser user = CurrentUser.require();
        Student s = quality.lookUp(user, studentNo).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        var standing = quality.standing(s.id());
        return new Credits(s.id(), s.studentNo(), s.name(), standing.current(), standing.used(), standing.available(),
                quality.history(user, s.id()));
    }
}
