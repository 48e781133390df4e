package org.workstudy.recognition.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.workstudy.recognition.Recognitions;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.College;
import org.workstudy.recognition.internal.RecognitionExport;

/** Downloads of the credits pages and API: a Chinese file name (RFC 5987) and no caching of personal data. */
public final class RecognitionDownloads {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";

    private RecognitionDownloads() {
    }

    public static OutputStream open(HttpServletResponse response, String contentType, String fileName)
            throws IOException {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName.replaceAll("[\\\\/:*?\"<>|\\s]+", ""), StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.getOutputStream();
    }

    /**
     * The registrar's export for pages and API, after the reader's check: 学分认定-2024级-信息工程学院.xlsx, or
     * 学分认定-2024级-全校.xlsx for the whole school.
     */
    public static void export(RecognitionExport export, Recognitions recognitions, CurrentUser user, Long collegeId,
            int cohort, Locale locale, HttpServletResponse response) throws IOException {
        export.requireAllowed(user, collegeId);
        String college = collegeId == null ? "全校" : recognitions.colleges(user).stream()
                .filter(c -> c.id() == collegeId).map(College::name).findFirst().orElse("");
        export.write(user, collegeId, cohort, locale, open(response, XLSX, "学分认定-" + cohort + "级-" + college
                + ".xlsx"));
    }
}
