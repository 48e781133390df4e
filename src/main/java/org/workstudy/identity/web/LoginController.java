package org.workstudy.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workstudy.identity.internal.SingleSignOn;

@Controller
class LoginController {

    private final SingleSignOn singleSignOn;

    LoginController(SingleSignOn singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    /** The password form, and the school's single sign-on when it is configured. */
    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("ssoOptions", singleSignOn.options());
        return "identity/login";
    }

    /** Why the identity system's sign-in did not open WorkStudy (nothing is created silently). */
    @GetMapping("/login/sso-refused")
    String refused(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model) {
        response.setStatus(403);
        SingleSignOn.Refusal refusal = singleSignOn.takeRefusal(request)
                .orElse(new SingleSignOn.Refusal("failed", ""));
        model.addAttribute("refusal", refusal);
        model.addAttribute("ssoOptions", singleSignOn.options());
        return "identity/sso-refused";
    }
}
