package org.workstudy.organization.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** Spreadsheet downloads: content type and a Content-Disposition with the Chinese file name (RFC 6266/5987). */
final class Downloads {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {
    }

    /** Prepares the response for an .xlsx attachment and returns its body. */
    static OutputStream xlsx(HttpServletResponse response, String fileName, String asciiFallback) throws IOException {
        response.setContentType(XLSX);
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
}
