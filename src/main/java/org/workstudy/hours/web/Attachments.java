package org.workstudy.hours.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;

import jakarta.servlet.http.HttpServletResponse;

/** Downloads with a Chinese file name: Content-Disposition with an ASCII fallback and RFC 5987 {@code filename*}. */
final class Attachments {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PDF = "application/pdf";

    private Attachments() {
    }

    static OutputStream open(HttpServletResponse response, String contentType, String fileName)
            throws IOException {
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", contentDisposition(fileName));
        response.setHeader("Cache-Control", "no-store");
        return response.getOutputStream();
    }

    /** {@code attachment} with the file name in UTF-8 ({@code filename*}, RFC 5987), as Spring writes it. */
    static String contentDisposition(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }

    /** A file-name part without characters that file systems refuse. */
    static String safe(String name) {
        return name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\s]+", "");
    }
}
