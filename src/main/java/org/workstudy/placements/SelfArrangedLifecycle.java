package org.workstudy.placements;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.approvals.ApprovalDecided;
import org.workstudy.approvals.Approvals;
import org.workstudy.approvals.Approver;
import org.workstudy.approvals.StepSpec;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.Student;
import org.workstudy.shared.BusinessException;

/**
 * A registration's way through approvals: the request opened on each submission (the counselor, and the vice dean
 * for out-of-city work), the student's withdrawal, the approvers' decisions (heard back from approvals), and the one
 * way every move is recorded ({@link #setStatus}): in the history, the audit trail and the student's messages.
 */
@Component
class SelfArrangedLifecycle {

    private final SelfArrangedStore store;
    private final Approvals approvals;
    private final Roster roster;
    private final Organization organization;
    private final DataScope scope;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Clock clock;

    SelfArrangedLifecycle(SelfArrangedStore store, Approvals approvals, Roster roster, Organization organization,
            DataScope scope, Notifications notifications, AuditTrail audit, Clock clock) {
        this.store = store;
        this.approvals = approvals;
        this.roster = roster;
        this.organization = organization;
        this.scope = scope;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** See {@link SelfArrangedWork#withdraw}. */
    @Transactional
    void withdraw(CurrentUser user, long id) {
        Student student = studentOf(user);
        SelfArrangedRegistration row = lockOwn(student, id);
        SelfArrangedStatus next = row.withdraw();
        if (row.approvalRequestId() != null) {
            approvals.cancel(row.approvalRequestId(), "withdrawn");
        }
        setStatus(row, next, "withdrawn", user.username(), null, null, null, null);
    }

    /** See {@link SelfArrangedWork#decide}. */
    @Transactional
    void decide(CurrentUser user, long id, boolean approve, String reason) {
        SelfArrangedRegistration row = lock(id);
        scope.requireStudent(user, row.studentId());
        row.requirePending();
        LocalDate today = today();
        if (approve && row.view().outOfCity() && !SelfArrangedRules.viceDeanInTime(today, row.view().startsOn())
                && (user.acts(Role.VICE_DEAN) || user.acts(Role.COUNSELOR))) {
            throw BusinessException.invalid("selfwork.vice-dean-too-late", row.view().startsOn());
        }
        approvals.decide(user, row.approvalRequestId(), approve, reason); // heard below, in this transaction
    }

    /**
     * A decision on a registration (heard by {@link SelfArrangedApprovals} in the deciding transaction): the
     * registration moves on, its history says what the step meant, its student is told. A failure here undoes the
     * decision.
     */
    void decided(ApprovalDecided decided) {
        SelfArrangedRegistration row = lock(decided.subjectId());
        boolean counselorStep = SelfArrangedWork.COUNSELOR_STEP.equals(decided.stepName());
        SelfArrangedStatus next = row.decided(decided.stepName(), decided.approved());
        LocalDate today = today();
        String by = decided.decidedBy();
        String why = decided.reason();
        if (!decided.approved()) {
            setStatus(row, next, counselorStep ? "returned" : "refused", by, why, null, null, decided);
        } else if (counselorStep) {
            setStatus(row, next, "counselor-approved", by, why, today, null, decided);
        } else {
            setStatus(row, next, "vice-dean-approved", by, why, null, today, decided);
        }
    }

    /** The signed-in student; refuses other roles. */
    Student studentOf(CurrentUser user) {
        if (!user.acts(Role.STUDENT)) {
            throw BusinessException.forbidden();
        }
        return roster.ofAccount(user.accountId()).orElseThrow(BusinessException::forbidden);
    }

    /** Opens the approval request of a (re)submission: the class's counselor, then for out-of-city work the vice dean. */
    long openApproval(long id, Student student, boolean out) {
        SchoolClass schoolClass = organization.schoolClass(student.classId()).orElseThrow();
        List<StepSpec> steps = new ArrayList<>();
        steps.add(StepSpec.named(SelfArrangedWork.COUNSELOR_STEP, Approver.of(Role.COUNSELOR, schoolClass.id())));
        if (out) {
            steps.add(StepSpec.named(SelfArrangedWork.VICE_DEAN_STEP,
                    Approver.of(Role.VICE_DEAN, schoolClass.collegeId())));
        }
        long requestId = approvals.open(SelfArrangedWork.SUBJECT, id, steps);
        store.setApprovalRequest(id, requestId);
        return requestId;
    }

    /** Notes a (re)submission in the registration's history: it now waits as SUBMITTED. */
    void noteSubmitted(long id, long requestId, String action, String actor) {
        approvals.note(SelfArrangedWork.SUBJECT, id, requestId, action, SelfArrangedStatus.SUBMITTED.name(), actor,
                null);
    }

    /**
     * Moves the registration (the aggregate refuses a move its status does not allow) and records it: in the history
     * (a decision's step refers to the decision), in the audit trail, and in the student's messages.
     */
    void setStatus(SelfArrangedRegistration row, SelfArrangedStatus status, String action, String actor,
            String reason, LocalDate counselorApprovedOn, LocalDate viceDeanApprovedOn, ApprovalDecided decision) {
        row.requireMayBecome(status);
        if (!store.setStatus(row.id(), row.status(), status, counselorApprovedOn, viceDeanApprovedOn, now())) {
            throw BusinessException.conflict("selfwork.changed-meanwhile");
        }
        if (decision != null) {
            approvals.noteDecision(decision, action, status.name());
        } else {
            approvals.note(SelfArrangedWork.SUBJECT, row.id(), row.approvalRequestId(), action, status.name(), actor,
                    reason);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", row.status());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status);
        if (counselorApprovedOn != null) {
            before.put("counselorApprovedOn", null);
            after.put("counselorApprovedOn", counselorApprovedOn.toString());
        }
        if (viceDeanApprovedOn != null) {
            before.put("viceDeanApprovedOn", null);
            after.put("viceDeanApprovedOn", viceDeanApprovedOn.toString());
        }
        if (reason != null) {
            after.put("reason", reason);
        }
        audit.recordChange("self-arranged-work", row.id(), action, before, after);
        if (!"withdrawn".equals(action) && !"certificate-uploaded".equals(action)) {
            roster.find(row.studentId()).map(Student::accountId).ifPresent(account -> notifications.send(account,
                    "selfwork.notify." + action, List.of(row.view().employerName(), reason == null ? "" : reason),
                    "/self-arranged/" + row.id()));
        }
    }

    /** Tells the counselors of the student's class (a registration to decide, a certificate to verify). */
    void notifyCounselors(Student student, String key, String employer, long id) {
        List<Long> counselors = organization.counselorsOf(student.classId());
        if (!counselors.isEmpty()) {
            notifications.sendAll(counselors, key, List.of(student.name(), employer), "/self-arranged/" + id);
        }
    }

    SelfArrangedRegistration lock(long id) {
        return store.lock(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
    }

    /** The student's own registration, locked; another's answers "not found". */
    SelfArrangedRegistration lockOwn(Student student, long id) {
        SelfArrangedRegistration row = lock(id);
        if (row.studentId() != student.id()) {
            throw BusinessException.notFound("error.not-found");
        }
        return row;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return clock.instant().atZone(clock.getZone()).toOffsetDateTime();
    }
}
