package org.workstudy.positions.internal;

import java.math.BigDecimal;
import org.workstudy.positions.AnnualPlan;

/**
 * One line of the plan page: the school ({@code collegeId} null) or a college, its plan (null when none was set) and
 * actual figures. {@code actualPlacements} and {@code actualHours} are null when no module provides them.
 */
public record PlanRow(Long collegeId, String name, AnnualPlan plan, long actualPositions, Long actualPlacements,
        BigDecimal actualHours, boolean editable) {

    /** Actual published positions as a percentage of the target, or null without a target. */
    public Integer positionsPercent() {
        return plan == null ? null : percent(actualPositions, plan.targetPositions());
    }

    /** Actual as a percentage of target, or null when there is no target. */
    public static Integer percent(Number actual, Number target) {
        if (actual == null || target == null || target.doubleValue() <= 0) {
            return null;
        }
        return (int) Math.round(actual.doubleValue() * 100 / target.doubleValue());
    }
}
