package org.workstudy.audit.web;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.workstudy.audit.internal.AuditEntry;
import org.workstudy.audit.internal.AuditQuery;
import org.workstudy.audit.AuditTrail;
import org.workstudy.shared.PageResult;

/** Administrators search the audit trail (URL rule: ADMIN only). */
@Controller
class AuditController {

    private final AuditTrail trail;
    private final AuditLines lines;

    AuditController(AuditTrail trail, AuditLines lines) {
        this.trail = trail;
        this.lines = lines;
    }

    @GetMapping("/admin/audit")
    String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page, Locale locale, Model model) {
        PageResult<AuditEntry> result = trail.search(new AuditQuery(actor, entityType, entityId, action, from, to),
                page, 50);
        model.addAttribute("result", result);
        model.addAttribute("lines", lines.of(result.items(), locale));
        model.addAttribute("entityTypes", trail.entityTypes());
        return "audit/search";
    }
}
