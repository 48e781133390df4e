package org.workstudy.placements;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.approvals.ApprovalDecided;
import org.workstudy.approvals.Approvals;
import org.workstudy.approvals.Approver;
import org.workstudy.approvals.DecisionView;
import org.workstudy.approvals.PendingApproval;
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
import org.workstudy.placements.internal.CertificateFile;
import org.workstudy.placements.internal.SelfArrangedEvent;
import org.workstudy.placements.internal.SelfArrangedRow;
import org.workstudy.places.Division;
import org.workstudy.places.Divisions;
import org.workstudy.policy.Policies;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.UploadedFiles;

/**
 * Self-arranged work (自行联系勤工助学): registered by the student with the counselor before it starts; out of the
 * home city also approved by the college's vice dean before it starts and proven by the employer's certificate.
 *
 * <p>Flow: SUBMITTED → (counselor approves) APPROVED for home-city work, or WAITING_VICE_DEAN → (vice dean approves
 * before the start date) VICE_DEAN_APPROVED for out-of-city work; → (student uploads the certificate)
 * CERTIFICATE_UPLOADED → (counselor accepts) VERIFIED, or back on rejection. The counselor may return a registration
 * (RETURNED: the student edits and resubmits, which opens a new approval request); the vice dean may refuse it
 * (REFUSED). The student may withdraw it until it is approved (WITHDRAWN). Home-city work counts from the counselor's
 * approval date without a certificate; a certificate may still be uploaded and verified, which does not change what
 * counts.
 */
@Service
public class SelfArrangedWork {

    /** The subject type of the approval requests. */
    public static final String SUBJECT = "self-arranged-work";
    /** The approval steps, by name. */
    static final String COUNSELOR_STEP = "counselor";
    static final String VICE_DEAN_STEP = "vice-dean";

    private final SelfArrangedStore store;
    private final Approvals approvals;
    private final Roster roster;
    private final Organization organization;
    private final DataScope scope;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Clock clock;
    private final Policies policies;
    private final Divisions divisions;
    private final long maxCertificateBytes;
    private final ApplicationEventPublisher events;

    SelfArrangedWork(SelfArrangedStore store, Approvals approvals, Roster roster, Organization organization, DataScope scope,
            Notifications notifications, AuditTrail audit, Clock clock,
            Policies policies, ApplicationEventPublisher events,
            @Value("${workstudy.self-arranged.certificate-max-bytes:10485760}") long maxCertificateBytes,
            Divisions divisions) {
        this.divisions = divisions;
        this.store = store;
        this.approvals = approvals;
        this.roster = roster;
        this.organization = organization;
        this.scope = scope;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.policies = policies;
        this.maxCertificateBytes = maxCertificateBytes;
        this.events = events;
    }

    // ---- reads for other modules (no scope checks) ----

    /** A registration waiting for the counselor's or vice dean's decision: since when, and until when (null: still). */
    public record Wait(long studentId, Instant since, Instant endedAt) {
    }

    /**
     * Every wait for a decision that began from {@code from} up to (not including) {@code to}, of every student (no
     * scope check: for assessment, which decides who sees what). Waits ended by the student's withdrawal are left out.
     */
    @Transactional(readOnly = true)
    public List<Wait> waitsBegun(Instant from, Instant to) {
        List<Approvals.Wait> waits = approvals.waitsBegun(SUBJECT, List.of(SelfArrangedStatus.SUBMITTED.name(),
                SelfArrangedStatus.WAITING_VICE_DEAN.name()), SelfArrangedStatus.WITHDRAWN.name(), from, to);
        Map<Long, Long> students = store.studentsOf(waits.stream().map(Approvals.Wait::subjectId)
                .collect(java.util.stream.Collectors.toSet()));
        return waits.stream().map(w -> new Wait(students.get(w.subjectId()), w.since(), w.endedAt())).toList();
    }

    /** A registration by id, without scope checks (for other modules). */
    public Optional<SelfArrangedView> find(long id) {
        return store.find(id).map(SelfArrangedRegistration::view);
    }

    /** A student's registrations, newest first, without scope checks (for other modules). */
    public List<SelfArrangedView> ofStudent(long studentId) {
        return store.ofStudent(studentId, true).stream().map(SelfArrangedRegistration::view).toList();
    }

    /**
     * The home city of the student: that of their cohort's policy version (the newest version's for a cohort before
     * the first version, whose work counts for nothing anyway).
     */
    public String homeCity(long studentId) {
        return policyOf(studentId).homeCity();
    }

    private org.workstudy.policy.PolicyVersion policyOf(long studentId) {
        return roster.find(studentId).flatMap(s -> organization.schoolClass(s.classId()))
                .flatMap(c -> policies.forCohort(c.cohort())).orElseGet(policies::newest);
    }

