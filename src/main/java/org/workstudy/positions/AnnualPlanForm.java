package org.workstudy.positions;

import java.math.BigDecimal;

/** The targets a user enters for a year's plan. */
public record AnnualPlanForm(Integer targetPositions, Integer targetPlacements, BigDecimal targetHours,
        BigDecimal targetHoursPerHardship, String notes) {

    public static AnnualPlanForm of(AnnualPlan p) {
        return p == null ? new AnnualPlanForm(null, null, null, null, null)
                : new AnnualPlanForm(p.targetPositions(), p.targetPlacements(), p.targetHours(),
                        p.targetHoursPerHardship(), p.notes());
    }
}
