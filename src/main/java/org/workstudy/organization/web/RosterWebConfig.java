package org.workstudy.organization.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.workstudy.identity.Role;
import org.workstudy.web.MenuItem;

/** The roster import entry of the navigation, and a friendly answer to an upload over the size limit. */
@Configuration(proxyBeanMethods = false)
class RosterWebConfig {

    @Bean
    MenuItem rosterImportMenu() {
        return new MenuItem("nav.roster-import", "/org/students/import", Set.of(Role.ADMIN), 80);
    }

    /**
     * An upload over spring.servlet.multipart.max-file-size fails before any controller runs; on the roster import
     * pages it goes back to the page with a message. Elsewhere it is left to the default handling.
     */
    @ControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class UploadLimit {

        @ExceptionHandler(MaxUploadSizeExceededException.class)
        String tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request)
                throws MaxUploadSizeExceededException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.equals("/org/students/import") || path.equals("/org/staff/import")) {
                return "redirect:" + path + "?tooLarge";
            }
            throw e;
        }
    }
}
