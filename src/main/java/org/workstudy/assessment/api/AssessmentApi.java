package org.workstudy.assessment.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.assessment.internal.AssessmentFigures;
import org.workstudy.assessment.internal.Assessments;
import org.workstudy.assessment.internal.CollegeReport;
import org.workstudy.assessment.internal.Ranking;
import org.workstudy.identity.CurrentUser;

/**
 * The assessment (考核) rankings and college reports of the pages, in the caller's scope: school-wide roles see every
 * college and counselor, a vice dean the colleges' ranking and their own college's counselors and classes, a
 * counselor their own figure and classes; another college's report is 404. A malformed or future month is 400 naming
 * the field. Each figure carries its numerator, denominator and percentage; the formulas are those of the page.
 */
@RestController
@RequestMapping("/api/v1/assessment")
@Tag(name = "assessment")
class AssessmentApi {

    private final Assessments assessments;
    private final AssessmentFigures figures;

    AssessmentApi(Assessments assessments, AssessmentFigures figures) {
        this.assessments = assessments;
        this.figures = figures;
    }

    @Operation(summary = "The rankings of a month (frozen once the month closed; the open month live, frozen=false,"
            + " computed at computedAt and kept for workstudy.assessment.open-month-cache): the school, colleges,"
            + " counselors and classes the caller may see, best score first")
    @GetMapping("/months/{month}")
    Ranking month(@Parameter(description = "The month, yyyy-MM (e.g. 2026-10); not after the current month")
            @PathVariable String month) {
        CurrentUser user = CurrentUser.require();
        Assessments.requireReader(user);
        return assessments.month(user, figures.parseMonth(month, "month"));
    }

    @Operation(summary = "The rankings of an academic year: its frozen months combined per metric (rates pooled, plans"
            + " as of the last frozen month)")
    @GetMapping("/years/{academicYear}")
    Ranking year(@Parameter(description = "The academic year, e.g. 2025-2026") @PathVariable String academicYear) {
        CurrentUser user = CurrentUser.require();
        Assessments.requireReader(user);
        return assessments.year(user, figures.parseYear(academicYear, "academicYear"));
    }

    @Operation(summary = "A college's monthly report: its figures and place, the school's, its counselors and classes")
    @GetMapping("/colleges/{id}/months/{month}")
    CollegeReport college(@PathVariable long id,
            @Parameter(description = "The month, yyyy-MM") @PathVariable String month) {
        CurrentUser user = CurrentUser.require();
        Assessments.requireCollegeReader(user, id); // scope before what was typed
        return assessments.college(user, id, figures.parseMonth(month, "month"));
    }
}
