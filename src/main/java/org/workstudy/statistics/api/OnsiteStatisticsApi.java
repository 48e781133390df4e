package org.workstudy.statistics.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.identity.CurrentUser;
import org.workstudy.statistics.StatsFilter;
import org.workstudy.statistics.internal.OnsiteFigures;
import org.workstudy.statistics.internal.StatisticsPages;

/** Check-in and pay figures of an academic year, school-wide: the center, administrators and leaders. */
@RestController
@RequestMapping("/api/v1/stats")
@Tag(name = "statistics")
class OnsiteStatisticsApi {

    private final OnsiteFigures onsite;
    private final StatisticsPages pages;

    OnsiteStatisticsApi(OnsiteFigures onsite, StatisticsPages pages) {
        this.onsite = onsite;
        this.pages = pages;
    }

    @Operation(summary = "Check-ins per month (begun, completed, make-ups, records written and refused, hours of the"
            + " written records and their share of the counted hours, signals) and pay of frozen sheets by month,"
            + " college and funding source, of an academic year; the center, administrators and leaders")
    @GetMapping("/onsite")
    OnsiteFigures.Onsite onsite(@Parameter(description = "2025-2026; default: the current academic year")
            @RequestParam(required = false) String academicYear) {
        CurrentUser user = CurrentUser.require();
        if (!OnsiteFigures.mayRead(user)) {
            throw org.workstudy.shared.BusinessException.forbidden();
        }
        return onsite.year(user, new StatsFilter(academicYear == null || academicYear.isBlank()
                ? pages.currentYear() : academicYear, null, null, null, null));
    }
}
