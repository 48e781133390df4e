package org.workstudy.notifications.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.identity.CurrentUser;
import org.workstudy.notifications.internal.NotificationView;
import org.workstudy.notifications.Notifications;
import org.workstudy.shared.PageResult;

/** The caller's own messages, with the text in the caller's language ({@code ?lang=en} or Accept-Language). */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "notifications")
class NotificationsApi {

    private final Notifications notifications;
    private final MessageSource messages;

    NotificationsApi(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    /** A message with its text rendered for the caller. */
    record NotificationItem(long id, Instant createdAt, String text, String messageKey, List<String> args,
            String link, boolean read) {
    }

    record UnreadCount(long unread) {
    }

    @Operation(summary = "The caller's messages, newest first")
    @GetMapping
    PageResult<NotificationItem> list(@RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page,
            @RequestParam(defaultValue = "20") int size, HttpServletRequest request) {
        Locale locale = locale(request);
        PageResult<NotificationView> result = notifications.list(CurrentUser.require().accountId(), page, size);
        return new PageResult<>(result.items().stream().map(m -> new NotificationItem(m.id(), m.createdAt(),
                messages.getMessage(m.messageKey(), m.params(), m.messageKey(), locale), m.messageKey(), m.args(),
                m.link(), m.read())).toList(), result.page(), result.size(), result.total());
    }

    @Operation(summary = "How many of the caller's messages are unread")
    @GetMapping("/unread-count")
    UnreadCount unreadCount() {
        return new UnreadCount(notifications.unreadCount(CurrentUser.require().accountId()));
    }

    @Operation(summary = "Marks one of the caller's messages read; 404 for another's")
    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable long id) {
        notifications.markRead(CurrentUser.require().accountId(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Marks all the caller's messages read")
    @PostMapping("/read-all")
    ResponseEntity<Void> readAll() {
        notifications.markAllRead(CurrentUser.require().accountId());
        return ResponseEntity.noContent().build();
    }

    /** {@code ?lang=} first, then an explicit Accept-Language header, then the language cookie, else Chinese. */
    private static Locale locale(HttpServletRequest request) {
        if (request.getParameter("lang") == null && request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
            return request.getLocale();
        }
        return LocaleContextHolder.getLocale();
    }
}
