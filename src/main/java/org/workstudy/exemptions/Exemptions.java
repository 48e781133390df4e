package org.workstudy.exemptions;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.workstudy.identity.CurrentUser;
import org.workstudy.quality.OffsetPlan;

/**
 * Exemption (免修) and offset (抵扣) applications (DESIGN §2 rule 7): the student applies with a reason and evidence;
 * the counselor of their class approves or returns; the center director (学工处) grants or rejects; the director
 * publishes the granted ones on a public notice per college; when the notice is final so are they (see
 * {@link ExemptionNotices}). One live application per student, checked under a lock on the student's row and by a
 * partial unique index.
 *
 * <p>This facade holds what other modules (the demo) call; it hands each write to its step:
 * {@link ExemptionApplications} (applying, with {@link ExemptionEligibility}), {@link ExemptionLifecycle} (withdrawal,
 * decisions, the notice's outcome), {@link ExemptionPublishing} (the notices). The module's own pages read through
 * {@code exemptions.internal.ExemptionPages} ({@link ExemptionPageReads}). SQL lives in {@link ExemptionStore}; the
 * lifecycle's rules in {@link Exemption}.
 */
@Service
public class Exemptions {

    /** The subject type of the approval requests. */
    public static final String SUBJECT = "exemption";
    /** The approval steps, by name. */
    static final String COUNSELOR_STEP = "counselor";
    static final String DIRECTOR_STEP = "director";
    public static final int MAX_FILES = 5;
    public static final int REASON_MAX = 1000;

    private final ExemptionApplications applications;
    private final ExemptionLifecycle lifecycle;
    private final ExemptionPublishing publishing;

    Exemptions(ExemptionApplications applications, ExemptionLifecycle lifecycle, ExemptionPublishing publishing) {
        this.applications = applications;
        this.lifecycle = lifecycle;
        this.publishing = publishing;
    }

    /**
     * The signed-in student applies, with 1 to {@value #MAX_FILES} evidence files (PDF, JPEG or PNG, at most 10 MB
     * each, checked by content); returns the new id. Refused: no policy for the cohort, a live or final application,
     * a recognised credit, and for an offset too few available credits (see {@link OffsetPlan#of}).
     */
    public long apply(CurrentUser user, ExemptionForm form, List<ExemptionUpload> files) {
        return applications.apply(user, form, files);
    }

    /** The student withdraws their application while it waits for a decision. */
    public void withdraw(CurrentUser user, long id) {
        lifecycle.withdraw(user, id);
    }

    /**
     * The approver of the current step decides: the counselor of the student's class approves or returns (with a
     * reason), then the center director grants or rejects (with a reason). Out of the user's scope: not found.
     */
    public void decide(CurrentUser user, long id, boolean approve, String reason) {
        lifecycle.decide(user, id, approve, reason);
    }

    /**
     * The center director publishes granted applications (all, or those of {@code only}) on public notices: one per
     * college, read by that college; items say only "免修" or "抵扣 N 学时". The notice period is the longest
     * {@code noticeWorkingDays} among the listed students' policy versions, so that no student's list runs shorter
     * than their own policy asks. Returns the notices' ids.
     */
    public List<Long> publish(CurrentUser user, Collection<Long> only) {
        return publishing.publish(user, only);
    }
}
