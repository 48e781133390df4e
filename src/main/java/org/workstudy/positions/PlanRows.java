package org.workstudy.positions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.College;
import org.workstudy.organization.Organization;
import org.workstudy.positions.internal.PlanPage;
import org.workstudy.positions.internal.PlanRow;
import org.workstudy.shared.BusinessException;

/**
 * The plan page's rows: each plan against actual figures, positions published in the year from this module,
 * placements and hours from {@link PlanActuals} when a module provides them.
 */
@Service
class PlanRows implements PlanPage {

    private final AnnualPlans plans;
    private final Organization organization;
    private final PositionStore positions;
    private final ObjectProvider<PlanActuals> actuals;
    private final Clock clock;

    PlanRows(AnnualPlans plans, Organization organization, PositionStore positions,
            ObjectProvider<PlanActuals> actuals, Clock clock) {
        this.plans = plans;
        this.organization = organization;
        this.positions = positions;
        this.actuals = actuals;
        this.clock = clock;
    }

    @Override
    public List<PlanRow> rows(CurrentUser user, String academicYear) {
        if (!AnnualPlans.reads(user)) {
            throw BusinessException.forbidden();
        }
        int start = AnnualPlans.startYear(academicYear);
        Instant from = LocalDate.of(start, 9, 1).atStartOfDay(clock.getZone()).toInstant();
        Instant to = LocalDate.of(start + 1, 9, 1).atStartOfDay(clock.getZone()).toInstant();
        List<PlanRow> rows = new ArrayList<>();
        rows.add(row(null, null, academicYear, from, to, user));
        boolean all = AnnualPlans.SCHOOL_READERS.contains(user.activeRole());
        for (College c : organization.colleges()) {
            if (c.active() && (all || user.activeScopeIds().contains(c.id()))) {
                rows.add(row(c.id(), c.name(), academicYear, from, to, user));
            }
        }
        return rows;
    }

    private PlanRow row(Long collegeId, String name, String year, Instant from, Instant to, CurrentUser user) {
        List<PlanActuals> providers = actuals.orderedStream().toList();
        Long placements = providers.isEmpty() ? null
                : providers.stream().mapToLong(p -> p.placements(collegeId, year)).sum();
        BigDecimal hours = providers.isEmpty() ? null
                : providers.stream().map(p -> p.hours(collegeId, year)).filter(java.util.Objects::nonNull)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PlanRow(collegeId, name, plans.find(year, collegeId).orElse(null),
                positions.publishedBetween(from, to, collegeId), placements, hours,
                AnnualPlans.mayEdit(user, collegeId));
    }
}
