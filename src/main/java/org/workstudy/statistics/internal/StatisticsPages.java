package org.workstudy.statistics.internal;

import java.util.List;
import java.util.function.Consumer;

import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.ClassRow;
import org.workstudy.organization.College;
import org.workstudy.organization.Major;
import org.workstudy.shared.PageResult;
import org.workstudy.statistics.StatsFilter;

/**
 * What statistics' own pages, API and export read: the dashboard, the lists behind its figures and what the filter
 * form offers. No other module needs these (awards reads {@code StatisticsFigures}), so they live here and not on the
 * module's facade. Every method checks the user's role and scope first: a college, major or class filter outside the
 * scope answers "not found".
 */
public interface StatisticsPages {

    /** Refuses roles without statistics (employers). */
    void requireReader(CurrentUser user);

    /** The academic year of today, the default of the filter. */
    String currentYear();

    /** The figures of the user's scope under the filter. */
    Dashboard dashboard(CurrentUser user, StatsFilter filter);

    /** The colleges, majors and classes the filter form offers in the user's scope. */
    Choices choices(CurrentUser user, StatsFilter filter);

    /** What the filter form offers; {@code level} as in {@link Dashboard#level}. */
    record Choices(List<College> colleges, List<Major> majors, List<ClassRow> classes, List<Integer> cohorts,
            String level) {
    }

    /** The students behind a figure, a page at a time, ordered by student number. */
    PageResult<StudentLine> students(CurrentUser user, StatsFilter filter, StudentDrill drill, int page, int size);

    /** Every student behind a figure (for the export). */
    void forEachStudent(CurrentUser user, StatsFilter filter, StudentDrill drill, Consumer<StudentLine> out);

    /** The placements behind a figure (placed in the academic year), a page at a time, newest first. */
    PageResult<PlacementLine> placements(CurrentUser user, StatsFilter filter, PlacementDrill drill, int page,
            int size);

    /** Every placement behind a figure (for the export). */
    void forEachPlacement(CurrentUser user, StatsFilter filter, PlacementDrill drill, Consumer<PlacementLine> out);
}