    /**
     * Whether the place lies outside the student's home city (issue 12): outside the prefecture-level city of the
     * policy's home division, so any district of the home city is inside (思明区 in 厦门市), a neighbouring city
     * outside (泉州). A policy whose home city no division matched falls back to comparing the names.
     */
    private boolean outOfCity(Division place, long studentId) {
        org.workstudy.policy.PolicyVersion policy = policyOf(studentId);
        if (policy.homeDivision() == null) {
            return SelfArrangedRules.outOfCity(place.label(), policy.homeCity());
        }
        return !divisions.sameCity(place.code(), policy.homeDivision());
    }

    // ---- student's writes ----

    /** The signed-in student registers work in advance; returns the new id. */
    @Transactional
    public long register(CurrentUser user, SelfArrangedForm form) {
        Student student = studentOf(user);
        SelfArrangedForm f = SelfArrangedRules.validate(form, today());
        Division place = divisions.require("city", f.city());
        boolean out = outOfCity(place, student.id());
        long id = store.insert(student.id(), f, place.label(), place.code(), out, now());
        long requestId = openApproval(id, student, out);
        approvals.note(SUBJECT, id, requestId, "submitted", SelfArrangedStatus.SUBMITTED.name(), user.username(),
                null);
        audit.record("self-arranged-work", id, "register", auditValues(student.id(), f, out));
        notifyCounselors(student, "selfwork.notify.submitted", f.employerName(), id);
        return id;
    }

    /** The student edits a returned registration and submits it again (a new approval request). */
    @Transactional
    public void update(CurrentUser user, long id, SelfArrangedForm form) {
        Student student = studentOf(user);
        SelfArrangedRegistration before = lockOwn(student, id);
        before.requireEditable();
        before.requireMayBecome(SelfArrangedStatus.SUBMITTED);
        SelfArrangedForm f = SelfArrangedRules.validate(form, today());
        Division place = divisions.require("city", f.city());
        boolean out = outOfCity(place, student.id());
        store.resubmit(id, f, place.label(), place.code(), out, now());
        long requestId = openApproval(id, student, out);
        approvals.note(SUBJECT, id, requestId, "resubmitted", SelfArrangedStatus.SUBMITTED.name(), user.username(),
                null);
        audit.recordChange("self-arranged-work", id, "resubmit", auditValues(student.id(), before.form(),
                before.view().outOfCity()), auditValues(student.id(), f, out));
        notifyCounselors(student, "selfwork.notify.submitted", f.employerName(), id);
    }

    /** The student withdraws a registration that is not yet approved (submitted, returned, waiting for the vice dean). */
    @Transactional
    public void withdraw(CurrentUser user, long id) {
        Student student = studentOf(user);
        SelfArrangedRegistration row = lockOwn(student, id);
        SelfArrangedStatus next = row.withdraw();
        if (row.approvalRequestId() != null) {
            approvals.cancel(row.approvalRequestId(), "withdrawn");
        }
        setStatus(row, next, "withdrawn", user.username(), null, null, null, null);
    }

    /** The student uploads the employer's certificate (PDF/JPEG/PNG, at most 10 MB, checked by content). */
    @Transactional
    public void uploadCertificate(CurrentUser user, long id, String filename, byte[] content) {
        Student student = studentOf(user);
        SelfArrangedRegistration row = lockOwn(student, id);
        SelfArrangedStatus next = row.certificateUploaded();
        String type = UploadedFiles.check(content, maxCertificateBytes, "selfwork.certificate");
        String name = UploadedFiles.safeName(filename, type, "certificate");
        long certificateId = store.insertCertificate(id, name, type, content, user.username(), now());
        audit.record("self-arranged-work", id, "certificate", Map.of("certificateId", certificateId,
                "fileName", name, "contentType", type, "sizeBytes", content.length));
        setStatus(row, next, "certificate-uploaded", user.username(), null, null, null, null);
        notifyCounselors(student, "selfwork.notify.certificate", row.view().employerName(), id);
    }

    // ---- approvers' writes ----

