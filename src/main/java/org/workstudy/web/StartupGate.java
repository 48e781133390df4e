package org.workstudy.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;

/**
 * While the application is not ready (Spring Boot's readiness turns to ACCEPTING_TRAFFIC once start-up work such as
 * loading the demo school is done, and back when it shuts down), every page and sign-in answers 503 "being prepared"
 * and refreshes itself, and the API answers a 503 problem. Without it, sign-in with a demo account would say "wrong
 * password" while the accounts are still being created.
 */
@Configuration(proxyBeanMethods = false)
class StartupGate {

    static final int RETRY_SECONDS = 5;
    private static final String[] ASSETS = {"/css/", "/js/", "/img/", "/webjars/", "/favicon.ico"};

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> startupGateFilter(ApplicationAvailability availability,
            ITemplateEngine templates, MessageSource messages, LocaleResolver locales) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Gate(availability, templates, messages, locales));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // before sessions and security: no database work
        return registration;
    }

    private static final class Gate extends OncePerRequestFilter {

        private final ApplicationAvailability availability;
        private final ServiceUnavailable unavailable;

        Gate(ApplicationAvailability availability, ITemplateEngine templates, MessageSource messages,
                LocaleResolver locales) {
            this.availability = availability;
            this.unavailable = new ServiceUnavailable(templates, messages, locales, "starting", RETRY_SECONDS);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC || isAsset(request)) {
                chain.doFilter(request, response);
                return;
            }
            unavailable.answer(request, response, getServletContext());
        }

        private static boolean isAsset(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            for (String asset : ASSETS) {
                if (path.startsWith(asset)) {
                    return true;
                }
            }
            return false;
        }
    }
}
