package org.workstudy.hours.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** Downloads with a Chinese file name: Content-Disposition with an ASCII fallback and RFC 5987 {@code filename*}. */
final class Attachments {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PDF = "application/pdf";

    private Attachments() {
    }

    static OutputStream open(HttpServletResponse response, String contentType, String fileName, String asciiFallback)
            throws IOException {
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", contentDisposition(fileName, asciiFallback));
        response.setHeader("Cache-Control", "no-store");
        return response.getOutputStream();
    }

    static String contentDisposition(String fileName, String asciiFallback) {
        return "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''" + encode(fileName);
    }

    /** RFC 5987 ext-value encoding: UTF-8 bytes, percent-encoded except attr-char. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** A file-name part without characters that file systems refuse. */
    static String safe(String name) {
        return name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\s]+", "");
    }
}
