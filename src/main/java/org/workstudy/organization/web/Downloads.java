package org.workstudy.organization.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;

import jakarta.servlet.http.HttpServletResponse;

/** Spreadsheet downloads: content type and a Content-Disposition with the Chinese file name (RFC 6266/5987). */
final class Downloads {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {
    }

    /** Prepares the response for an .xlsx attachment and returns its body. */
    static OutputStream xlsx(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", contentDisposition(fileName));
        response.setHeader("Cache-Control", "no-store");
        return response.getOutputStream();
    }

    /** {@code attachment} with the file name in UTF-8 ({@code filename*}, RFC 5987), as Spring writes it. */
    static String contentDisposition(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }
}
