package org.workstudy.exemptions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.approvals.ApprovalDecided;
import org.workstudy.approvals.Approvals;
import org.workstudy.audit.AuditTrail;
import org.workstudy.exemptions.internal.ExemptionStatus;
import org.workstudy.identity.CurrentUser;
import org.workstudy.notices.NoticeItem;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.quality.OffsetPlan;
import org.workstudy.quality.QualityCredits;
import org.workstudy.quality.QualityStanding;
import org.workstudy.shared.BusinessException;

/**
 * An application's moves after it was made: the student's withdrawal, the approvers' decisions (heard back from
 * approvals), the notice's revocation and finality; and the one way every move is recorded ({@link #setStatus}): in
 * the history, the audit trail and the student's messages.
 */
@Component
class ExemptionLifecycle {

    private final ExemptionStore store;
    private final ExemptionEligibility eligibility;
    private final Approvals approvals;
    private final Roster roster;
    private final DataScope scope;
    private final QualityCredits quality;
    private final Notifications notifications;
    private final AuditTrail audit;

    ExemptionLifecycle(ExemptionStore store, ExemptionEligibility eligibility, Approvals approvals, Roster roster,
            DataScope scope, QualityCredits quality, Notifications notifications, AuditTrail audit) {
        this.store = store;
        this.eligibility = eligibility;
        this.approvals = approvals;
        this.roster = roster;
        this.scope = scope;
        this.quality = quality;
        this.notifications = notifications;
        this.audit = audit;
    }

    /** See {@link Exemptions#withdraw}. */
    @Transactional
    void withdraw(CurrentUser user, long id) {
        Student student = eligibility.studentOf(user);
        Exemption row = lock(id);
        if (row.studentId() != student.id()) {
            throw BusinessException.notFound("error.not-found");
        }
        ExemptionStatus next = row.withdraw();
        if (row.approvalId() != null) {
            approvals.cancel(row.approvalId(), "withdrawn");
        }
        setStatus(row, next, "withdrawn", user.username(), null, null, null);
    }

    /** See {@link Exemptions#decide}. */
    @Transactional
    void decide(CurrentUser user, long id, boolean approve, String reason) {
        Exemption row = lock(id);
        scope.requireStudent(user, row.studentId());
        row.requirePending();
        if (approve && row.waitsForDirector() && row.offset()) {
            // credits re-imported lower since the student applied no longer carry the offset
            QualityStanding standing = quality.standing(row.studentId());
            BigDecimal current = standing.current() == null ? BigDecimal.ZERO : standing.current();
            if (current.compareTo(standing.used()) < 0) {
                throw BusinessException.conflict("offset.credits-changed", OffsetPlan.plain(current),
                        OffsetPlan.plain(row.qualityCredits()));
            }
        }
        approvals.decide(user, row.approvalId(), approve, reason); // heard below, in this transaction
    }

    /**
     * A decision on an application (heard by {@link ExemptionApprovals} in the deciding transaction): the application
     * moves on, its history says what the step meant, its student is told. A failure here undoes the decision.
     */
    void decided(ApprovalDecided decided) {
        Exemption row = lock(decided.subjectId());
        ExemptionStatus next = row.decided(decided.stepName(), decided.approved());
        String action = switch (next) {
            case WAITING_DIRECTOR -> "counselor-approved";
            case RETURNED -> "returned";
            case GRANTED -> "granted";
            default -> "rejected";
        };
        setStatus(row, next, action, decided.decidedBy(), decided.reason(), null, decided);
    }

    // ---- what the notice decides (heard by ExemptionNotices in the notice's transaction) ----

    /** An objection was upheld: the application is revoked and its student told why. */
    void revokedByObjection(long noticeId, long exemptionId, String answer) {
        Exemption row = store.lock(exemptionId).orElse(null);
        if (row == null || !row.onNotice(noticeId)) {
            return; // not (or no longer) on this notice: nothing to undo
        }
        setStatus(row, ExemptionStatus.REVOKED, "revoked", actor(), answer, null, null);
    }

    /** The notice passed without an open objection: its remaining applications are final from {@code finalOn}. */
    void finalByNotice(long noticeId, LocalDate finalOn, List<NoticeItem> remaining) {
        for (NoticeItem item : remaining) {
            Exemption row = store.lock(item.subjectId()).orElse(null);
            if (row == null || !row.onNotice(noticeId)) {
                continue;
            }
            row.moveTo(ExemptionStatus.FINAL);
            store.makeFinal(row.id(), finalOn);
            approvals.note(Exemptions.SUBJECT, row.id(), row.approvalId(), "final", ExemptionStatus.FINAL.name(),
                    actor(), null);
            audit.recordChange("exemption", row.id(), "final", Map.of("status", row.status()),
                    Map.of("status", ExemptionStatus.FINAL, "finalOn", finalOn.toString()));
            notifyStudent(row, "final", null);
        }
    }

    /**
     * Moves the application (the aggregate refuses a move its status does not allow) and records it: in the history
     * (a decision's step refers to the decision), in the audit trail, and in the student's messages.
     */
    void setStatus(Exemption row, ExemptionStatus status, String action, String actor, String reason,
            Long noticeId, ApprovalDecided decision) {
        row.moveTo(status);
        if (!store.setStatus(row.id(), row.status(), status)) {
            throw BusinessException.conflict("exemption.changed-meanwhile");
        }
        if (decision != null) {
            approvals.noteDecision(decision, action, status.name());
        } else {
            approvals.note(Exemptions.SUBJECT, row.id(), row.approvalId(), action, status.name(), actor, reason);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", row.status());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status);
        if (noticeId != null) {
            before.put("noticeId", null);
            after.put("noticeId", noticeId);
        }
        if (reason != null) {
            after.put("reason", reason);
        }
        audit.recordChange("exemption", row.id(), action, before, after);
        if (!"withdrawn".equals(action) && !"published".equals(action)) {
            notifyStudent(row, action, reason);
        }
    }

    private void notifyStudent(Exemption e, String action, String reason) {
        roster.find(e.studentId()).map(Student::accountId).ifPresent(account -> notifications.send(account,
                "exemption.notify." + action, List.of(reason == null ? "" : reason), "/exemptions/" + e.id()));
    }

    private Exemption lock(long id) {
        return store.lock(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
    }

    private static String actor() {
        return CurrentUser.find().map(CurrentUser::username).orElse("system");
    }
}
