package org.workstudy.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file someone uploaded, sent back as a download (a certificate, an agreement, evidence): the type it was stored
 * with, its UTF-8 name in Content-Disposition, and no content sniffing by the browser.
 */
public final class UploadedFiles {

    private UploadedFiles() {
    }

    public static ResponseEntity<byte[]> attachment(String contentType, String fileName, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
