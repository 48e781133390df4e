package org.workstudy.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.identity.internal.AccountSelfService;
import org.workstudy.identity.Activations;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;

/**
 * First sign-in (public page): 学号 or 工号, the activation code from the class sheet, and the password the person
 * chooses. A sign-in on the login page with the code comes here with both filled in.
 */
@Controller
class ActivationController {

    private final AccountSelfService self;

    ActivationController(AccountSelfService self) {
        this.self = self;
    }

    @GetMapping("/activate")
    String form(HttpServletRequest request, Model model) {
        self.startedActivation(request).ifPresent(started -> {
            model.addAttribute("username", started[0]);
            model.addAttribute("code", started[1]);
            model.addAttribute("fromSignIn", true);
            if (self.checkActivation(started[0], started[1]) == Activations.Check.EXPIRED) {
                model.addAttribute("errorKey", "identity.activation.expired");
            }
        });
        return "identity/activate";
    }

    @PostMapping("/activate")
    String activate(@Valid ActivationForm form, BindingResult binding, Model model, RedirectAttributes redirect,
            HttpServletRequest request, HttpServletResponse response) {
        return Outcomes.attempt(() -> {
            if (binding.hasErrors()) {
                throw BusinessException.invalid("identity.activation.required");
            }
            if (!form.next().equals(form.repeat())) {
                throw BusinessException.invalid("identity.password.mismatch");
            }
            self.activate(form.username(), form.code(), form.next(), request, response);
            redirect.addFlashAttribute("flash", "identity.activation.done");
            return "redirect:/";
        }, refusal -> {
            model.addAttribute("username", form.username().strip());
            model.addAttribute("code", form.code().strip());
            Outcomes.refused(model, refusal);
            return "identity/activate";
        });
    }
}
