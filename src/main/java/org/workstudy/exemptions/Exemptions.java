package org.workstudy.exemptions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.approvals.ApprovalDecided;
import org.workstudy.approvals.Approvals;
import org.workstudy.approvals.Approver;
import org.workstudy.approvals.DecisionView;
import org.workstudy.approvals.PendingApproval;
import org.workstudy.approvals.StepSpec;
import org.workstudy.audit.AuditTrail;
import org.workstudy.credits.CreditStandings;
import org.workstudy.credits.ExemptionKind;
import org.workstudy.exemptions.internal.ExemptionEvent;
import org.workstudy.exemptions.internal.ExemptionEvidence;
import org.workstudy.exemptions.internal.ExemptionOutlook;
import org.workstudy.exemptions.internal.ExemptionStatus;
import org.workstudy.exemptions.internal.ExemptionView;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.identity.ScopeKind;
import org.workstudy.notices.NoticeDraft;
import org.workstudy.notices.NoticeItem;
import org.workstudy.notices.NoticeKind;
import org.workstudy.notices.PublicNotices;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentRow;
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
 * {@link ExemptionNotices}). One live application per student, checked under a lock on the student's row and by a
 * partial unique index. SQL lives in {@link ExemptionStore}; the lifecycle's rules in {@link Exemption}.
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
    /** Notice items and titles are public text in the school's language, whatever the director's language. */
    static final Locale NOTICE_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final ExemptionStore store;
    private final Approvals approvals;
    private final Roster roster;
    private final Organization organization;
    private final DataScope scope;
    private final Policies policies;
    private final QualityCredits quality;
    private final CreditStandings standings;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final PublicNotices notices;
    private final Clock clock;

    Exemptions(ExemptionStore store, Approvals approvals, Roster roster, Organization organization, DataScope scope,
            Policies policies, QualityCredits quality, CreditStandings standings, Notifications notifications,
            AuditTrail audit, MessageSource messages, PublicNotices notices, Clock clock) {
        this.store = store;
        this.approvals = approvals;
        this.roster = roster;
        this.organization = organization;
        this.scope = scope;
        this.policies = policies;
        this.quality = quality;
        this.standings = standings;
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
        roster.lock(student.id());
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
        long id;
        try {
            id = store.insert(student.id(), f, ExemptionStatus.SUBMITTED, policy.id(),
                    plan == null ? null : plan.creditsUsed(), plan == null ? null : plan.offsetHours(),
                    user.username(), now());
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("exemption.already-live");
        }
        List<String> names = new ArrayList<>();
        for (Checked c : evidence) {
            String name = UploadedFiles.safeName(c.upload().fileName(), c.type(), "evidence");
            store.insertEvidence(id, name, c.type(), c.upload().content(), user.username(), now());
            names.add(name);
        }
        long requestId = approvals.open(SUBJECT, id, List.of(
                StepSpec.named(COUNSELOR_STEP, new Approver(Role.COUNSELOR, ScopeKind.CLASS, schoolClass.id())),
                StepSpec.named(DIRECTOR_STEP, new Approver(Role.CENTER_DIRECTOR, ScopeKind.SCHOOL, null))));
        store.setApproval(id, requestId);
        approvals.note(SUBJECT, id, requestId, "submitted", ExemptionStatus.SUBMITTED.name(), user.username(), null);
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

    // ---- the reviewers ----

    /**
     * The approver of the current step decides: the counselor of the student's class approves or returns (with a
     * reason), then the center director grants or rejects (with a reason). Out of the user's scope: not found.
     */
    @Transactional
    public void decide(CurrentUser user, long id, boolean approve, String reason) {
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
        List<Exemption> granted = store.lockGranted(only);
        if (granted.isEmpty()) {
            throw BusinessException.conflict("exemption.publish.nothing");
        }
        Map<Long, StudentRow> students = roster.rows(granted.stream().map(Exemption::studentId).toList());
        Map<Long, PolicyVersion> versions = versions();
        Map<Long, List<Exemption>> byCollege = new TreeMap<>();
        granted.stream()
                .sorted(Comparator.comparing((Exemption e) -> students.get(e.studentId()).studentNo())
                        .thenComparing(Exemption::id))
                .forEach(e -> byCollege.computeIfAbsent(students.get(e.studentId()).collegeId(),
                        k -> new ArrayList<>()).add(e));
        LocalDate today = LocalDate.now(clock);
        List<Long> noticeIds = new ArrayList<>();
        for (Map.Entry<Long, List<Exemption>> college : byCollege.entrySet()) {
            List<Exemption> listed = college.getValue();
            int days = listed.stream().mapToInt(e -> versions.get(e.policyVersionId()).noticeWorkingDays()).max()
                    .orElseThrow();
            String title = messages.getMessage("exemption.notice.title",
                    new Object[] {students.get(listed.get(0).studentId()).collegeName(), today.toString()},
                    NOTICE_LOCALE);
            List<NoticeItem> items = listed.stream()
                    .map(e -> new NoticeItem(e.studentId(), e.id(), publicDetail(e))).toList();
            long noticeId = notices.publish(new NoticeDraft(NoticeKind.EXEMPTION, null, title, college.getKey(), null,
                    days, items));
            noticeIds.add(noticeId);
            for (Exemption e : listed) {
                store.setNotice(e.id(), noticeId);
                setStatus(e, ExemptionStatus.IN_NOTICE, "published", user.username(), null, noticeId, null);
            }
        }
        return noticeIds;
    }

    /** What the public notice says of an application: never the reason nor any personal detail. */
    private String publicDetail(Exemption e) {
        return e.offset()
                ? messages.getMessage("exemption.notice.offset", new Object[] {OffsetPlan.plain(e.offsetHours())},
                        NOTICE_LOCALE)
                : messages.getMessage("exemption.notice.exempt", null, NOTICE_LOCALE);
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
            approvals.note(SUBJECT, row.id(), row.approvalId(), "final", ExemptionStatus.FINAL.name(), actor(), null);
            audit.recordChange("exemption", row.id(), "final", Map.of("status", row.status()),
                    Map.of("status", ExemptionStatus.FINAL, "finalOn", finalOn.toString()));
            notifyStudent(row, "final", null);
        }
    }

    // ---- scoped reads ----

    /** The signed-in student's applications, newest first. */
    public List<ExemptionView> mine(CurrentUser user) {
        Student student = studentOf(user);
        return views(store.ofStudent(student.id()));
    }

    /** An application for its student, or for staff whose scope covers the student; otherwise not found. */
    public ExemptionView get(CurrentUser user, long id) {
        Exemption row = store.find(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        requireReader(user, row.studentId());
        return views(List.of(row)).get(0);
    }

    /** The history of an application, oldest first (kept by approvals: one history per application). */
    public List<ExemptionEvent> history(CurrentUser user, long id) {
        get(user, id);
        return approvals.lifecycle(SUBJECT, id).stream().map(h -> new ExemptionEvent(h.at(), h.actor(), h.action(),
                ExemptionStatus.valueOf(h.status()), h.reason())).toList();
    }

    /** The approval decisions, in order. */
    public List<DecisionView> decisions(CurrentUser user, long id) {
        get(user, id);
        return approvals.historyOf(SUBJECT, id);
    }

    /** The evidence files (without their bytes). */
    public List<ExemptionEvidence> evidence(CurrentUser user, long id) {
        get(user, id);
        return store.evidence(id);
    }

    /** One evidence file with its bytes, for those who may see the application; otherwise not found. */
    public ExemptionEvidence evidenceFile(CurrentUser user, long id, long fileId) {
        get(user, id);
        return store.evidenceFile(id, fileId);
    }

    /** Applications whose current approval step waits for the user, oldest first. */
    public List<ExemptionView> waitingFor(CurrentUser user) {
        Set<Long> ids = new LinkedHashSet<>();
        for (PendingApproval p : approvals.pendingFor(user, SUBJECT)) {
            ids.add(p.subjectId());
        }
        return views(store.byIds(ids).stream()
                .filter(r -> r.status().pending() && scope.maySeeStudent(user, r.studentId())).toList());
    }

    /** Applications of students in the user's scope (staff), newest first, optionally of one status. */
    public List<ExemptionView> inScope(CurrentUser user, ExemptionStatus status, int limit) {
        if (user.acts(Role.STUDENT) || user.acts(Role.EMPLOYER)) {
            throw BusinessException.forbidden();
        }
        return views(store.of(scope.condition(user, null, "e.student_id"), status, Math.max(1, Math.min(limit, 500))));
    }

    /** Whether the user may decide the application's current step now. */
    public boolean mayDecide(CurrentUser user, ExemptionView view) {
        if (!view.status().pending()) {
            return false;
        }
        Long request = store.find(view.id()).map(Exemption::approvalId).orElse(null);
        return request != null && scope.maySeeStudent(user, view.studentId()) && approvals.mayDecide(user, request);
    }

    /** The signed-in student; refuses other roles. */
    public Student studentOf(CurrentUser user) {
        if (!user.acts(Role.STUDENT)) {
            throw BusinessException.forbidden();
        }
        return roster.ofAccount(user.accountId()).orElseThrow(BusinessException::forbidden);
    }

    // ---- internals ----

    /** Why the student may not apply now (thrown), or their policy version. */
    private PolicyVersion refusal(Student student, int cohort) {
        PolicyVersion policy = policies.forCohort(cohort)
                .orElseThrow(() -> BusinessException.invalid("exemption.no-policy", String.valueOf(cohort)));
        List<ExemptionStatus> live = store.liveStatuses(student.id());
        if (live.contains(ExemptionStatus.FINAL)) {
            throw BusinessException.conflict("exemption.already-final");
        }
        if (!live.isEmpty()) {
            throw BusinessException.conflict("exemption.already-live");
        }
        if (!standings.records(List.of(student.id())).isEmpty()) {
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

    /**
     * Moves the application (the aggregate refuses a move its status does not allow) and records it: in the history
     * (a decision's step refers to the decision), in the audit trail, and in the student's messages.
     */
    private void setStatus(Exemption row, ExemptionStatus status, String action, String actor, String reason,
            Long noticeId, ApprovalDecided decision) {
        row.moveTo(status);
        if (!store.setStatus(row.id(), row.status(), status)) {
            throw BusinessException.conflict("exemption.changed-meanwhile");
        }
        if (decision != null) {
            approvals.noteDecision(decision, action, status.name());
        } else {
            approvals.note(SUBJECT, row.id(), row.approvalId(), action, status.name(), actor, reason);
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

    private int cohortOf(Student student) {
        return organization.schoolClass(student.classId()).orElseThrow().cohort();
    }

    private Map<Long, PolicyVersion> versions() {
        Map<Long, PolicyVersion> out = new HashMap<>();
        policies.versions().forEach(v -> out.put(v.id(), v));
        return out;
    }

    /**
     * The views: each student's number, name, class and college (from organization), and the required hours of each
     * one's policy version (and so the hours still to work).
     */
    private List<ExemptionView> views(List<Exemption> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, PolicyVersion> versions = versions();
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

    private static String actor() {
        return CurrentUser.find().map(CurrentUser::username).orElse("system");
    }

    private OffsetDateTime now() {
        return clock.instant().atZone(clock.getZone()).toOffsetDateTime();
    }
}
