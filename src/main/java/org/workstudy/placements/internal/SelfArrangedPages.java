package org.workstudy.placements.internal;

import java.util.List;
import java.util.Optional;

import org.workstudy.approvals.DecisionView;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.Student;
import org.workstudy.placements.SelfArrangedStatus;

/**
 * What the self-arranged work pages, API and home card read: the student's registrations, a registration with its
 * history, decisions and certificate, the reviewers' lists, and what the reader may do now. No other module needs
 * these, so they live here and not on the {@code SelfArrangedWork} facade. Every method checks the user's role and
 * data scope; ids outside it answer "not found".
 */
public interface SelfArrangedPages {

    /** The signed-in student's registrations, newest first. */
    List<SelfArrangedRow> mine(CurrentUser user);

    /** A registration for its student, or for staff who may see the student; otherwise not found. */
    SelfArrangedRow get(CurrentUser user, long id);

    /** The history of a registration, oldest first (kept by approvals: one history per registration). */
    List<SelfArrangedEvent> history(CurrentUser user, long id);

    /** The approval decisions of the registration's current request (its latest submission), in order. */
    List<DecisionView> decisions(CurrentUser user, long id);

    /** Every approval decision on the registration, over all its submissions, in order. */
    List<DecisionView> allDecisions(CurrentUser user, long id);

    /** The current certificate, for those who may see the registration. */
    Optional<CertificateFile> certificate(CurrentUser user, long id);

    /**
     * What waits for the user: registrations whose current approval step is theirs (not yet expired), and for a
     * counselor the uploaded certificates of their classes' students.
     */
    List<SelfArrangedRow> waitingFor(CurrentUser user);

    /** How many wait for the user (the home card). */
    int waitingCount(CurrentUser user);

    /** Registrations of the students the user may see (staff), newest first, at most {@code limit}. */
    List<SelfArrangedRow> inScope(CurrentUser user, SelfArrangedStatus status, int limit);

    /** Whether the user may decide the current approval step of the registration now. */
    boolean mayDecide(CurrentUser user, SelfArrangedRow row);

    /** Whether the user may verify the registration's certificate now. */
    boolean mayVerify(CurrentUser user, SelfArrangedRow row);

    /** The signed-in student; refuses other roles. */
    Student studentOf(CurrentUser user);

    /**
     * The home city of the student: that of their cohort's policy version (the newest version's for a cohort before
     * the first version, whose work counts for nothing anyway).
     */
    String homeCity(long studentId);
}
