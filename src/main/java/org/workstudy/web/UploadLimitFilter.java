package org.workstudy.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.workstudy.shared.ProblemJson;

/**
 * Refuses an upload larger than {@code spring.servlet.multipart.max-request-size} before anything reads it — before
 * Spring Security, whose CSRF check would otherwise fail on the unparsed form and answer a bare 403 — with the limit
 * in words: a problem detail (413) for the API, the error page with a Chinese message for pages.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimitFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadLimit(MessageSource messages, LocaleResolver locales,
            @Value("${spring.servlet.multipart.max-request-size:20MB}") DataSize limit) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                refuseOversized(messages, locales, limit));
        // Before Spring Security (at -100) and anything else that might read the body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    private static OncePerRequestFilter refuseOversized(MessageSource messages, LocaleResolver locales,
            DataSize limit) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                long length = request.getContentLengthLong();
                if (length <= limit.toBytes()) {
                    chain.doFilter(request, response);
                    return;
                }
                long mb = limit.toMegabytes();
                if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    Locale locale = locales.resolveLocale(request);
                    String detail = messages.getMessage("upload.too-large", new Object[] {mb}, locale);
                    response.setStatus(413);
                    response.setContentType("application/problem+json");
                    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    response.getWriter().write(ProblemJson.of("urn:workstudy:upload.too-large", "Content Too Large", 413,
                            detail, "limitMb", mb));
                    return;
                }
                // The error page (error.html), rendered by Spring Boot's error controller, reads these attributes.
                request.setAttribute("reasonKey", "upload.too-large");
                request.setAttribute("reasonArgs", new Object[] {mb});
                request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 413);
                request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
                response.setStatus(413);
                // Forwarded as a GET without a body, so that nothing on the way tries to parse the refused upload.
                HttpServletRequest bodiless = new HttpServletRequestWrapper(request) {
                    @Override
                    public String getMethod() {
                        return "GET";
                    }

                    @Override
                    public String getContentType() {
                        return null;
                    }

                    // Parameters would make Tomcat parse the refused body: the error page needs none.
                    @Override
                    public String getParameter(String name) {
                        return null;
                    }

                    @Override
                    public java.util.Map<String, String[]> getParameterMap() {
                        return java.util.Map.of();
                    }

                    @Override
                    public java.util.Enumeration<String> getParameterNames() {
                        return java.util.Collections.emptyEnumeration();
                    }

                    @Override
                    public String[] getParameterValues(String name) {
                        return null;
                    }

                    @Override
                    public String getHeader(String name) {
                        return "Content-Type".equalsIgnoreCase(name) ? null : super.getHeader(name);
                    }
                };
                request.getRequestDispatcher("/error").forward(bodiless, response);
            }
        };
    }

    /**
     * Tomcat reads and drops up to this much of a refused body, so that the browser, still sending, receives our
     * answer rather than a reset connection. Bounded (twice the upload limit) so that nobody can make us read forever.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> swallowRefusedUploads(
            @Value("${spring.servlet.multipart.max-request-size:20MB}") DataSize limit) {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxSwallowSize((int) Math.min(Integer.MAX_VALUE, limit.toBytes() * 2));
            }
        });
    }
}
