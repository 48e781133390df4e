package org.workstudy.identity;

import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The page that shows a newly issued activation code once, to whoever issued it (a reset, a new student). */
public final class IssuedCodePage {

    public static final String VIEW = "identity/activation-code";

    private IssuedCodePage() {
    }

    public static void fill(Model model, String displayName, String username, Activations.IssuedCode issued,
            String backUrl) {
        model.addAttribute("displayName", displayName);
        model.addAttribute("username", username);
        model.addAttribute("issued", issued);
        model.addAttribute("expiresAt", issued.expiresAt());
        model.addAttribute("activateUrl", activateUrl());
        model.addAttribute("backUrl", backUrl);
    }

    /** Where a person activates their account, as seen from the current request (behind the school's host name). */
    public static String activateUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/activate").toUriString();
    }
}
