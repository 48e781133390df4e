package org.workstudy.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import org.workstudy.shared.ProblemJson;

/**
 * A 503 answer written before sessions, security and the database are involved (start-up, database outage): a
 * problem detail for the API, otherwise a self-refreshing page with its own CSP, in the pages' language, with
 * {@code Retry-After}.
 */
final class ServiceUnavailable {

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final String kind;
    private final int retrySeconds;

    /** {@code kind} names the texts: {@code <kind>.title}, {@code <kind>.text}, {@code <kind>.refresh}. */
    ServiceUnavailable(ITemplateEngine templates, MessageSource messages, LocaleResolver locales, String kind,
            int retrySeconds) {
        this.templates = templates;
        this.messages = messages;
        this.locales = locales;
        this.kind = kind;
        this.retrySeconds = retrySeconds;
    }

    void answer(HttpServletRequest request, HttpServletResponse response, ServletContext servletContext)
            throws IOException {
        Locale locale = locales.resolveLocale(request); // the pages' rule: language cookie, else the browser's
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(retrySeconds));
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write(ProblemJson.of("about:blank", "Service Unavailable", 503,
                    messages.getMessage(kind + ".text", null, locale)));
            return;
        }
        response.setContentType("text/html");
        response.setHeader("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; script-src 'none'; object-src 'none'");
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(request, response), locale);
        context.setVariable("kind", kind);
        context.setVariable("retrySeconds", retrySeconds);
        templates.process("web/unavailable", context, response.getWriter());
    }
}