    /**
     * The approver of the current step approves, or returns (counselor) / refuses (vice dean) with a reason. The
     * counselor must hold the student's class, the vice dean the student's college; the vice dean approves only
     * before the start date.
     */
    @Transactional
    public void decide(CurrentUser user, long id, boolean approve, String reason) {
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
        boolean counselorStep = COUNSELOR_STEP.equals(decided.stepName());
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

    /** The counselor of the student's class accepts or rejects (with a reason) the uploaded certificate. */
    @Transactional
    public void verifyCertificate(CurrentUser user, long id, boolean accept, String reason) {
        SelfArrangedRegistration row = lock(id);
        scope.requireStudent(user, row.studentId());
        if (!user.acts(Role.COUNSELOR)) {
            throw BusinessException.forbidden();
        }
        SelfArrangedStatus next = row.certificateVerified(accept);
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (!accept && why == null) {
            throw BusinessException.invalid("approvals.reason-required");
        }
        if (why != null && why.length() > 500) {
            throw BusinessException.invalid("approvals.reason-too-long", 500);
        }
        if (accept) {
            store.markCertificateVerified(id);
            setStatus(row, next, "certificate-accepted", user.username(), why, null, null, null);
            events.publishEvent(new SelfArrangedVerified(id, row.studentId()));
        } else {
            setStatus(row, next, "certificate-rejected", user.username(), why, null, null, null);
        }
    }

    // ---- scoped reads for pages and the API ----

    /** The signed-in student's registrations, newest first. */
    public List<SelfArrangedRow> mine(CurrentUser user) {
        Student student = studentOf(user);
        return rows(store.ofStudent(student.id(), false));
    }

    /** A registration for its student, or for staff who may see the student; otherwise not found. */
    public SelfArrangedRow get(CurrentUser user, long id) {
        SelfArrangedRegistration row = store.find(id)
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        requireReader(user, row);
        return rows(List.of(row)).get(0);
    }

    /** The history of a registration, oldest first (kept by approvals: one history per registration). */
    public List<SelfArrangedEvent> history(CurrentUser user, long id) {
        get(user, id);
        return approvals.lifecycle(SUBJECT, id).stream().map(h -> new SelfArrangedEvent(h.at(), h.actor(),
                h.action(), SelfArrangedStatus.valueOf(h.status()), h.reason())).toList();
    }

    /** The approval decisions of the registration's current request (its latest submission), in order. */
    public List<DecisionView> decisions(CurrentUser user, long id) {
        get(user, id);
        Long request = store.find(id).map(SelfArrangedRegistration::approvalRequestId).orElse(null);
        return request == null ? List.of() : approvals.history(request);
    }

    /** Every approval decision on the registration, over all its submissions, in order. */
    public List<DecisionView> allDecisions(CurrentUser user, long id) {
        get(user, id);
        return approvals.historyOf(SUBJECT, id);
    }

    /** The current certificate, for those who may see the registration. */
    public Optional<CertificateFile> certificate(CurrentUser user, long id) {
        get(user, id);
        return store.certificate(id);
    }

    /**
     * What waits for the user: registrations whose current approval step is theirs (not yet expired), and for a
     * counselor the uploaded certificates of their classes' students.
     */
    public List<SelfArrangedRow> waitingFor(CurrentUser user) {
        Set<Long> ids = new LinkedHashSet<>();
        for (PendingApproval p : approvals.pendingFor(user, SUBJECT)) {
            ids.add(p.subjectId());
        }
        List<SelfArrangedRegistration> found = new ArrayList<>(store.byIds(ids));
        if (user.acts(Role.COUNSELOR) && !user.activeScopeIds().isEmpty()) {
            found.addAll(store.of(scope.condition(user, null, "w.student_id"),
                    SelfArrangedStatus.CERTIFICATE_UPLOADED, Integer.MAX_VALUE));
        }
        LocalDate today = today();
        List<SelfArrangedRegistration> live = found.stream().filter(r -> scope.maySeeStudent(user, r.studentId()))
                .filter(r -> !SelfArrangedRules.expired(r.view().outOfCity(), r.status(), r.view().startsOn(), today))
                .sorted(Comparator.comparing((SelfArrangedRegistration r) -> r.view().startsOn())
                        .thenComparing(SelfArrangedRegistration::id)).toList();
        return rows(live);
    }

    /** How many wait for the user (the home card). */
    public int waitingCount(CurrentUser user) {
        return waitingFor(user).size();
    }

    /** Registrations of the students the user may see (staff), newest first, at most {@code limit}. */
    public List<SelfArrangedRow> inScope(CurrentUser user, SelfArrangedStatus status, int limit) {
        if (user.acts(Role.STUDENT) || user.acts(Role.EMPLOYER)) {
            throw BusinessException.forbidden();
        }
        return rows(store.of(scope.condition(user, null, "w.student_id"), status, Math.max(1, Math.min(limit, 500))));
    }

    /** Whether the user may decide the current approval step of the registration now. */
    public boolean mayDecide(CurrentUser user, SelfArrangedRow row) {
        SelfArrangedRegistration r = store.find(row.work().id()).orElseThrow();
        return r.status().isPending() && r.approvalRequestId() != null && scope.maySeeStudent(user, r.studentId())
                && approvals.mayDecide(user, r.approvalRequestId());
    }

    /** Whether the user may verify the registration's certificate now. */
    public boolean mayVerify(CurrentUser user, SelfArrangedRow row) {
        return user.acts(Role.COUNSELOR) && row.work().status() == SelfArrangedStatus.CERTIFICATE_UPLOADED
                && scope.maySeeStudent(user, row.work().studentId());
    }

    /** The signed-in student; refuses other roles. */
    public Student studentOf(CurrentUser user) {
        if (!user.acts(Role.STUDENT)) {
            throw BusinessException.forbidden();
        }
        return roster.ofAccount(user.accountId()).orElseThrow(BusinessException::forbidden);
    }

    // ---- internals ----

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

    private long openApproval(long id, Student student, boolean out) {
        SchoolClass schoolClass = organization.schoolClass(student.classId()).orElseThrow();
        List<StepSpec> steps = new ArrayList<>();
        steps.add(StepSpec.named(COUNSELOR_STEP, Approver.of(Role.COUNSELOR, schoolClass.id())));
        if (out) {
            steps.add(StepSpec.named(VICE_DEAN_STEP, Approver.of(Role.VICE_DEAN, schoolClass.collegeId())));
        }
        long requestId = approvals.open(SUBJECT, id, steps);
        store.setApprovalRequest(id, requestId);
        return requestId;
    }

    /**
     * Moves the registration (the aggregate refuses a move its status does not allow) and records it: in the history
     * (a decision's step refers to the decision), in the audit trail, and in the student's messages.
     */
    private void setStatus(SelfArrangedRegistration row, SelfArrangedStatus status, String action, String actor,
            String reason, LocalDate counselorApprovedOn, LocalDate viceDeanApprovedOn, ApprovalDecided decision) {
        row.requireMayBecome(status);
        if (!store.setStatus(row.id(), row.status(), status, counselorApprovedOn, viceDeanApprovedOn, now())) {
            throw BusinessException.conflict("selfwork.changed-meanwhile");
        }
        if (decision != null) {
            approvals.noteDecision(decision, action, status.name());
        } else {
            approvals.note(SUBJECT, row.id(), row.approvalRequestId(), action, status.name(), actor, reason);
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

    private void notifyCounselors(Student student, String key, String employer, long id) {
        List<Long> counselors = organization.counselorsOf(student.classId());
        if (!counselors.isEmpty()) {
            notifications.sendAll(counselors, key, List.of(student.name(), employer), "/self-arranged/" + id);
        }
    }

    private SelfArrangedRegistration lock(long id) {
        return store.lock(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
    }

    private SelfArrangedRegistration lockOwn(Student student, long id) {
        SelfArrangedRegistration row = lock(id);
        if (row.studentId() != student.id()) {
            throw BusinessException.notFound("error.not-found");
        }
        return row;
    }

    private List<SelfArrangedRow> rows(List<SelfArrangedRegistration> rows) {
        LocalDate today = today();
        Map<Long, Student> students = new java.util.HashMap<>();
        Map<Long, String> classNames = new java.util.HashMap<>();
        List<SelfArrangedRow> out = new ArrayList<>();
        for (SelfArrangedRegistration r : rows) {
            Student s = students.computeIfAbsent(r.studentId(), k -> roster.find(k).orElseThrow());
            String className = classNames.computeIfAbsent(s.classId(),
                    k -> organization.schoolClass(k).map(SchoolClass::name).orElse(""));
            var cert = store.certificateName(r.id());
            String lastReason = approvals.lastReason(SUBJECT, r.id()).orElse(null);
            out.add(new SelfArrangedRow(r.view(), s.studentNo(), s.name(), className, r.contactPerson(),
                    r.contactPhone(), r.createdAt(),
                    SelfArrangedRules.expired(r.view().outOfCity(), r.status(), r.view().startsOn(), today),
                    cert.map(SelfArrangedStore.CertificateName::fileName).orElse(null),
                    cert.map(SelfArrangedStore.CertificateName::uploadedAt).orElse(null),
                    lastReason));
        }
        return out;
    }

    private static Map<String, Object> auditValues(long studentId, SelfArrangedForm f, boolean out) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("student", studentId);
        values.put("employerName", f.employerName());
        values.put("city", f.city());
        values.put("outOfCity", out);
        values.put("address", f.address());
        values.put("contactPerson", f.contactPerson());
        values.put("phone", f.contactPhone());
        values.put("startsOn", String.valueOf(f.startsOn()));
        values.put("endsOn", String.valueOf(f.endsOn()));
        values.put("expectedHours", f.expectedHours() == null ? null : f.expectedHours().toPlainString());
        values.put("content", f.content());
        return values;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return clock.instant().atZone(clock.getZone()).toOffsetDateTime();
    }
}
