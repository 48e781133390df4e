package org.workstudy.audit.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.workstudy.audit.AuditQuery;
import org.workstudy.audit.AuditTrail;

/** Administrators search the audit trail (URL rule: ADMIN only). */
@Controller
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page, Model model) {
        model.addAttribute("result", trail.search(new AuditQuery(actor, entityType, entityId, action, from, to), page, 50));
        model.addAttribute("entityTypes", trail.entityTypes());
        return "audit/search";
    }
}
