package org.workstudy.notifications.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import org.workstudy.identity.CurrentUser;
import org.workstudy.notifications.internal.NotificationView;
import org.workstudy.notifications.Notifications;

/** The signed-in user's own messages: the list, opening one (marks it read, follows its link), marking all read. */
@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page, Model model) {
        model.addAttribute("result", notifications.list(CurrentUser.require().accountId(), page, 20));
        return "notifications/list";
    }

    @PostMapping("/notifications/{id}/open")
    RedirectView open(@PathVariable long id) {
        long accountId = CurrentUser.require().accountId();
        NotificationView message = notifications.find(accountId, id);
        notifications.markRead(accountId, id);
        RedirectView view = new RedirectView(Notifications.isLocalLink(message.link()) ? message.link()
                : "/notifications", true);
        view.setExpandUriTemplateVariables(false);
        return view;
    }

    @PostMapping("/notifications/read-all")
    String readAll(RedirectAttributes redirect) {
        notifications.markAllRead(CurrentUser.require().accountId());
        redirect.addFlashAttribute("flash", "notifications.all-read");
        return "redirect:/notifications";
    }
}
