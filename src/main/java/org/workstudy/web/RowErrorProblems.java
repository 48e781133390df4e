package org.workstudy.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.workstudy.shared.RowError;

/**
 * The API's answer to a refused spreadsheet upload: 422 with the summary in {@code detail} and every problem in
 * {@code errors} (Excel row, column, message key and message in the caller's language).
 */
public final class RowErrorProblems {

    private RowErrorProblems() {
    }

    public static ResponseEntity<ProblemDetail> refused(MessageSource messages, Locale locale, String type,
            String detail, List<RowError> errors, int unlisted) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setType(URI.create("urn:workstudy:" + type));
        problem.setProperty("errors", errors.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", e.row());
            m.put("column", e.column());
            m.put("code", e.messageKey());
            m.put("message", messages.getMessage(e.messageKey(), e.argArray(), e.messageKey(), locale));
            return m;
        }).toList());
        problem.setProperty("unlistedErrors", unlisted);
        return ResponseEntity.unprocessableContent().body(problem);
    }
}
