package org.workstudy.delivery.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.delivery.internal.SchoolDelivery;
import org.workstudy.delivery.internal.SchoolSettings;
import org.workstudy.delivery.internal.SchoolSettingsForm;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.ScopeKind;
import org.workstudy.shared.web.Outcomes;

/**
 * The school's delivery settings and the undelivered messages, under /admin/delivery (ADMIN only: the URL rule in
 * SecurityConfig, and SchoolDelivery checks again).
 */
@Controller
class DeliveryAdminController {

    private static final String PAGE = "/admin/delivery";

    private final SchoolDelivery school;

    DeliveryAdminController(SchoolDelivery school) {
        this.school = school;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        CurrentUser user = CurrentUser.require();
        return page(model, user, school.settings(user));
    }

    @PostMapping(PAGE + "/settings")
    String saveSettings(@RequestParam(defaultValue = "false") boolean emailOn,
            @RequestParam(required = false) String smtpHost, @RequestParam(required = false) String smtpPort,
            @RequestParam(required = false) String smtpSecurity, @RequestParam(required = false) String smtpUsername,
            @RequestParam(required = false) String smtpPassword,
            @RequestParam(defaultValue = "false") boolean clearSmtpPassword,
            @RequestParam(required = false) String smtpFrom, @RequestParam(defaultValue = "false") boolean groupOn,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        Integer port = port(smtpPort);
        return Outcomes.attempt(() -> {
            school.saveSettings(user, new SchoolSettingsForm(emailOn, smtpHost, port, smtpSecurity, smtpUsername,
                    smtpPassword, clearSmtpPassword, smtpFrom, groupOn));
            redirect.addFlashAttribute("flash", "delivery.saved");
            return "redirect:" + PAGE;
        }, e -> {
            Outcomes.refused(model, e);
            SchoolSettings stored = school.settings(user);
            // what was typed stays (never the password)
            return page(model, user, new SchoolSettings(emailOn, smtpHost, port == null ? 465 : port,
                    smtpSecurity, smtpUsername, stored.smtpPasswordSet(), smtpFrom, groupOn));
        });
    }

    private static Integer port(String smtpPort) {
        try {
            return smtpPort == null || smtpPort.isBlank() ? null : Integer.valueOf(smtpPort.strip());
        } catch (NumberFormatException e) {
            return -1; // refused by the service as "not a port"
        }
    }

    @PostMapping(PAGE + "/robots")
    String saveRobot(@RequestParam(required = false) String scopeKind, @RequestParam(required = false) String scopeId,
            @RequestParam(required = false) String provider, @RequestParam(required = false) String webhook,
            @RequestParam(required = false) String secret, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        Outcomes.attempt(redirect, "delivery.robot.saved", () -> school.saveRobot(user, scopeKind,
                parseId(scopeId), provider, webhook, secret));
        return "redirect:" + PAGE + "#robots";
    }

    @PostMapping(PAGE + "/robots/{id}/delete")
    String deleteRobot(@PathVariable long id, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        Outcomes.attempt(redirect, "delivery.robot.deleted", () -> school.deleteRobot(user, id));
        return "redirect:" + PAGE + "#robots";
    }

    @PostMapping(PAGE + "/outbox/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        Outcomes.attempt(redirect, "delivery.retry.queued", () -> school.retry(user, id));
        return "redirect:" + PAGE + "#failures";
    }

    @PostMapping(PAGE + "/outbox/retry-all")
    String retryAll(RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        Outcomes.attempt(redirect, "delivery.retry.queued", () -> school.retry(user, null));
        return "redirect:" + PAGE + "#failures";
    }

    private String page(Model model, CurrentUser user, SchoolSettings settings) {
        model.addAttribute("settings", settings);
        model.addAttribute("robots", school.robots(user));
        model.addAttribute("classes", school.options(user, ScopeKind.CLASS));
        model.addAttribute("colleges", school.options(user, ScopeKind.COLLEGE));
        model.addAttribute("counts", school.counts(user));
        model.addAttribute("troubles", school.troubles(user));
        return "delivery/admin";
    }

    private static Long parseId(String id) {
        try {
            return id == null || id.isBlank() ? null : Long.valueOf(id.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
