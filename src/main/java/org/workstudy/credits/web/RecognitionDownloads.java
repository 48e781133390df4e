package org.workstudy.credits.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

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

    /** 学分认定-2024级-信息工程学院.xlsx, or 学分认定-2024级-全校.xlsx */
    public static String exportName(Integer cohort, String collegeName) {
        return "学分认定-" + cohort + "级-" + (collegeName == null ? "全校" : collegeName) + ".xlsx";
    }
}
