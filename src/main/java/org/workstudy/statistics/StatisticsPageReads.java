package org.workstudy.statistics;

import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.workstudy.identity.CurrentUser;
import org.workstudy.positions.AnnualPlans;
import org.workstudy.shared.PageResult;
import org.workstudy.statistics.internal.Dashboard;
import org.workstudy.statistics.internal.PlacementDrill;
import org.workstudy.statistics.internal.PlacementLine;
import org.workstudy.statistics.internal.StatisticsPages;
import org.workstudy.statistics.internal.StudentDrill;
import org.workstudy.statistics.internal.StudentLine;

/**
 * {@link StatisticsPages} over the package-private dashboard, lists and scopes: here in the root, since those (and
 * their SQL) are not visible from {@code statistics.internal}, while the interface lives there so that no other
 * module sees it.
 */
@Service
class StatisticsPageReads implements StatisticsPages {

    private final DashboardFigures dashboards;
    private final DrillLists lists;
    private final StatisticsScopes scopes;
    private final AnnualPlans plans;

    StatisticsPageReads(DashboardFigures dashboards, DrillLists lists, StatisticsScopes scopes, AnnualPlans plans) {
        this.dashboards = dashboards;
        this.lists = lists;
        this.scopes = scopes;
        this.plans = plans;
    }

    @Override
    public void requireReader(CurrentUser user) {
        StatisticsScopes.requireReader(user);
    }

    @Override
    public String currentYear() {
        return plans.currentYear();
    }

    @Override
    public Dashboard dashboard(CurrentUser user, StatsFilter filter) {
        return dashboards.dashboard(user, filter);
    }

    @Override
    public Choices choices(CurrentUser user, StatsFilter filter) {
        return scopes.choices(user, filter);
    }

    @Override
    public PageResult<StudentLine> students(CurrentUser user, StatsFilter filter, StudentDrill drill, int page,
            int size) {
        return lists.students(user, filter, drill, page, size);
    }

    @Override
    public void forEachStudent(CurrentUser user, StatsFilter filter, StudentDrill drill, Consumer<StudentLine> out) {
        lists.forEachStudent(user, filter, drill, out);
    }

    @Override
    public PageResult<PlacementLine> placements(CurrentUser user, StatsFilter filter, PlacementDrill drill, int page,
            int size) {
        return lists.placements(user, filter, drill, page, size);
    }

    @Override
    public void forEachPlacement(CurrentUser user, StatsFilter filter, PlacementDrill drill,
            Consumer<PlacementLine> out) {
        lists.forEachPlacement(user, filter, drill, out);
    }
}
