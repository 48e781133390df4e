package org.workstudy.credits.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.credits.GraduationAudit;
import org.workstudy.credits.internal.GraduationCounts;
import org.workstudy.credits.internal.GraduationExport;
import org.workstudy.credits.internal.GraduationFilter;
import org.workstudy.credits.internal.GraduationReport;
import org.workstudy.credits.internal.GraduationStatus;
import org.workstudy.identity.CurrentUser;
import org.workstudy.shared.web.Outcomes;

/**
 * 毕业审核: the audit of a graduating cohort (numbers per status, college and class; the students with filters),
 * its print view and .xlsx, the deferred list (暂缓毕业) with its actions, and a student's own standing.
 * Role and scope in {@link GraduationAudit}.
 */
@Controller
class GraduationController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final GraduationAudit audit;
    private final GraduationExport export;
    private final Clock clock;

    GraduationController(GraduationAudit audit, GraduationExport export, Clock clock) {
        this.audit = audit;
        this.export = export;
        this.clock = clock;
    }

    @GetMapping("/graduation")
    String page(@RequestParam(required = false) Integer cohort, @RequestParam(required = false) GraduationStatus status,
            @RequestParam(required = false) Long college, @RequestParam(name = "class", required = false) Long classId,
            Model model) {
        CurrentUser user = CurrentUser.require();
        List<Integer> cohorts = audit.cohorts(user);
        int chosen = cohort != null ? cohort : defaultCohort(cohorts);
        model.addAttribute("cohorts", cohorts);
        GraduationReport report = audit.audit(user, chosen, new GraduationFilter(status, college, classId));
        model.addAttribute("report", report);
        model.addAttribute("statuses", GraduationStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("college", college);
        model.addAttribute("classId", classId);
        model.addAttribute("mayDecide", GraduationAudit.mayDecide(user));
        model.addAttribute("deficient", deficient(report, college, classId));
        model.addAttribute("deferrable", report.deferrable());
        return "credits/graduation";
    }

    @GetMapping("/graduation/print")
    String print(@RequestParam int cohort, @RequestParam(required = false) GraduationStatus status,
            @RequestParam(required = false) Long college, @RequestParam(name = "class", required = false) Long classId,
            Model model) {
        model.addAttribute("report", audit.audit(CurrentUser.require(), cohort,
                new GraduationFilter(status, college, classId)));
        model.addAttribute("statuses", GraduationStatus.values());
        return "credits/graduation-print";
    }

    @GetMapping("/graduation/export")
    void xlsx(@RequestParam int cohort, @RequestParam(required = false) GraduationStatus status,
            @RequestParam(required = false) Long college, @RequestParam(name = "class", required = false) Long classId,
            Locale locale, HttpServletResponse response) throws IOException {
        GraduationReport report = audit.audit(CurrentUser.require(), cohort,
                new GraduationFilter(status, college, classId));
        attach(response, "毕业审核-" + cohort + "级.xlsx");
        export.write(report, locale, response.getOutputStream());
    }

    @PostMapping("/graduation/{cohort:\\d+}/defer")
    String defer(@PathVariable int cohort, @RequestParam(required = false) Long studentId,
            @RequestParam(required = false) Long college, @RequestParam(name = "class", required = false) Long classId,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        String back = "redirect:/graduation/deferrals?cohort=" + cohort;
        return Outcomes.attempt(() -> {
            int n = audit.defer(user, cohort, new GraduationFilter(null, college, classId),
                    studentId == null ? null : List.of(studentId));
            redirect.addFlashAttribute("done", "graduation.deferred.done");
            redirect.addFlashAttribute("count", n);
            return back;
        }, e -> {
            Outcomes.refused(redirect, e);
            return back;
        });
    }

    @PostMapping("/graduation/{cohort:\\d+}/recheck")
    String recheck(@PathVariable int cohort, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        int n = audit.recheck(user, cohort);
        redirect.addFlashAttribute("done", "graduation.recheck.done");
        redirect.addFlashAttribute("count", n);
        return "redirect:/graduation/deferrals?cohort=" + cohort;
    }

    @GetMapping("/graduation/deferrals")
    String deferrals(@RequestParam(required = false) Integer cohort, Model model) {
        CurrentUser user = CurrentUser.require();
        List<Integer> cohorts = audit.cohorts(user);
        int chosen = cohort != null ? cohort : defaultCohort(cohorts);
        model.addAttribute("cohorts", cohorts);
        model.addAttribute("cohort", chosen);
        model.addAttribute("rows", audit.deferred(user, chosen));
        model.addAttribute("mayDecide", GraduationAudit.mayDecide(user));
        return "credits/graduation-deferrals";
    }

    @GetMapping("/my/graduation")
    String mine(Model model) {
        model.addAttribute("row", audit.mine(CurrentUser.require()).orElse(null));
        return "credits/graduation-mine";
    }

    /** The deficient students of the selected class, college or the whole scope: what "defer all" defers. */
    private static long deficient(GraduationReport report, Long college, Long classId) {
        List<GraduationCounts> groups = classId != null ? report.classes() : college != null ? report.colleges() : null;
        Long id = classId != null ? classId : college;
        return groups == null ? report.total().deficient() : groups.stream().filter(g -> g.id().equals(id))
                .mapToLong(GraduationCounts::deficient).sum();
    }

    /** The cohort that graduates this academic year (enrolled three years before), if there is one. */
    private int defaultCohort(List<Integer> cohorts) {
        LocalDate today = LocalDate.now(clock);
        int graduating = (today.getMonthValue() >= 8 ? today.getYear() + 1 : today.getYear()) - 3;
        return cohorts.contains(graduating) || cohorts.isEmpty() ? graduating : cohorts.get(0);
    }

    static void attach(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader("Cache-Control", "no-store");
    }
}
