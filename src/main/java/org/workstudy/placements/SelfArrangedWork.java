package org.workstudy.placements;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.workstudy.places.Division;
import org.workstudy.places.Divisions;
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

    static final String SELECT = "SELECT w.id, w.student_id, w.employer_name, w.city, w.address, w.out_of_city,"
            + " w.starts_on, w.ends_on, w.expected_hours, w.content, w.status, w.counselor_approved_on,"
            + " w.vice_dean_approved_on, w.certificate_verified, w.contact_person, w.contact_phone, w.created_at,"
            + " w.approval_request_id, w.division_code FROM plc_self_work w";

    private final JdbcClient jdbc;
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

    SelfArrangedWork(JdbcClient jdbc, Approvals approvals, Roster roster, Organization organization, DataScope scope,
            Notifications notifications, AuditTrail audit, Clock clock,
            Policies policies, ApplicationEventPublisher events,
            @Value("${workstudy.self-arranged.certificate-max-bytes:10485760}") long maxCertificateBytes,
            Divisions divisions) {
        this.divisions = divisions;
        this.jdbc = jdbc;
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

    /** A registration by id, without scope checks (for other modules). */
    public Optional<SelfArrangedView> find(long id) {
        return jdbc.sql(SELECT + " WHERE w.id = ?").param(id).query(SelfArrangedWork::row).optional().map(Row::view);
    }

    /** A student's registrations, newest first, without scope checks (for other modules). */
    public List<SelfArrangedView> ofStudent(long studentId) {
        return jdbc.sql(SELECT + " WHERE w.student_id = ? ORDER BY w.starts_on DESC, w.id DESC").param(studentId)
                .query(SelfArrangedWork::row).list().stream().map(Row::view).toList();
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
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO plc_self_work (student_id, employer_name, city, address, contact_person, contact_phone,"
                        + " starts_on, ends_on, expected_hours, content, out_of_city, status, created_at, updated_at,"
                        + " division_code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(student.id(), f.employerName(), place.label(), f.address(), f.contactPerson(),
                        f.contactPhone(), f.startsOn(), f.endsOn(), f.expectedHours(), f.content(), out,
                        SelfArrangedStatus.SUBMITTED.name(), now(), now(), place.code())
                .update(key, "id");
        long id = key.getKey().longValue();
        openApproval(id, student, out);
        event(id, user.username(), "submitted", SelfArrangedStatus.SUBMITTED, null);
        audit.record("self-arranged-work", id, "register", auditValues(student.id(), f, out));
        notifyCounselors(student, "selfwork.notify.submitted", f.employerName(), id);
        return id;
    }

    /** The student edits a returned registration and submits it again (a new approval request). */
    @Transactional
    public void update(CurrentUser user, long id, SelfArrangedForm form) {
        Student student = studentOf(user);
        Row before = lockOwn(student, id);
        if (before.status() != SelfArrangedStatus.RETURNED) {
            throw BusinessException.conflict("selfwork.not-editable");
        }
        SelfArrangedForm f = SelfArrangedRules.validate(form, today());
        Division place = divisions.require("city", f.city());
        boolean out = outOfCity(place, student.id());
        jdbc.sql("UPDATE plc_self_work SET employer_name = ?, city = ?, address = ?, contact_person = ?,"
                        + " contact_phone = ?, starts_on = ?, ends_on = ?, expected_hours = ?, content = ?,"
                        + " out_of_city = ?, status = ?, counselor_approved_on = NULL, vice_dean_approved_on = NULL,"
                        + " certificate_verified = FALSE, updated_at = ?, division_code = ? WHERE id = ?")
                .params(f.employerName(), place.label(), f.address(), f.contactPerson(), f.contactPhone(),
                        f.startsOn(), f.endsOn(), f.expectedHours(), f.content(), out,
                        SelfArrangedStatus.SUBMITTED.name(), now(), place.code(), id)
                .update();
        openApproval(id, student, out);
        event(id, user.username(), "resubmitted", SelfArrangedStatus.SUBMITTED, null);
        audit.recordChange("self-arranged-work", id, "resubmit", auditValues(student.id(), before.form(),
                before.view().outOfCity()), auditValues(student.id(), f, out));
        notifyCounselors(student, "selfwork.notify.submitted", f.employerName(), id);
    }

    /** The student withdraws a registration that is not yet approved (submitted, returned, waiting for the vice dean). */
    @Transactional
    public void withdraw(CurrentUser user, long id) {
        Student student = studentOf(user);
        Row row = lockOwn(student, id);
        if (!row.status().isPending() && row.status() != SelfArrangedStatus.RETURNED) {
            throw BusinessException.conflict("selfwork.withdraw.not-possible");
        }
        if (row.approvalRequestId() != null) {
            approvals.cancel(row.approvalRequestId(), "withdrawn");
        }
        setStatus(row, SelfArrangedStatus.WITHDRAWN, "withdrawn", user.username(), null, null, null);
    }

    /** The student uploads the employer's certificate (PDF/JPEG/PNG, at most 10 MB, checked by content). */
    @Transactional
    public void uploadCertificate(CurrentUser user, long id, String filename, byte[] content) {
        Student student = studentOf(user);
        Row row = lockOwn(student, id);
        Set<SelfArrangedStatus> allowed = Set.of(SelfArrangedStatus.APPROVED, SelfArrangedStatus.VICE_DEAN_APPROVED,
                SelfArrangedStatus.CERTIFICATE_UPLOADED);
        if (!allowed.contains(row.status())) {
            throw BusinessException.conflict("selfwork.certificate.not-now");
        }
        String type = UploadedFiles.check(content, maxCertificateBytes, "selfwork.certificate");
        String name = UploadedFiles.safeName(filename, type, "certificate");
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO plc_self_certificate (work_id, file_name, content_type, size_bytes, uploaded_at,"
                        + " uploaded_by, content) VALUES (?,?,?,?,?,?,?)")
                .params(id, name, type, content.length, now(), user.username(), content).update(key, "id");
        audit.record("self-arranged-work", id, "certificate", Map.of("certificateId", key.getKey().longValue(),
                "fileName", name, "contentType", type, "sizeBytes", content.length));
        setStatus(row, SelfArrangedStatus.CERTIFICATE_UPLOADED, "certificate-uploaded", user.username(), null, null,
                null);
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
        Row row = lock(id);
        scope.requireStudent(user, row.studentId());
        if (!row.status().isPending() || row.approvalRequestId() == null) {
            throw BusinessException.conflict("selfwork.not-pending");
        }
        LocalDate today = today();
        if (approve && row.view().outOfCity() && !SelfArrangedRules.viceDeanInTime(today, row.view().startsOn())
                && (user.acts(Role.VICE_DEAN) || user.acts(Role.COUNSELOR))) {
            throw BusinessException.invalid("selfwork.vice-dean-too-late", row.view().startsOn());
        }
        ApprovalDecided decided = approvals.decide(user, row.approvalRequestId(), approve, reason);
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        boolean counselorStep = decided.step() == 1;
        if (!approve) {
            SelfArrangedStatus next = counselorStep ? SelfArrangedStatus.RETURNED : SelfArrangedStatus.REFUSED;
            setStatus(row, next, counselorStep ? "returned" : "refused", user.username(), why, null, null);
        } else if (counselorStep) {
            SelfArrangedStatus next = row.view().outOfCity() ? SelfArrangedStatus.WAITING_VICE_DEAN
                    : SelfArrangedStatus.APPROVED;
            setStatus(row, next, "counselor-approved", user.username(), why, today, null);
        } else {
            setStatus(row, SelfArrangedStatus.VICE_DEAN_APPROVED, "vice-dean-approved", user.username(), why, null,
                    today);
        }
    }

    /** The counselor of the student's class accepts or rejects (with a reason) the uploaded certificate. */
    @Transactional
    public void verifyCertificate(CurrentUser user, long id, boolean accept, String reason) {
        Row row = lock(id);
        scope.requireStudent(user, row.studentId());
        if (!user.acts(Role.COUNSELOR)) {
            throw BusinessException.forbidden();
        }
        if (row.status() != SelfArrangedStatus.CERTIFICATE_UPLOADED) {
            throw BusinessException.conflict("selfwork.certificate.nothing-to-verify");
        }
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (!accept && why == null) {
            throw BusinessException.invalid("approvals.reason-required");
        }
        if (why != null && why.length() > 500) {
            throw BusinessException.invalid("approvals.reason-too-long", 500);
        }
        if (accept) {
            jdbc.sql("UPDATE plc_self_work SET certificate_verified = TRUE WHERE id = ?").param(id).update();
            setStatus(row, SelfArrangedStatus.VERIFIED, "certificate-accepted", user.username(), why, null, null);
            events.publishEvent(new SelfArrangedVerified(id, row.studentId()));
        } else {
            SelfArrangedStatus back = row.view().outOfCity() ? SelfArrangedStatus.VICE_DEAN_APPROVED
                    : SelfArrangedStatus.APPROVED;
            setStatus(row, back, "certificate-rejected", user.username(), why, null, null);
        }
    }

    // ---- scoped reads for pages and the API ----

    /** The signed-in student's registrations, newest first. */
    public List<SelfArrangedRow> mine(CurrentUser user) {
        Student student = studentOf(user);
        return rows(jdbc.sql(SELECT + " WHERE w.student_id = ? ORDER BY w.id DESC").param(student.id())
                .query(SelfArrangedWork::row).list());
    }

    /** A registration for its student, or for staff who may see the student; otherwise not found. */
    public SelfArrangedRow get(CurrentUser user, long id) {
        Row row = jdbc.sql(SELECT + " WHERE w.id = ?").param(id).query(SelfArrangedWork::row).optional()
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        requireReader(user, row);
        return rows(List.of(row)).get(0);
    }

    /** The history of a registration, oldest first. */
    public List<SelfArrangedEvent> history(CurrentUser user, long id) {
        get(user, id);
        return jdbc.sql("SELECT at, actor, action, status, reason FROM plc_self_event WHERE work_id = ? ORDER BY id")
                .param(id)
                .query((rs, n) -> new SelfArrangedEvent(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), SelfArrangedStatus.valueOf(rs.getString(4)), rs.getString(5)))
                .list();
    }

    /** The approval decisions of the registration's current request (its latest submission), in order. */
    public List<DecisionView> decisions(CurrentUser user, long id) {
        get(user, id);
        Long request = jdbc.sql("SELECT approval_request_id FROM plc_self_work WHERE id = ?").param(id)
                .query(Long.class).optional().orElse(null);
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
        return jdbc.sql("SELECT id, work_id, file_name, content_type, size_bytes, uploaded_at, uploaded_by, content"
                        + " FROM plc_self_certificate WHERE work_id = ? ORDER BY id DESC LIMIT 1")
                .param(id)
                .query((rs, n) -> new CertificateFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getBytes(8)))
                .optional();
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
        List<Row> found = new ArrayList<>();
        if (!ids.isEmpty()) {
            found.addAll(jdbc.sql(SELECT + " WHERE w.id IN (:ids)").param("ids", ids).query(SelfArrangedWork::row)
                    .list());
        }
        if (user.acts(Role.COUNSELOR) && !user.activeScopeIds().isEmpty()) {
            found.addAll(jdbc.sql(SELECT + " JOIN org_student s ON s.id = w.student_id WHERE w.status = :status"
                            + " AND s.class_id IN (:classes)")
                    .param("status", SelfArrangedStatus.CERTIFICATE_UPLOADED.name())
                    .param("classes", user.activeScopeIds()).query(SelfArrangedWork::row).list());
        }
        LocalDate today = today();
        List<Row> live = found.stream().filter(r -> scope.maySeeStudent(user, r.studentId()))
                .filter(r -> !SelfArrangedRules.expired(r.view().outOfCity(), r.status(), r.view().startsOn(), today))
                .sorted(Comparator.comparing((Row r) -> r.view().startsOn()).thenComparing(Row::id)).toList();
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
        var students = scope.studentsOf(user);
        StringBuilder where = new StringBuilder(" JOIN org_student s ON s.id = w.student_id"
                + " JOIN org_class c ON c.id = s.class_id WHERE ");
        Map<String, Object> params = new LinkedHashMap<>();
        if (students.school()) {
            where.append("1=1");
        } else {
            List<String> any = new ArrayList<>();
            if (!students.collegeIds().isEmpty()) {
                any.add("c.college_id IN (:colleges)");
                params.put("colleges", students.collegeIds());
            }
            if (!students.classIds().isEmpty()) {
                any.add("s.class_id IN (:classes)");
                params.put("classes", students.classIds());
            }
            if (any.isEmpty()) {
                return List.of();
            }
            where.append("(").append(String.join(" OR ", any)).append(")");
        }
        if (status != null) {
            where.append(" AND w.status = :status");
            params.put("status", status.name());
        }
        return rows(jdbc.sql(SELECT + where + " ORDER BY w.id DESC LIMIT " + Math.max(1, Math.min(limit, 500)))
                .params(params).query(SelfArrangedWork::row).list());
    }

    /** Whether the user may decide the current approval step of the registration now. */
    public boolean mayDecide(CurrentUser user, SelfArrangedRow row) {
        Row r = jdbc.sql(SELECT + " WHERE w.id = ?").param(row.work().id()).query(SelfArrangedWork::row).single();
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

    private void requireReader(CurrentUser user, Row row) {
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

    private void openApproval(long id, Student student, boolean out) {
        SchoolClass schoolClass = organization.schoolClass(student.classId()).orElseThrow();
        List<StepSpec> steps = new ArrayList<>();
        steps.add(StepSpec.of(Approver.of(Role.COUNSELOR, schoolClass.id())));
        if (out) {
            steps.add(StepSpec.of(Approver.of(Role.VICE_DEAN, schoolClass.collegeId())));
        }
        long requestId = approvals.open(SUBJECT, id, steps);
        jdbc.sql("UPDATE plc_self_work SET approval_request_id = ? WHERE id = ?").params(requestId, id).update();
    }

    private void setStatus(Row row, SelfArrangedStatus status, String action, String actor, String reason,
            LocalDate counselorApprovedOn, LocalDate viceDeanApprovedOn) {
        int n = jdbc.sql("UPDATE plc_self_work SET status = ?, updated_at = ?,"
                        + " counselor_approved_on = COALESCE(?, counselor_approved_on),"
                        + " vice_dean_approved_on = COALESCE(?, vice_dean_approved_on) WHERE id = ? AND status = ?")
                .params(status.name(), now(), counselorApprovedOn, viceDeanApprovedOn, row.id(), row.status().name())
                .update();
        if (n != 1) {
            throw BusinessException.conflict("selfwork.changed-meanwhile");
        }
        event(row.id(), actor, action, status, reason);
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

    private void event(long id, String actor, String action, SelfArrangedStatus status, String reason) {
        jdbc.sql("INSERT INTO plc_self_event (work_id, at, actor, action, status, reason) VALUES (?,?,?,?,?,?)")
                .params(id, now(), actor, action, status.name(), reason).update();
    }

    private Row lock(long id) {
        return jdbc.sql(SELECT + " WHERE w.id = ? FOR UPDATE").param(id).query(SelfArrangedWork::row).optional()
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
    }

    private Row lockOwn(Student student, long id) {
        Row row = lock(id);
        if (row.studentId() != student.id()) {
            throw BusinessException.notFound("error.not-found");
        }
        return row;
    }

    private List<SelfArrangedRow> rows(List<Row> rows) {
        LocalDate today = today();
        Map<Long, Student> students = new java.util.HashMap<>();
        Map<Long, String> classNames = new java.util.HashMap<>();
        List<SelfArrangedRow> out = new ArrayList<>();
        for (Row r : rows) {
            Student s = students.computeIfAbsent(r.studentId(), k -> roster.find(k).orElseThrow());
            String className = classNames.computeIfAbsent(s.classId(),
                    k -> organization.schoolClass(k).map(SchoolClass::name).orElse(""));
            var cert = jdbc.sql("SELECT file_name, uploaded_at FROM plc_self_certificate WHERE work_id = ?"
                    + " ORDER BY id DESC LIMIT 1").param(r.id())
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant())).optional();
            String lastReason = jdbc.sql("SELECT reason FROM plc_self_event WHERE work_id = ? AND reason IS NOT NULL"
                    + " ORDER BY id DESC LIMIT 1").param(r.id()).query(String.class).optional().orElse(null);
            out.add(new SelfArrangedRow(r.view(), s.studentNo(), s.name(), className, r.contactPerson(),
                    r.contactPhone(), r.createdAt(),
                    SelfArrangedRules.expired(r.view().outOfCity(), r.status(), r.view().startsOn(), today),
                    cert.map(Map.Entry::getKey).orElse(null), cert.map(Map.Entry::getValue).orElse(null),
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

    record Row(SelfArrangedView view, String contactPerson, String contactPhone, java.time.Instant createdAt,
            Long approvalRequestId, String divisionCode) {

        long id() {
            return view.id();
        }

        long studentId() {
            return view.studentId();
        }

        SelfArrangedStatus status() {
            return view.status();
        }

        SelfArrangedForm form() {
            // the picker shows the chosen division; a place no division matched must be chosen again
            return new SelfArrangedForm(view.employerName(), divisionCode != null ? divisionCode : view.city(),
                    view.address(), contactPerson, contactPhone,
                    view.startsOn(), view.endsOn(), view.expectedHours(), view.content());
        }
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        BigDecimal hours = rs.getBigDecimal(9);
        SelfArrangedView view = new SelfArrangedView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getBoolean(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                hours == null ? null : hours.stripTrailingZeros().scale() < 0 ? hours.setScale(0) : hours.stripTrailingZeros(),
                rs.getString(10), SelfArrangedStatus.valueOf(rs.getString(11)), rs.getObject(12, LocalDate.class),
                rs.getObject(13, LocalDate.class), rs.getBoolean(14));
        return new Row(view, rs.getString(15), rs.getString(16), rs.getTimestamp(17).toInstant(),
                rs.getObject(18, Long.class), rs.getString(19));
    }
}
