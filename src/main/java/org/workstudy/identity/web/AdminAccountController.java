package org.workstudy.identity.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.identity.AccountView;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Activations;
import org.workstudy.identity.IssuedCodePage;
import org.workstudy.identity.Grant;
import org.workstudy.identity.NewAccount;
import org.workstudy.identity.Role;
import org.workstudy.identity.internal.SignInThrottle;
import org.workstudy.identity.ScopeDirectory;
import org.workstudy.identity.ScopeKind;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;

/** Administrators manage accounts and their grants (URL rule: ADMIN only, see SecurityConfig). */
@Controller
@RequestMapping("/admin/accounts")
class AdminAccountController {

    private final Accounts accounts;
    private final Activations activations;
    private final List<ScopeDirectory> directories;
    private final SignInThrottle throttle;
    private final java.time.Clock clock;

    AdminAccountController(Accounts accounts, Activations activations, List<ScopeDirectory> directories,
            SignInThrottle throttle, java.time.Clock clock) {
        this.accounts = accounts;
        this.activations = activations;
        this.directories = directories;
        this.throttle = throttle;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page, Model model) {
        model.addAttribute("result", accounts.search(q, role, page, 20));
        model.addAttribute("roles", Role.values());
        return "identity/accounts";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        AccountView account = accounts.find(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        model.addAttribute("account", account);
        model.addAttribute("throttles", throttle.of(account.username()));
        model.addAttribute("now", clock.instant());
        Map<Grant, String> grantNames = new LinkedHashMap<>();
        account.grants().forEach(g -> grantNames.put(g, scopeName(g)));
        model.addAttribute("grantNames", grantNames);
        model.addAttribute("roles", Role.values());
        Map<ScopeKind, List<ScopeDirectory.ScopeOption>> options = new LinkedHashMap<>();
        Arrays.stream(ScopeKind.values()).filter(ScopeKind::needsId)
                .forEach(k -> options.put(k, directory(k).map(d -> d.options(k)).orElse(List.of())));
        model.addAttribute("scopeOptions", options);
        return "identity/account";
    }

    @PostMapping
    String create(@Valid NewAccountForm form, BindingResult binding, RedirectAttributes redirect) {
        return Outcomes.attempt(() -> {
            if (binding.hasErrors()) {
                throw BusinessException.invalid("error.required");
            }
            Role role = form.role();
            List<Grant> grants = role != null && role.scopeKind() == ScopeKind.SCHOOL ? List.of(Grant.school(role))
                    : List.of();
            long id = accounts.create(new NewAccount(form.username().trim(), form.displayName().trim(),
                    form.password(), true, grants));
            redirect.addFlashAttribute("flash", "action.saved");
            return "redirect:/admin/accounts/" + id;
        }, refusal -> {
            Outcomes.refused(redirect, refusal);
            return "redirect:/admin/accounts";
        });
    }

    @PostMapping("/{id}/grants")
    String grant(@PathVariable long id, @RequestParam Role role, @RequestParam(required = false) Long scopeId,
            RedirectAttributes redirect) {
        if (role.scopeKind().needsId() && (scopeId == null || scopeName(Grant.of(role, scopeId)) == null)) {
            redirect.addFlashAttribute("errorKey", "identity.grant.scope-required");
        } else {
            accounts.grant(id, Grant.of(role, scopeId));
            redirect.addFlashAttribute("flash", "action.saved");
        }
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/grants/revoke")
    String revoke(@PathVariable long id, @RequestParam Role role, @RequestParam(required = false) Long scopeId,
            RedirectAttributes redirect) {
        accounts.revoke(id, Grant.of(role, scopeId));
        redirect.addFlashAttribute("flash", "action.saved");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        accounts.setEnabled(id, enabled);
        redirect.addFlashAttribute("flash", "action.saved");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        accounts.unlock(id);
        accounts.find(id).ifPresent(a -> throttle.clear(a.username()));
        redirect.addFlashAttribute("flash", "action.saved");
        return "redirect:/admin/accounts/" + id;
    }

    /**
     * Resets the password: the old one stops working and a new activation code is shown, once, to the administrator
     * (the page is answered directly, not through a redirect, so the code is kept nowhere).
     */
    @PostMapping("/{id}/password")
    String reset(@PathVariable long id, Model model) {
        AccountView account = accounts.find(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        Activations.IssuedCode issued = activations.reset(id);
        IssuedCodePage.fill(model, account.displayName(), account.username(), issued, "/admin/accounts/" + id);
        return IssuedCodePage.VIEW;
    }

    private String scopeName(Grant g) {
        if (g.scopeId() == null) {
            return "";
        }
        return directory(g.scopeKind()).map(d -> d.nameOf(g.scopeKind(), g.scopeId())).orElse("#" + g.scopeId());
    }

    private java.util.Optional<ScopeDirectory> directory(ScopeKind kind) {
        return directories.stream().filter(d -> d.knows(kind)).findFirst();
    }
}
