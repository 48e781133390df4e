package org.workstudy.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The API reads JSON and multipart bodies only. A request that sends any other body type — above all a plain HTML
 * form post, which any web site can make a browser send — is refused with 415 before it reaches an operation, even
 * when the operation reads no body (such as {@code POST /positions/4/close}).
 */
class ApiBodyTypes implements HandlerInterceptor {

    private static final List<MediaType> ACCEPTED = List.of(MediaType.APPLICATION_JSON,
            MediaType.valueOf("application/*+json"), MediaType.MULTIPART_FORM_DATA);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return true;
        }
        String header = request.getContentType();
        if (header == null || header.isBlank()) {
            // No declared type: only a request without a body passes (a program's POST .../close).
            if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
                throw new HttpMediaTypeNotSupportedException((MediaType) null, ACCEPTED);
            }
            return true;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException(e.getMessage());
        }
        if (ACCEPTED.stream().noneMatch(a -> a.includes(type))) {
            throw new HttpMediaTypeNotSupportedException(type, ACCEPTED);
        }
        return true;
    }
}
