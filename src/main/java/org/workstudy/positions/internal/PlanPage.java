package org.workstudy.positions.internal;

import java.util.List;

import org.workstudy.identity.CurrentUser;

/** The rows of the plan page (the plans themselves are in {@code AnnualPlans}, which other modules read). */
public interface PlanPage {

    /** The plan rows the user may see for the year: the school's and the colleges of their scope. */
    List<PlanRow> rows(CurrentUser user, String academicYear);
}
