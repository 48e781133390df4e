package org.workstudy.statistics.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.hours.SourceKind;
import org.workstudy.identity.CurrentUser;
import org.workstudy.shared.PageResult;
import org.workstudy.statistics.StatsFilter;
import org.workstudy.statistics.internal.Dashboard;
import org.workstudy.statistics.internal.PlacementDrill;
import org.workstudy.statistics.internal.PlacementLine;
import org.workstudy.statistics.internal.StatisticsPages;
import org.workstudy.statistics.internal.StudentDrill;
import org.workstudy.statistics.internal.StudentLine;
import org.workstudy.statistics.internal.TimeOfWork;

/**
 * The figures of the statistics pages and the lists behind them, in the caller's scope: a counselor's hold their
 * classes, a vice dean's their college, a student's themselves; a college, major or class outside the scope is 404.
 * A malformed filter is 400 with the field named. Definitions: see the statistics page (each figure states it).
 */
@RestController
@RequestMapping("/api/v1/stats")
@Tag(name = "statistics")
class StatisticsApi {

    private static final int MAX_PAGE_SIZE = 500;

    private final StatisticsPages pages;

    StatisticsApi(StatisticsPages pages) {
        this.pages = pages;
    }

    @Operation(summary = "Every figure of the caller's scope: totals and standings (completed, on track, at risk), rates"
            + " by college, major, class and cohort, hours by month and kind of time and by source, placements by"
            + " type, bank, campus and employer, exemptions, recognition, deferrals, the annual plan against actual")
    @GetMapping("/dashboard")
    Dashboard dashboard(
            @Parameter(description = "Academic year, e.g. 2025-2026 (default: the current one)")
            @RequestParam(required = false) String academicYear,
            @RequestParam(required = false) Integer cohort, @RequestParam(required = false) Long collegeId,
            @RequestParam(required = false) Long majorId, @RequestParam(required = false) Long classId) {
        return pages.dashboard(user(), filter(academicYear, cohort, collegeId, majorId, classId));
    }

    @Operation(summary = "The students behind a figure, by student number. standing: all, completed, not-completed,"
            + " on-track, behind, at-risk; month (2025-10), time and source: students with counted hours there;"
            + " credit: exempt, offset, recognised, deferred, released; yearHours: with hours in the year")
    @GetMapping("/students")
    PageResult<StudentLine> students(@RequestParam(required = false) String academicYear,
            @RequestParam(required = false) Integer cohort, @RequestParam(required = false) Long collegeId,
            @RequestParam(required = false) Long majorId, @RequestParam(required = false) Long classId,
            @RequestParam(required = false) String standing, @RequestParam(required = false) String month,
            @RequestParam(required = false) TimeOfWork time, @RequestParam(required = false) SourceKind source,
            @RequestParam(required = false) String credit, @RequestParam(defaultValue = "false") boolean yearHours,
            @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page,
            @RequestParam(defaultValue = "50") @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(MAX_PAGE_SIZE) int size) {
        return pages.students(user(), filter(academicYear, cohort, collegeId, majorId, classId),
                new StudentDrill(standing, month, time, source, credit, yearHours), page, size);
    }

    @Operation(summary = "The placements behind a figure (made in the academic year), newest first. type: FIXED,"
            + " TEMPORARY, PROJECT; bank: SCHOOL, COLLEGE; onCampus; employerId")
    @GetMapping("/placements")
    PageResult<PlacementLine> placements(@RequestParam(required = false) String academicYear,
            @RequestParam(required = false) Integer cohort, @RequestParam(required = false) Long collegeId,
            @RequestParam(required = false) Long majorId, @RequestParam(required = false) Long classId,
            @RequestParam(required = false) String type, @RequestParam(required = false) String bank,
            @RequestParam(required = false) Boolean onCampus, @RequestParam(required = false) Long employerId,
            @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page,
            @RequestParam(defaultValue = "50") @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(MAX_PAGE_SIZE) int size) {
        return pages.placements(user(), filter(academicYear, cohort, collegeId, majorId, classId),
                new PlacementDrill(type, bank, onCampus, employerId), page, size);
    }

    private StatsFilter filter(String year, Integer cohort, Long collegeId, Long majorId, Long classId) {
        pages.requireReader(user());
        return new StatsFilter(year == null || year.isBlank() ? pages.currentYear() : year, cohort, collegeId,
                majorId, classId);
    }

    private static CurrentUser user() {
        return CurrentUser.require();
    }
}
