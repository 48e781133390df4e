package org.workstudy.exemptions;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.workstudy.approvals.Approvals;
import org.workstudy.approvals.DecisionView;
import org.workstudy.approvals.PendingApproval;
import org.workstudy.exemptions.internal.ExemptionEvent;
import org.workstudy.exemptions.internal.ExemptionEvidence;
import org.workstudy.exemptions.internal.ExemptionOutlook;
import org.workstudy.exemptions.internal.ExemptionPages;
import org.workstudy.exemptions.internal.ExemptionStatus;
import org.workstudy.exemptions.internal.ExemptionView;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentRow;
import org.workstudy.policy.Policies;
import org.workstudy.policy.PolicyVersion;
import org.workstudy.shared.BusinessException;

/**
 * {@link ExemptionPages} over the package-private store: here in the root, since the store is not visible from
 * {@code exemptions.internal}, while the interface lives there so that no other module sees it.
 */
@Service
class ExemptionPageReads implements ExemptionPages {

    private final ExemptionStore store;
    private final ExemptionEligibility eligibility;
    private final Approvals approvals;
    private final Roster roster;
    private final DataScope scope;
    private final Policies policies;

    ExemptionPageReads(ExemptionStore store, ExemptionEligibility eligibility, Approvals approvals, Roster roster,
            DataScope scope, Policies policies) {
        this.store = store;
        this.eligibility = eligibility;
        this.approvals = approvals;
        this.roster = roster;
        this.scope = scope;
        this.policies = policies;
    }

    @Override
    public ExemptionOutlook outlook(CurrentUser user) {
        return eligibility.outlook(eligibility.studentOf(user));
    }

    @Override
    public List<ExemptionView> mine(CurrentUser user) {
        Student student = eligibility.studentOf(user);
        return views(store.ofStudent(student.id()));
    }

    @Override
    public ExemptionView get(CurrentUser user, long id) {
        Exemption row = store.find(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        requireReader(user, row.studentId());
        return views(List.of(row)).get(0);
    }

    @Override
    public List<ExemptionEvent> history(CurrentUser user, long id) {
        get(user, id);
        return approvals.lifecycle(Exemptions.SUBJECT, id).stream().map(h -> new ExemptionEvent(h.at(), h.actor(),
                h.action(), ExemptionStatus.valueOf(h.status()), h.reason())).toList();
    }

    @Override
    public List<DecisionView> decisions(CurrentUser user, long id) {
        get(user, id);
        return approvals.historyOf(Exemptions.SUBJECT, id);
    }

    @Override
    public List<ExemptionEvidence> evidence(CurrentUser user, long id) {
        get(user, id);
        return store.evidence(id);
    }

    @Override
    public ExemptionEvidence evidenceFile(CurrentUser user, long id, long fileId) {
        get(user, id);
        return store.evidenceFile(id, fileId);
    }

    @Override
    public List<ExemptionView> waitingFor(CurrentUser user) {
        Set<Long> ids = new LinkedHashSet<>();
        for (PendingApproval p : approvals.pendingFor(user, Exemptions.SUBJECT)) {
            ids.add(p.subjectId());
        }
        return views(store.byIds(ids).stream()
                .filter(r -> r.status().pending() && scope.maySeeStudent(user, r.studentId())).toList());
    }

    @Override
    public List<ExemptionView> inScope(CurrentUser user, ExemptionStatus status, int limit) {
        if (user.acts(Role.STUDENT) || user.acts(Role.EMPLOYER)) {
            throw BusinessException.forbidden();
        }
        return views(store.of(scope.condition(user, null, "e.student_id"), status, Math.max(1, Math.min(limit, 500))));
    }

    @Override
    public boolean mayDecide(CurrentUser user, ExemptionView view) {
        if (!view.status().pending()) {
            return false;
        }
        Long request = store.find(view.id()).map(Exemption::approvalId).orElse(null);
        return request != null && scope.maySeeStudent(user, view.studentId()) && approvals.mayDecide(user, request);
    }

    private void requireReader(CurrentUser user, long studentId) {
        if (user.acts(Role.STUDENT)) {
            Student student = roster.ofAccount(user.accountId()).orElse(null);
            if (student == null || student.id() != studentId) {
                throw BusinessException.notFound("error.not-found");
            }
            return;
        }
        if (user.acts(Role.EMPLOYER)) {
            throw BusinessException.notFound("error.not-found");
        }
        scope.requireStudent(user, studentId);
    }

    /**
     * The views: each student's number, name, class and college (from organization), and the required hours of each
     * one's policy version (and so the hours still to work).
     */
    private List<ExemptionView> views(List<Exemption> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, PolicyVersion> versions = ExemptionPublishing.versionsById(policies);
        Map<Long, StudentRow> students = roster.rows(rows.stream().map(Exemption::studentId).toList());
        return rows.stream().map(e -> {
            StudentRow s = students.get(e.studentId());
            PolicyVersion p = versions.get(e.policyVersionId());
            BigDecimal required = p == null ? null : p.requiredHours();
            BigDecimal remaining = required == null ? null
                    : e.offset() ? required.subtract(e.offsetHours()).max(BigDecimal.ZERO) : BigDecimal.ZERO;
            return new ExemptionView(e.id(), e.studentId(), s.studentNo(), s.name(), s.className(), s.collegeId(),
                    s.collegeName(), s.cohort(), e.kind(), e.reasonKind(), e.reason(), e.status(), e.qualityCredits(),
                    e.offsetHours(), required, remaining, e.noticeId(), e.finalOn(), e.createdAt());
        }).toList();
    }
}
