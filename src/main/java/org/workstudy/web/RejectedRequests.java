package org.workstudy.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.workstudy.shared.ProblemJson;

/**
 * A request Spring Security's firewall refuses before anything reads it (a NUL or an encoded slash in the path):
 * 400 as a problem detail for the API, like every other API error, and a plain 400 for pages. When the path matches
 * an API mapping, the problem names the path variable that holds the refused characters in {@code field}.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return (request, response, rejected) -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!path.startsWith("/api/")) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            String field = pathVariable(mappings, path);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String detail = field == null
                    ? "The request's path or parameters hold characters that are never valid here (a NUL, an encoded"
                            + " slash): 请求路径或参数含有不允许的字符。"
                    : "The path variable " + field + " holds characters that are never valid here (a NUL, an encoded"
                            + " slash): 路径参数 " + field + " 含有不允许的字符。";
            response.getWriter().write(ProblemJson.of("urn:workstudy:api.request.rejected", "Bad Request", 400, detail,
                    "field", field));
        };
    }

    /** The name of the path variable whose (still encoded) value holds a '%', or null when no mapping matches. */
    static String pathVariable(ObjectProvider<RequestMappingHandlerMapping> mappings, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (RequestMappingHandlerMapping mapping : mappings.orderedStream().toList()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                if (info.getPathPatternsCondition() == null) {
                    continue;
                }
                for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                    PathPattern.PathMatchInfo match = pattern.matchAndExtract(container);
                    if (match == null) {
                        continue;
                    }
                    for (Map.Entry<String, String> v : match.getUriVariables().entrySet()) {
                        if (hasRefusedCharacter(v.getValue())) {
                            return v.getKey();
                        }
                    }
                }
            }
        }
        return null;
    }

    private static boolean hasRefusedCharacter(String value) {
        return value.indexOf('%') >= 0 || JsonTextModule.hasControlCharacter(value) || value.indexOf('/') >= 0
                || value.indexOf('\\') >= 0;
    }
}
