package org.workstudy.exemptions.internal;

import java.util.List;

import org.workstudy.approvals.DecisionView;
import org.workstudy.identity.CurrentUser;

/**
 * What exemptions' own pages, API and home card read: the student's outlook and applications, an application with
 * its history, decisions and evidence, the reviewers' lists. No other module needs these, so they live here and not
 * on the {@code Exemptions} facade. Every method checks the user's role and data scope; ids outside it answer "not
 * found".
 */
public interface ExemptionPages {

    /** What the signed-in student's page shows before applying, and whether (or why not) they may apply now. */
    ExemptionOutlook outlook(CurrentUser user);

    /** The signed-in student's applications, newest first. */
    List<ExemptionView> mine(CurrentUser user);

    /** An application for its student, or for staff whose scope covers the student; otherwise not found. */
    ExemptionView get(CurrentUser user, long id);

    /** The history of an application, oldest first (kept by approvals: one history per application). */
    List<ExemptionEvent> history(CurrentUser user, long id);

    /** The approval decisions, in order. */
    List<DecisionView> decisions(CurrentUser user, long id);

    /** The evidence files (without their bytes). */
    List<ExemptionEvidence> evidence(CurrentUser user, long id);

    /** One evidence file with its bytes, for those who may see the application; otherwise not found. */
    ExemptionEvidence evidenceFile(CurrentUser user, long id, long fileId);

    /** Applications whose current approval step waits for the user, oldest first. */
    List<ExemptionView> waitingFor(CurrentUser user);

    /** Applications of students in the user's scope (staff), newest first, optionally of one status. */
    List<ExemptionView> inScope(CurrentUser user, ExemptionStatus status, int limit);

    /** Whether the user may decide the application's current step now. */
    boolean mayDecide(CurrentUser user, ExemptionView view);
}
