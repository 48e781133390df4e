package org.workstudy.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.identity.internal.AccountSelfService;
import org.workstudy.identity.Role;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;

/** The signed-in person's own account: password change (forced after an initial password) and role switch. */
@Controller
class AccountController {

    private final AccountSelfService self;

    AccountController(AccountSelfService self) {
        this.self = self;
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("forced", self.mustChangePassword());
        return "identity/password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String current, @RequestParam String next, @RequestParam String repeat,
            Model model, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        return Outcomes.attempt(() -> {
            if (!next.equals(repeat)) {
                throw BusinessException.invalid("identity.password.mismatch");
            }
            self.changePassword(current, next, request, response);
            redirect.addFlashAttribute("flash", "identity.password.changed");
            return "redirect:/";
        }, refusal -> {
            model.addAttribute("forced", self.mustChangePassword());
            Outcomes.refused(model, refusal);
            return "identity/password";
        });
    }

    @PostMapping("/account/role")
    String switchRole(@RequestParam Role role, HttpServletRequest request, HttpServletResponse response) {
        self.switchRole(role, request, response);
        return "redirect:/";
    }
}
