package org.workstudy.credits.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.credits.GraduationAudit;
import org.workstudy.credits.internal.GraduationExport;
import org.workstudy.credits.internal.GraduationFilter;
import org.workstudy.credits.internal.GraduationReport;
import org.workstudy.credits.internal.GraduationRow;
import org.workstudy.credits.internal.GraduationStatus;
import org.workstudy.identity.CurrentUser;

/** The graduation audit and the deferred list, with the same role and scope checks as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "graduation")
class GraduationApi {

    private final GraduationAudit audit;
    private final GraduationExport export;

    GraduationApi(GraduationAudit audit, GraduationExport export) {
        this.audit = audit;
        this.export = export;
    }

    /** {@code studentIds} null or absent: every deficient student of the cohort whose window has ended. */
    record DeferRequest(List<Long> studentIds) {
    }

    record Deferred(int deferred) {
    }

    @Operation(summary = "The graduation audit of a cohort: numbers per status (scope, colleges, classes) and the"
            + " students, filtered by status, collegeId, classId")
    @GetMapping("/graduation/{cohort}")
    GraduationReport audit(@PathVariable int cohort, @RequestParam(required = false) GraduationStatus status,
            @RequestParam(required = false) Long collegeId, @RequestParam(required = false) Long classId) {
        return audit.audit(CurrentUser.require(), cohort, new GraduationFilter(status, collegeId, classId));
    }

    @Operation(summary = "The audit as .xlsx (students; numbers per college and class on the second sheet)")
    @GetMapping("/graduation/{cohort}/export")
    void export(@PathVariable int cohort, @RequestParam(required = false) GraduationStatus status,
            @RequestParam(required = false) Long collegeId, @RequestParam(required = false) Long classId,
            Locale locale, HttpServletResponse response) throws IOException {
        GraduationReport report = audit.audit(CurrentUser.require(), cohort,
                new GraduationFilter(status, collegeId, classId));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("graduation-" + cohort + ".xlsx", StandardCharsets.UTF_8).build().toString());
        export.write(report, locale, response.getOutputStream());
    }

    @Operation(summary = "Put deficient students on the deferred graduation list (academic affairs)")
    @PostMapping("/graduation/{cohort}/deferrals")
    Deferred defer(@PathVariable int cohort, @RequestBody(required = false) DeferRequest request) {
        return new Deferred(audit.defer(CurrentUser.require(), cohort, null,
                request == null ? null : request.studentIds()));
    }

    @Operation(summary = "The deferred list of a cohort: deficit, make-up so far, remaining, since when; released"
            + " ones with their date")
    @GetMapping("/deferrals")
    List<GraduationRow> deferrals(@RequestParam int cohort) {
        return audit.deferred(CurrentUser.require(), cohort);
    }
}
