package org.workstudy.placements;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.workstudy.approvals.Approvals;
import org.workstudy.approvals.DecisionView;
import org.workstudy.approvals.PendingApproval;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.Student;
import org.workstudy.placements.internal.CertificateFile;
import org.workstudy.placements.internal.SelfArrangedEvent;
import org.workstudy.placements.internal.SelfArrangedPages;
import org.workstudy.placements.internal.SelfArrangedRow;
import org.workstudy.shared.BusinessException;

/**
 * {@link SelfArrangedPages} over the package-private store: here in the root, since the store is not visible from
 * {@code placements.internal}, while the interface lives there so that no other module sees it.
 */
@Service
class SelfArrangedPageReads implements SelfArrangedPages {

    private final SelfArrangedStore store;
    private final SelfArrangedLifecycle lifecycle;
    private final SelfArrangedHomeCities homeCities;
    private final Approvals approvals;
    private final Roster roster;
    private final Organization organization;
    private final DataScope scope;
    private final Clock clock;

    SelfArrangedPageReads(SelfArrangedStore store, SelfArrangedLifecycle lifecycle, SelfArrangedHomeCities homeCities,
            Approvals approvals, Roster roster, Organization organization, DataScope scope, Clock clock) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.homeCities = homeCities;
        this.approvals = approvals;
        this.roster = roster;
        this.organization = organization;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public List<SelfArrangedRow> mine(CurrentUser user) {
        Student student = studentOf(user);
        return rows(store.ofStudent(student.id(), false));
    }

    @Override
    public SelfArrangedRow get(CurrentUser user, long id) {
        SelfArrangedRegistration row = store.find(id)
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        requireReader(user, row);
        return rows(List.of(row)).get(0);
    }

    @Override
    public List<SelfArrangedEvent> history(CurrentUser user, long id) {
        get(user, id);
        return approvals.lifecycle(SelfArrangedWork.SUBJECT, id).stream().map(h -> new SelfArrangedEvent(h.at(),
                h.actor(), h.action(), SelfArrangedStatus.valueOf(h.status()), h.reason())).toList();
    }

    @Override
    public List<DecisionView> decisions(CurrentUser user, long id) {
        get(user, id);
        Long request = store.find(id).map(SelfArrangedRegistration::approvalRequestId).orElse(null);
        return request == null ? List.of() : approvals.history(request);
    }

    @Override
    public List<DecisionView> allDecisions(CurrentUser user, long id) {
        get(user, id);
        return approvals.historyOf(SelfArrangedWork.SUBJECT, id);
    }

    @Override
    public Optional<CertificateFile> certificate(CurrentUser user, long id) {
        get(user, id);
        return store.certificate(id);
    }

    @Override
    public List<SelfArrangedRow> waitingFor(CurrentUser user) {
        Set<Long> ids = new LinkedHashSet<>();
        for (PendingApproval p : approvals.pendingFor(user, SelfArrangedWork.SUBJECT)) {
            ids.add(p.subjectId());
        }
        List<SelfArrangedRegistration> found = new ArrayList<>(store.byIds(ids));
        if (user.acts(Role.COUNSELOR) && !user.activeScopeIds().isEmpty()) {
            found.addAll(store.of(scope.condition(user, null, "w.student_id"),
                    SelfArrangedStatus.CERTIFICATE_UPLOADED, Integer.MAX_VALUE));
        }
        LocalDate today = LocalDate.now(clock);
        List<SelfArrangedRegistration> live = found.stream().filter(r -> scope.maySeeStudent(user, r.studentId()))
                .filter(r -> !SelfArrangedRules.expired(r.view().outOfCity(), r.status(), r.view().startsOn(), today))
                .sorted(Comparator.comparing((SelfArrangedRegistration r) -> r.view().startsOn())
                        .thenComparing(SelfArrangedRegistration::id)).toList();
        return rows(live);
    }

    @Override
    public int waitingCount(CurrentUser user) {
        return waitingFor(user).size();
    }

    @Override
    public List<SelfArrangedRow> inScope(CurrentUser user, SelfArrangedStatus status, int limit) {
        if (user.acts(Role.STUDENT) || user.acts(Role.EMPLOYER)) {
            throw BusinessException.forbidden();
        }
        return rows(store.of(scope.condition(user, null, "w.student_id"), status, Math.max(1, Math.min(limit, 500))));
    }

    @Override
    public boolean mayDecide(CurrentUser user, SelfArrangedRow row) {
        SelfArrangedRegistration r = store.find(row.work().id()).orElseThrow();
        return r.status().isPending() && r.approvalRequestId() != null && scope.maySeeStudent(user, r.studentId())
                && approvals.mayDecide(user, r.approvalRequestId());
    }

    @Override
    public boolean mayVerify(CurrentUser user, SelfArrangedRow row) {
        return user.acts(Role.COUNSELOR) && row.work().status() == SelfArrangedStatus.CERTIFICATE_UPLOADED
                && scope.maySeeStudent(user, row.work().studentId());
    }

    @Override
    public Student studentOf(CurrentUser user) {
        return lifecycle.studentOf(user);
    }

    @Override
    public String homeCity(long studentId) {
        return homeCities.homeCity(studentId);
    }

    private void requireReader(CurrentUser user, SelfArrangedRegistration row) {
        if (user.acts(Role.STUDENT)) {
            Student student = roster.ofAccount(user.accountId()).orElse(null);
            if (student == null || student.id() != row.studentId()) {
                throw BusinessException.notFound("error.not-found");
            }
            return;
        }
        if (user.acts(Role.EMPLOYER)) {
            throw BusinessException.notFound("error.not-found");
        }
        scope.requireStudent(user, row.studentId());
    }

    private List<SelfArrangedRow> rows(List<SelfArrangedRegistration> rows) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Student> students = new HashMap<>();
        Map<Long, String> classNames = new HashMap<>();
        List<SelfArrangedRow> out = new ArrayList<>();
        for (SelfArrangedRegistration r : rows) {
            Student s = students.computeIfAbsent(r.studentId(), k -> roster.find(k).orElseThrow());
            String className = classNames.computeIfAbsent(s.classId(),
                    k -> organization.schoolClass(k).map(SchoolClass::name).orElse(""));
            var cert = store.certificateName(r.id());
            String lastReason = approvals.lastReason(SelfArrangedWork.SUBJECT, r.id()).orElse(null);
            out.add(new SelfArrangedRow(r.view(), s.studentNo(), s.name(), className, r.contactPerson(),
                    r.contactPhone(), r.createdAt(),
                    SelfArrangedRules.expired(r.view().outOfCity(), r.status(), r.view().startsOn(), today),
                    cert.map(SelfArrangedStore.CertificateName::fileName).orElse(null),
                    cert.map(SelfArrangedStore.CertificateName::uploadedAt).orElse(null),
                    lastReason));
        }
        return out;
    }
}
