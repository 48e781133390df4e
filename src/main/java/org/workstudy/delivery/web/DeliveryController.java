package org.workstudy.delivery.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.delivery.internal.Preference;
import org.workstudy.delivery.internal.Preferences;
import org.workstudy.delivery.internal.SchoolDelivery;
import org.workstudy.identity.CurrentUser;
import org.workstudy.shared.web.Outcomes;

/** Each signed-in person's own channels: /delivery/settings (only their own; there is no id to change). */
@Controller
class DeliveryController {

    private final Preferences preferences;
    private final SchoolDelivery school;

    DeliveryController(Preferences preferences, SchoolDelivery school) {
        this.preferences = preferences;
        this.school = school;
    }

    @GetMapping("/delivery/settings")
    String page(Model model) {
        CurrentUser user = CurrentUser.require();
        return page(model, user, preferences.of(user));
    }

    @PostMapping("/delivery/settings")
    String save(@RequestParam(required = false) String email, @RequestParam(defaultValue = "false") boolean emailOn,
            @RequestParam(defaultValue = "false") boolean groupOn, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        return Outcomes.attempt(() -> {
            preferences.save(user, email, emailOn, groupOn);
            redirect.addFlashAttribute("flash", "delivery.saved");
            return "redirect:/delivery/settings";
        }, e -> {
            Outcomes.refused(model, e);
            return page(model, user, new Preference(email, emailOn, groupOn));
        });
    }

    private String page(Model model, CurrentUser user, Preference preference) {
        model.addAttribute("preference", preference);
        model.addAttribute("channels", school.switches());
        model.addAttribute("recent", preferences.recent(user));
        return "delivery/settings";
    }
}
