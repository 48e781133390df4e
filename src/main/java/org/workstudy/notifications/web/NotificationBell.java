package org.workstudy.notifications.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.workstudy.identity.CurrentUser;
import org.workstudy.notifications.Notifications;

/**
 * The unread count for the bell in the layout's navigation bar; null (no bell) when nobody is signed in, and not
 * counted for the JSON API, which has no layout.
 */
@ControllerAdvice(annotations = Controller.class)
class NotificationBell {

    private final Notifications notifications;

    NotificationBell(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    Long unreadNotifications(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        return CurrentUser.find().map(user -> notifications.unreadCount(user.accountId())).orElse(null);
    }
}
