package org.workstudy.credits;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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
import org.workstudy.identity.ScopeKind;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentScope;
import org.workstudy.policy.Policies;
import org.workstudy.policy.PolicyVersion;
import org.workstudy.quality.OffsetPlan;
import org.workstudy.quality.QualityCredits;
import org.workstudy.quality.QualityStanding;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.UploadedFiles;

/**
 * Exemption (免修) and offset (抵扣) applications (DESIGN §2 rule 7): the student applies with a reason and evidence;
 * the counselor of their class approves or returns; the center director (学工处) grants or rejects; the director
 * publishes the granted ones on a public notice per college; when the notice is final so are they (see
 * {@link ExemptionNoticeOutcomes}). One live application per student, checked under a lock on the student's row and,
 * on PostgreSQL, by a partial unique index.
 */
@Service
public class Exemptions {

    /** The subject type of the approval requests. */
    public static final String SUBJECT = "exemption";
    public static final int MAX_FILES = 5;
    public static final int REASON_MAX = 1000;
    /** Notice items and titles are public text in the school's language, whatever the director's language. */
    static final Locale NOTICE_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private static final String SELECT = "SELECT e.id, e.student_id, s.student_no, s.name, c.name, c.college_id,"
            + " g.name, c.cohort, e.kind, e.reason_kind, e.reason, e.status, e.quality_credits, e.offset_hours,"
            + " e.policy_version_id, e.notice_id, e.final_on, e.created_at, e.approval_id FROM cr_exemption e"
            + " JOIN org_student s ON s.id = e.student_id JOIN org_class c ON c.id = s.class_id"
            + " JOIN org_college g ON g.id = c.college_id";

    private final JdbcClient jdbc;
    private final Approvals approvals;
    private final Roster roster;
    private final Organization organization;
    private final DataScope scope;
    private final Policies policies;
    private final QualityCredits quality;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final ObjectProvider<PublicNotices> notices;
    private final Clock clock;

    Exemptions(JdbcClient jdbc, Approvals approvals, Roster roster, Organization organization, DataScope scope,
            Policies policies, QualityCredits quality, Notifications notifications, AuditTrail audit,
            MessageSource messages, ObjectProvider<PublicNotices> notices, Clock clock) {
        this.jdbc = jdbc;
        this.approvals = approvals;
        this.roster = roster;
        this.organization = organization;
        this.scope = scope;
        this.policies = policies;
        this.quality = quality;
        this.notifications = notifications;
        this.audit = audit;
        this.messages = messages;
        this.notices = notices;
        this.clock = clock;
    }

    // ---- the student ----

    /** What the signed-in student's page shows before applying, and whether (or why not) they may apply now. */
    public ExemptionOutlook outlook(CurrentUser user) {
        Student student = studentOf(user);
        int cohort = cohortOf(student);
        PolicyVersion policy = policies.forCohort(cohort).orElse(null);
        QualityStanding standing = quality.standing(student.id());
        BigDecimal needed = policy == null ? null
                : OffsetPlan.neededCredits(policy.requiredHours(), policy.offsetHoursPerCredit());
        try {
            refusal(student, cohort);
            return new ExemptionOutlook(policy, standing, needed, null, null);
        } catch (BusinessException e) {
            return new ExemptionOutlook(policy, standing, needed, e.messageKey(), List.of(e.args()));
        }
    }

