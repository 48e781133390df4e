package org.workstudy.organization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.NewStatusChange;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StatusChangeKind;
import org.workstudy.organization.StatusHistory;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentRow;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;

/** The 学籍异动 page: administrators look a student up by 学号, see their history and record a change. */
@Controller
class StatusChangeController {

    private final StatusHistory history;
    private final Roster roster;
    private final Organization organization;
    private final DataScope scope;
    private final Clock clock;

    StatusChangeController(StatusHistory history, Roster roster, Organization organization, DataScope scope,
            Clock clock) {
        this.clock = clock;
        this.history = history;
        this.roster = roster;
        this.organization = organization;
        this.scope = scope;
    }

    @GetMapping("/org/status-changes")
    String page(@RequestParam(required = false) String studentNo, Model model) {
        CurrentUser user = Access.admin();
        return page(user, studentNo, model);
    }

    @PostMapping("/org/status-changes")
    String record(@RequestParam(required = false) String studentNo,
            @RequestParam(required = false) StatusChangeKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate untilOn,
            @RequestParam(required = false) Long toClassId, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = Access.admin();
        Optional<Student> student = find(studentNo);
        return Outcomes.attempt(() -> {
            long id = student.orElseThrow(() -> BusinessException.invalid("status.student.unknown",
                    studentNo == null ? "" : studentNo.strip())).id();
            history.record(user, new NewStatusChange(id, kind, effectiveOn, untilOn, toClassId, reason));
            redirect.addFlashAttribute("flash", "status.recorded");
            redirect.addAttribute("studentNo", studentNo.strip());
            return "redirect:/org/status-changes";
        }, e -> {
            Outcomes.shown(model, e); // the class to move to is chosen: "not found" is a reason to show
            model.addAttribute("kind", kind);
            model.addAttribute("effectiveOn", effectiveOn);
            model.addAttribute("untilOn", untilOn);
            model.addAttribute("toClassId", toClassId);
            model.addAttribute("reason", reason);
            return page(user, studentNo, model);
        });
    }

    private String page(CurrentUser user, String studentNo, Model model) {
        model.addAttribute("studentNo", studentNo == null ? "" : studentNo.strip());
        Optional<Student> student = find(studentNo);
        if (studentNo != null && !studentNo.isBlank() && student.isEmpty()) {
            model.addAttribute("notFound", true);
        }
        student.ifPresent(s -> {
            StudentRow row = roster.row(user, s.id());
            model.addAttribute("student", row);
            model.addAttribute("changes", history.historyOf(user, s.id()));
        });
        model.addAttribute("kinds", StatusChangeKind.values());
        model.addAttribute("classes", organization.classes(scope.studentsOf(user), null, null).stream()
                .filter(c -> c.active()).toList());
        model.addAttribute("recent", history.recent(user, 20));
        model.addAttribute("today", LocalDate.now(clock));
        return "organization/status-changes";
    }

    private Optional<Student> find(String studentNo) {
        return studentNo == null || studentNo.isBlank() ? Optional.empty() : roster.findByNumber(studentNo.strip());
    }
}
