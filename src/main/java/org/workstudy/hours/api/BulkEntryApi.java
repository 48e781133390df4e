package org.workstudy.hours.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.workstudy.hours.internal.BulkEntryResult;
import org.workstudy.hours.internal.HoursBulkEntry;
import org.workstudy.identity.CurrentUser;
import org.workstudy.shared.RowError;
import org.workstudy.web.RowErrorProblems;

/** Bulk entry of a class's hours from .xlsx, all or nothing, as on the page. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "hours")
class BulkEntryApi {

    private final HoursBulkEntry bulk;
    private final MessageSource messages;

    BulkEntryApi(HoursBulkEntry bulk, MessageSource messages) {
        this.bulk = bulk;
        this.messages = messages;
    }

    record Recorded(int recorded) {
    }

    @Operation(summary = "Record a class's hours from an .xlsx (the class template's columns; counselors of the class)."
            + " All rows valid: 201 with the count. Otherwise nothing is written: 422, a problem detail whose"
            + " 'errors' list each problem with its Excel row (0: the file), column and message")
    @PostMapping(path = "/classes/{id}/work-records/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
            Locale locale) throws IOException {
        BulkEntryResult result;
        if (file == null) {
            result = new BulkEntryResult(0, List.of(new RowError(0, "", "bulk.error.choose-file", List.of())), 0);
        } else {
            try (InputStream in = file.getInputStream()) {
                result = bulk.upload(CurrentUser.require(), id, in);
            }
        }
        if (result.ok()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(new Recorded(result.recorded()));
        }
        String detail = result.fileProblem() ? message(result.errors().get(0), locale)
                : messages.getMessage("bulk.errors.title", new Object[] {result.errors().size()
                        + result.unlistedErrors()}, locale) + " "
                        + messages.getMessage("bulk.errors.nothing-written", null, locale);
        return RowErrorProblems.refused(messages, locale, "bulk.refused", detail, result.errors(),
                result.unlistedErrors());
    }

    private String message(RowError e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.argArray(), e.messageKey(), locale);
    }
}
