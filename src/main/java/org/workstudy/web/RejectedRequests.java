package org.workstudy.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request Spring Security's firewall refuses before anything reads it (a NUL or an encoded slash in the path):
 * 400 as a problem detail for the API, like every other API error, and a plain 400 for pages.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!path.startsWith("/api/")) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"urn:workstudy:api.request.rejected\",\"title\":\"Bad Request\","
                    + "\"status\":400,\"detail\":\"The request's path or parameters hold characters that are never"
                    + " valid here (a NUL, an encoded slash): 请求路径或参数含有不允许的字符。\"}");
        };
    }
}
