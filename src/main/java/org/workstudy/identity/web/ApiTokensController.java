package org.workstudy.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.identity.internal.ApiTokens;
import org.workstudy.identity.CurrentUser;
import org.workstudy.shared.web.Outcomes;

/** The signed-in person's personal access tokens (account menu → API 令牌). */
@Controller
class ApiTokensController {

    private final ApiTokens tokens;

    ApiTokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/account/tokens")
    String list(Model model) {
        return page(model);
    }

    /** Shows the new token on this answer only (not through a redirect, so that it is never stored in the session). */
    @PostMapping("/account/tokens")
    String issue(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "90") Integer validDays,
            Model model) {
        Outcomes.attempt(model, () -> tokens.issue(CurrentUser.require(), name, validDays)).ifPresentOrElse(
                issued -> model.addAttribute("issued", issued),
                () -> model.addAttribute("name", name));
        return page(model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(CurrentUser.require(), id);
        redirect.addFlashAttribute("flash", "identity.tokens.revoked");
        return "redirect:/account/tokens";
    }

    private String page(Model model) {
        model.addAttribute("tokens", tokens.of(CurrentUser.require()));
        return "identity/tokens";
    }
}
