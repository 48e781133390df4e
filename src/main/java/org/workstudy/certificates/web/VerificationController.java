package org.workstudy.certificates.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import org.workstudy.certificates.Certificates;
import org.workstudy.credits.VerificationCodes;

/**
 * The public verification page (no login; {@code /verify/**} is open in the security configuration): a form for a
 * code, and the result showing only name, student number, hours and status; an unknown code answers 404.
 */
@Controller
class VerificationController {

    private final Certificates certificates;

    VerificationController(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/verify")
    String form(@RequestParam(required = false) String code) {
        if (code != null && !code.isBlank()) {
            String normal = VerificationCodes.normalise(code);
            String shown = normal == null ? code.strip() : VerificationCodes.display(normal);
            return "redirect:/verify/" + UriUtils.encodePathSegment(shown, java.nio.charset.StandardCharsets.UTF_8);
        }
        return "credits/verify";
    }

    @GetMapping("/verify/{code}")
    String check(@PathVariable String code, Model model, HttpServletResponse response) {
        model.addAttribute("code", code);
        certificates.verify(code).ifPresentOrElse(r -> model.addAttribute("result", r),
                () -> response.setStatus(HttpServletResponse.SC_NOT_FOUND));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        return "credits/verify";
    }
}