    /**
     * The signed-in student applies, with 1 to {@value #MAX_FILES} evidence files (PDF, JPEG or PNG, at most 10 MB
     * each, checked by content); returns the new id. Refused: no policy for the cohort, a live or final application,
     * a recognised credit, and for an offset too few available credits (see {@link OffsetPlan#of}).
     */
    @Transactional
    public long apply(CurrentUser user, ExemptionForm form, List<ExemptionUpload> files) {
        Student student = studentOf(user);
        ExemptionForm f = validate(form);
        List<Checked> evidence = check(files);
        SchoolClass schoolClass = organization.schoolClass(student.classId()).orElseThrow();
        // the student's row is the lock: two submissions of one student run one after the other
        jdbc.sql("SELECT id FROM org_student WHERE id = ? FOR UPDATE").param(student.id()).query(Long.class).single();
        PolicyVersion policy = refusal(student, schoolClass.cohort());
        OffsetPlan plan = null;
        if (f.kind() == ExemptionKind.OFFSET) {
            QualityStanding standing = quality.standing(student.id());
            if (!standing.imported()) {
                throw BusinessException.invalid("offset.no-credits");
            }
            plan = OffsetPlan.of(f.qualityCredits(), standing.available(), policy.requiredHours(),
                    policy.offsetHoursPerCredit(), policy.partialOffsetAllowed());
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO cr_exemption (student_id, kind, reason_kind, reason, status, policy_version_id,"
                            + " quality_credits, offset_hours, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
                    .params(student.id(), f.kind().name(), f.reasonKind().name(), f.reason(),
                            ExemptionStatus.SUBMITTED.name(), policy.id(), plan == null ? null : plan.creditsUsed(),
                            plan == null ? null : plan.offsetHours(), user.username(), now())
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("exemption.already-live");
        }
        long id = key.getKey().longValue();
        List<String> names = new ArrayList<>();
        for (Checked c : evidence) {
            String name = UploadedFiles.safeName(c.upload().fileName(), c.type(), "evidence");
            jdbc.sql("INSERT INTO cr_exemption_evidence (exemption_id, file_name, content_type, size_bytes,"
                            + " uploaded_at, uploaded_by, content) VALUES (?,?,?,?,?,?,?)")
                    .params(id, name, c.type(), c.upload().content().length, now(), user.username(),
                            c.upload().content())
                    .update();
            names.add(name);
        }
        long requestId = approvals.open(SUBJECT, id, List.of(
                StepSpec.of(new Approver(Role.COUNSELOR, ScopeKind.CLASS, schoolClass.id())),
                StepSpec.of(new Approver(Role.CENTER_DIRECTOR, ScopeKind.SCHOOL, null))));
        jdbc.sql("UPDATE cr_exemption SET approval_id = ? WHERE id = ?").params(requestId, id).update();
        event(id, user.username(), "submitted", ExemptionStatus.SUBMITTED, null);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("student", student.id());
        values.put("kind", f.kind());
        values.put("reasonKind", f.reasonKind());
        values.put("reason", f.reason());
        values.put("policyVersion", policy.id());
        values.put("qualityCredits", plan == null ? null : plan.creditsUsed().toPlainString());
        values.put("offsetHours", plan == null ? null : plan.offsetHours().toPlainString());
        values.put("evidence", names);
        audit.record("exemption", id, "apply", values);
        List<Long> counselors = organization.counselorsOf(schoolClass.id());
        if (!counselors.isEmpty()) {
            notifications.sendAll(counselors, "exemption.notify.submitted." + f.kind(), List.of(student.name()),
                    "/exemptions/" + id);
        }
        return id;
    }

    /** The student withdraws their application while it waits for a decision. */
    @Transactional
    public void withdraw(CurrentUser user, long id) {
        Student student = studentOf(user);
        Row row = lock(id);
        if (row.view().studentId() != student.id()) {
            throw BusinessException.notFound("error.not-found");
        }
        if (!row.view().status().pending()) {
            throw BusinessException.conflict("exemption.withdraw.not-possible");
        }
        if (row.approvalId() != null) {
            approvals.cancel(row.approvalId(), "withdrawn");
        }
        setStatus(row, ExemptionStatus.WITHDRAWN, "withdrawn", user.username(), null, null);
    }

    // ---- the reviewers ----

    /**
     * The approver of the current step decides: the counselor of the student's class approves or returns (with a
     * reason), then the center director grants or rejects (with a reason). Out of the user's scope: not found.
     */
    @Transactional
    public void decide(CurrentUser user, long id, boolean approve, String reason) {
        Row row = lock(id);
        scope.requireStudent(user, row.view().studentId());
        if (!row.view().status().pending() || row.approvalId() == null) {
            throw BusinessException.conflict("exemption.not-pending");
        }
        if (approve && row.view().status() == ExemptionStatus.WAITING_DIRECTOR && row.view().offset()) {
            // credits re-imported lower since the student applied no longer carry the offset
            QualityStanding standing = quality.standing(row.view().studentId());
            BigDecimal current = standing.current() == null ? BigDecimal.ZERO : standing.current();
            if (current.compareTo(standing.used()) < 0) {
                throw BusinessException.conflict("offset.credits-changed", OffsetPlan.plain(current),
                        OffsetPlan.plain(row.view().qualityCredits()));
            }
        }
        ApprovalDecided decided = approvals.decide(user, row.approvalId(), approve, reason);
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        boolean counselor = decided.step() == 1;
        if (counselor) {
            setStatus(row, approve ? ExemptionStatus.WAITING_DIRECTOR : ExemptionStatus.RETURNED,
                    approve ? "counselor-approved" : "returned", user.username(), why, null);
        } else {
            setStatus(row, approve ? ExemptionStatus.GRANTED : ExemptionStatus.REJECTED,
                    approve ? "granted" : "rejected", user.username(), why, null);
        }
    }

    /**
     * The center director publishes granted applications (all, or those of {@code only}) on public notices: one per
     * college, read by that college; items say only "免修" or "抵扣 N 学时". The notice period is the longest
     * {@code noticeWorkingDays} among the listed students' policy versions, so that no student's list runs shorter
     * than their own policy asks. Returns the notices' ids.
     */
    @Transactional
    public List<Long> publish(CurrentUser user, Collection<Long> only) {
        if (!user.acts(Role.CENTER_DIRECTOR)) {
            throw BusinessException.forbidden();
        }
        PublicNotices publisher = notices.getIfAvailable();
        if (publisher == null) {
            throw BusinessException.conflict("exemption.publish.unavailable");
        }
        String where = " WHERE status = 'GRANTED'";
        Map<String, Object> params = new HashMap<>();
        if (only != null && !only.isEmpty()) {
            where += " AND id IN (:ids)";
            params.put("ids", Set.copyOf(only));
        }
        List<Long> locked = jdbc.sql("SELECT id FROM cr_exemption" + where + " FOR UPDATE").params(params)
                .query(Long.class).list();
        List<Row> rows = locked.isEmpty() ? List.of() : jdbc.sql(SELECT + " WHERE e.id IN (:ids)"
                + " ORDER BY c.college_id, s.student_no, e.id").param("ids", locked).query(Exemptions::row).list();
        if (rows.isEmpty()) {
            throw BusinessException.conflict("exemption.publish.nothing");
        }
        Map<Long, PolicyVersion> versions = versions();
        Map<Long, List<Row>> byCollege = new TreeMap<>();
        rows.forEach(r -> byCollege.computeIfAbsent(r.view().collegeId(), k -> new ArrayList<>()).add(r));
        LocalDate today = LocalDate.now(clock);
        List<Long> noticeIds = new ArrayList<>();
        for (List<Row> college : byCollege.values()) {
            int days = college.stream().mapToInt(r -> versions.get(r.policyVersionId()).noticeWorkingDays()).max()
                    .orElseThrow();
            String title = messages.getMessage("exemption.notice.title",
                    new Object[] {college.get(0).view().collegeName(), today.toString()}, NOTICE_LOCALE);
            List<NoticeItem> items = college.stream()
                    .map(r -> new NoticeItem(r.view().studentId(), r.view().id(), publicDetail(r.view()))).toList();
            long noticeId = publisher.publish(new NoticeDraft(NoticeKind.EXEMPTION, null, title,
                    college.get(0).view().collegeId(), null, days, items));
            noticeIds.add(noticeId);
            for (Row r : college) {
                jdbc.sql("UPDATE cr_exemption SET notice_id = ? WHERE id = ?").params(noticeId, r.view().id())
                        .update();
                setStatus(r, ExemptionStatus.IN_NOTICE, "published", user.username(), null, noticeId);
            }
        }
        return noticeIds;
    }

    /** What the public notice says of an application: never the reason nor any personal detail. */
    String publicDetail(ExemptionView v) {
        return v.offset()
                ? messages.getMessage("exemption.notice.offset", new Object[] {OffsetPlan.plain(v.offsetHours())},
                        NOTICE_LOCALE)
                : messages.getMessage("exemption.notice.exempt", null, NOTICE_LOCALE);
    }

    // ---- what the notice decides (called by ExemptionNoticeOutcomes in the notice's transaction) ----

    /** An objection was upheld: the application is revoked and its student told why. */
    void revokedByObjection(long noticeId, long exemptionId, String answer) {
        Row row = lockIfAny(exemptionId).orElse(null);
        if (row == null || row.view().status() != ExemptionStatus.IN_NOTICE || !Long.valueOf(noticeId).equals(row.view().noticeId())) {
            return; // not (or no longer) on this notice: nothing to undo
        }
        setStatus(row, ExemptionStatus.REVOKED, "revoked", actor(), answer, null);
    }

    /** The notice passed without an open objection: its remaining applications are final from {@code finalOn}. */
    void finalByNotice(long noticeId, LocalDate finalOn, List<NoticeItem> remaining) {
        for (NoticeItem item : remaining) {
            Row row = lockIfAny(item.subjectId()).orElse(null);
            if (row == null || row.view().status() != ExemptionStatus.IN_NOTICE
                    || !Long.valueOf(noticeId).equals(row.view().noticeId())) {
                continue;
            }
            jdbc.sql("UPDATE cr_exemption SET status = 'FINAL', final_on = ? WHERE id = ? AND status = 'IN_NOTICE'")
                    .params(finalOn, row.view().id()).update();
            event(row.view().id(), actor(), "final", ExemptionStatus.FINAL, null);
            audit.recordChange("exemption", row.view().id(), "final",
                    Map.of("status", row.view().status()),
                    Map.of("status", ExemptionStatus.FINAL, "finalOn", finalOn.toString()));
            notifyStudent(row.view(), "final", null);
        }
    }

    // ---- scoped reads ----

    /** The signed-in student's applications, newest first. */
    public List<ExemptionView> mine(CurrentUser user) {
        Student student = studentOf(user);
        return views(jdbc.sql(SELECT + " WHERE e.student_id = ? ORDER BY e.id DESC").param(student.id())
                .query(Exemptions::row).list());
    }

    /** An application for its student, or for staff whose scope covers the student; otherwise not found. */
    public ExemptionView get(CurrentUser user, long id) {
        Row row = find(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        requireReader(user, row.view().studentId());
        return views(List.of(row)).get(0);
    }

    /** The history of an application, oldest first. */
    public List<ExemptionEvent> history(CurrentUser user, long id) {
        get(user, id);
        return jdbc.sql("SELECT at, actor, action, status, reason FROM cr_exemption_event WHERE exemption_id = ?"
                        + " ORDER BY id")
                .param(id)
                .query((rs, n) -> new ExemptionEvent(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), ExemptionStatus.valueOf(rs.getString(4)), rs.getString(5)))
                .list();
    }

    /** The approval decisions, in order. */
    public List<DecisionView> decisions(CurrentUser user, long id) {
        get(user, id);
        return approvals.historyOf(SUBJECT, id);
    }

    /** The evidence files (without their bytes). */
    public List<ExemptionEvidence> evidence(CurrentUser user, long id) {
        get(user, id);
        return jdbc.sql("SELECT id, exemption_id, file_name, content_type, size_bytes, uploaded_at FROM"
                        + " cr_exemption_evidence WHERE exemption_id = ? ORDER BY id")
                .param(id)
                .query((rs, n) -> new ExemptionEvidence(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant(), null))
                .list();
    }

    /** One evidence file with its bytes, for those who may see the application; otherwise not found. */
    public ExemptionEvidence evidenceFile(CurrentUser user, long id, long fileId) {
        get(user, id);
        return jdbc.sql("SELECT id, exemption_id, file_name, content_type, size_bytes, uploaded_at, content FROM"
                        + " cr_exemption_evidence WHERE exemption_id = ? AND id = ?")
                .params(id, fileId)
                .query((rs, n) -> new ExemptionEvidence(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getBytes(7)))
                .optional().orElseThrow(() -> BusinessException.notFound("error.not-found"));
    }

    /** Applications whose current approval step waits for the user, oldest first. */
    public List<ExemptionView> waitingFor(CurrentUser user) {
        Set<Long> ids = new LinkedHashSet<>();
        for (PendingApproval p : approvals.pendingFor(user, SUBJECT)) {
            ids.add(p.subjectId());
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Row> rows = jdbc.sql(SELECT + " WHERE e.id IN (:ids) ORDER BY e.id").param("ids", ids)
                .query(Exemptions::row).list().stream()
                .filter(r -> r.view().status().pending() && scope.maySeeStudent(user, r.view().studentId()))
                .toList();
        return views(rows);
    }

    /** Applications of students in the user's scope (staff), newest first, optionally of one status. */
    public List<ExemptionView> inScope(CurrentUser user, ExemptionStatus status, int limit) {
        if (user.acts(Role.STUDENT) || user.acts(Role.EMPLOYER)) {
            throw BusinessException.forbidden();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String where = scopeCondition(scope.studentsOf(user), params);
        if (where == null) {
            return List.of();
        }
        if (status != null) {
            where += " AND e.status = :status";
            params.put("status", status.name());
        }
        return views(jdbc.sql(SELECT + " WHERE " + where + " ORDER BY e.id DESC LIMIT "
                + Math.max(1, Math.min(limit, 500))).params(params).query(Exemptions::row).list());
    }

    /** Whether the user may decide the application's current step now. */
    public boolean mayDecide(CurrentUser user, ExemptionView view) {
        if (!view.status().pending()) {
            return false;
        }
        Long request = find(view.id()).map(Row::approvalId).orElse(null);
        return request != null && scope.maySeeStudent(user, view.studentId()) && approvals.mayDecide(user, request);
    }

    /** The signed-in student; refuses other roles. */
    public Student studentOf(CurrentUser user) {
        if (!user.acts(Role.STUDENT)) {
            throw BusinessException.forbidden();
        }
        return roster.ofAccount(user.accountId()).orElseThrow(BusinessException::forbidden);
    }

    /**
     * A condition over {@code s} (org_student) and {@code c} (org_class) for the students of a scope, with its
     * parameters added; null when the scope holds nobody.
     */
    static String scopeCondition(StudentScope s, Map<String, Object> params) {
        if (s.school()) {
            return "1=1";
        }
        List<String> any = new ArrayList<>();
        if (!s.collegeIds().isEmpty()) {
            any.add("c.college_id IN (:colleges)");
            params.put("colleges", s.collegeIds());
        }
        if (!s.classIds().isEmpty()) {
            any.add("s.class_id IN (:classes)");
            params.put("classes", s.classIds());
        }
        if (!s.studentIds().isEmpty()) {
            any.add("s.id IN (:students)");
            params.put("students", s.studentIds());
        }
        return any.isEmpty() ? null : "(" + String.join(" OR ", any) + ")";
    }

    // ---- internals ----

    /** Why the student may not apply now (thrown), or their policy version. */
    private PolicyVersion refusal(Student student, int cohort) {
        PolicyVersion policy = policies.forCohort(cohort)
                .orElseThrow(() -> BusinessException.invalid("exemption.no-policy", String.valueOf(cohort)));
        List<String> live = jdbc.sql("SELECT status FROM cr_exemption WHERE student_id = :id AND status IN (:live)")
                .param("id", student.id()).param("live", QualityCredits.LIVE).query(String.class).list();
        if (live.contains(ExemptionStatus.FINAL.name())) {
            throw BusinessException.conflict("exemption.already-final");
        }
        if (!live.isEmpty()) {
            throw BusinessException.conflict("exemption.already-live");
        }
        long recognised = jdbc.sql("SELECT count(*) FROM cr_credit_record WHERE student_id = ?").param(student.id())
                .query(Long.class).single();
        if (recognised > 0) {
            throw BusinessException.conflict("exemption.already-recognised");
        }
        return policy;
    }

    private static ExemptionForm validate(ExemptionForm f) {
        if (f == null || f.kind() == null || f.reasonKind() == null || f.reason() == null || f.reason().isBlank()) {
            throw BusinessException.invalid("exemption.required");
        }
        String reason = f.reason().trim();
        if (reason.length() > REASON_MAX) {
            throw BusinessException.invalid("exemption.reason-too-long", REASON_MAX);
        }
        if (f.kind() == ExemptionKind.OFFSET && f.qualityCredits() == null) {
            throw BusinessException.invalid("offset.credits-required");
        }
        return new ExemptionForm(f.kind(), f.reasonKind(), reason,
                f.kind() == ExemptionKind.OFFSET ? f.qualityCredits() : null);
    }

    private record Checked(ExemptionUpload upload, String type) {
    }

    private static List<Checked> check(List<ExemptionUpload> files) {
        List<ExemptionUpload> given = files == null ? List.of()
                : files.stream().filter(u -> u != null && u.content() != null && u.content().length > 0).toList();
        if (given.isEmpty()) {
            throw BusinessException.invalid("exemption.evidence.required", MAX_FILES);
        }
        if (given.size() > MAX_FILES) {
            throw BusinessException.invalid("exemption.evidence.too-many", MAX_FILES);
        }
        return given.stream().map(u -> new Checked(u,
                UploadedFiles.check(u.content(), UploadedFiles.TEN_MB, "exemption.evidence"))).toList();
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

    private void setStatus(Row row, ExemptionStatus status, String action, String actor, String reason,
            Long noticeId) {
        ExemptionView v = row.view();
        int n = jdbc.sql("UPDATE cr_exemption SET status = ? WHERE id = ? AND status = ?")
                .params(status.name(), v.id(), v.status().name()).update();
        if (n != 1) {
            throw BusinessException.conflict("exemption.changed-meanwhile");
        }
        event(v.id(), actor, action, status, reason);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", v.status());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status);
        if (noticeId != null) {
            before.put("noticeId", null);
            after.put("noticeId", noticeId);
        }
        if (reason != null) {
            after.put("reason", reason);
        }
        audit.recordChange("exemption", v.id(), action, before, after);
        if (!"withdrawn".equals(action) && !"published".equals(action)) {
            notifyStudent(v, action, reason);
        }
    }

    private void notifyStudent(ExemptionView v, String action, String reason) {
        roster.find(v.studentId()).map(Student::accountId).ifPresent(account -> notifications.send(account,
                "exemption.notify." + action, List.of(reason == null ? "" : reason), "/exemptions/" + v.id()));
    }

    private void event(long id, String actor, String action, ExemptionStatus status, String reason) {
        jdbc.sql("INSERT INTO cr_exemption_event (exemption_id, at, actor, action, status, reason) VALUES (?,?,?,?,?,?)")
                .params(id, now(), actor, action, status.name(), reason).update();
    }

    private Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query(Exemptions::row).optional();
    }

    /** Locks the application's row alone (a join's FOR UPDATE would lock the joined rows too), then reads it. */
    private Row lock(long id) {
        return lockIfAny(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
    }

    private Optional<Row> lockIfAny(long id) {
        return jdbc.sql("SELECT id FROM cr_exemption WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional()
                .flatMap(this::find);
    }

    private int cohortOf(Student student) {
        return organization.schoolClass(student.classId()).orElseThrow().cohort();
    }

    private Map<Long, PolicyVersion> versions() {
        Map<Long, PolicyVersion> out = new HashMap<>();
        policies.versions().forEach(v -> out.put(v.id(), v));
        return out;
    }

    /** The views with the required hours of each one's policy version (and so the hours still to work). */
    private List<ExemptionView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, PolicyVersion> versions = versions();
        return rows.stream().map(r -> {
            ExemptionView v = r.view();
            PolicyVersion p = versions.get(r.policyVersionId());
            BigDecimal required = p == null ? null : p.requiredHours();
            BigDecimal remaining = required == null ? null
                    : v.offset() ? required.subtract(v.offsetHours()).max(BigDecimal.ZERO) : BigDecimal.ZERO;
            return new ExemptionView(v.id(), v.studentId(), v.studentNo(), v.studentName(), v.className(),
                    v.collegeId(), v.collegeName(), v.cohort(), v.kind(), v.reasonKind(), v.reason(), v.status(),
                    v.qualityCredits(), v.offsetHours(), required, remaining, v.noticeId(), v.finalOn(),
                    v.createdAt());
        }).toList();
    }

    private static String actor() {
        return CurrentUser.find().map(CurrentUser::username).orElse("system");
    }

    private OffsetDateTime now() {
        return clock.instant().atZone(clock.getZone()).toOffsetDateTime();
    }

    private record Row(ExemptionView view, long policyVersionId, Long approvalId) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        java.sql.Date finalOn = rs.getDate(17);
        Instant created = rs.getTimestamp(18).toInstant();
        ExemptionView v = new ExemptionView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getLong(6), rs.getString(7), rs.getInt(8), ExemptionKind.valueOf(rs.getString(9)),
                ExemptionReason.valueOf(rs.getString(10)), rs.getString(11), ExemptionStatus.valueOf(rs.getString(12)),
                rs.getBigDecimal(13), rs.getBigDecimal(14), null, null, rs.getObject(16, Long.class),
                finalOn == null ? null : finalOn.toLocalDate(), created);
        return new Row(v, rs.getLong(15), rs.getObject(19, Long.class));
    }
}
