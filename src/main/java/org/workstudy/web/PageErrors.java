package org.workstudy.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
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
    ModelAndView business(BusinessException e, HttpServletResponse response, jakarta.servlet.http.HttpServletRequest request) {
        int status = e.status() == 403 || e.status() == 404 ? e.status() : 400;
        response.setStatus(status);
        ModelAndView mav = new ModelAndView("error");
        mav.addObject("reasonKey", e.messageKey());
        mav.addObject("reasonArgs", e.args());
        mav.addObject("status", status);
        mav.addObject("me", layout.me());
        mav.addObject("menu", layout.menu());
        mav.addObject("currentPath", layout.currentPath(request));
        return mav;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(HttpServletResponse response, jakarta.servlet.http.HttpServletRequest request) {
        return business(BusinessException.forbidden(), response, request);
    }
}
