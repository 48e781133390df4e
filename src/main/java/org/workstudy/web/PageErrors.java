package org.workstudy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.workstudy.shared.BusinessException;

/** A business error on a page renders the error page of its status, with the reason in the user's language. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private final LayoutModel layout;

    PageErrors(LayoutModel layout) {
        this.layout = layout;
    }

    @ExceptionHandler(BusinessException.class)
    ModelAndView business(BusinessException e, HttpServletResponse response, HttpServletRequest request) {
        int status = e.status() == 403 || e.status() == 404 ? e.status() : 400;
        response.setStatus(status);
        ModelAndView mav = new ModelAndView("error");
        mav.addObject("reasonKey", e.messageKey());
        mav.addObject("reasonArgs", e.args());
        mav.addObject("status", status);
        mav.addObject("me", layout.me());
        mav.addObject("menu", layout.menu());
        mav.addObject("menuGroups", layout.menuGroups());
        mav.addObject("currentPath", layout.currentPath(request));
        return mav;
    }

    /** An address parameter of the wrong type (a letter where a number goes, an unknown status): 400, not a 500. */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, HandlerMethodValidationException.class})
    ModelAndView badParameter(Exception e, HttpServletResponse response, HttpServletRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((HandlerMethodValidationException) e).getParameterValidationResults().stream().findFirst()
                        .map(r -> r.getMethodParameter().getParameterName()).orElse("?");
        return business(new BusinessException(400, "page.param.invalid", name), response, request);
    }

    /** What the database refused and a check above it missed (text too long, a NUL): the reason, not a 500. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView refusedByDatabase(DataIntegrityViolationException e, HttpServletResponse response,
            HttpServletRequest request) {
        String key = ApiProblems.DatabaseRefusals.messageKey(e);
        if (key == null) {
            throw e;
        }
        return business(new BusinessException(400, key, ApiProblems.DatabaseRefusals.limit(e)), response, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(HttpServletResponse response, HttpServletRequest request) {
        return business(BusinessException.forbidden(), response, request);
    }
}
