package org.workstudy.credits.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Downloads of the credits pages: a Chinese file name (RFC 5987) and no caching of personal data. */
final class Downloads {

    static final String PDF = "application/pdf";

    private Downloads() {
    }

    static OutputStream open(HttpServletResponse response, String contentType, String fileName) throws IOException {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName.replaceAll("[\\\\/:*?\"<>|\\s]+", ""), StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.getOutputStream();
    }
}
