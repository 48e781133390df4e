package org.workstudy.recognition;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.approvals.ApprovalDecided;
import org.workstudy.approvals.Approvals;
import org.workstudy.approvals.Approver;
import org.workstudy.approvals.DecisionView;
import org.workstudy.approvals.PendingApproval;
import org.workstudy.approvals.StepSpec;
import org.workstudy.audit.AuditTrail;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.HoursTotals;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.identity.ScopeKind;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.College;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StudentQuery;
import org.workstudy.organization.StudentRow;
import org.workstudy.organization.StudentScope;
import org.workstudy.organization.StudentStatus;
import org.workstudy.policy.Policies;
import org.workstudy.policy.PolicyVersion;
import org.workstudy.recognition.internal.RecognitionCandidate;
import org.workstudy.recognition.internal.RecognitionDetail;
import org.workstudy.recognition.internal.RecognitionItemView;
import org.workstudy.recognition.internal.RecognitionProposal;
import org.workstudy.recognition.internal.RecognitionReaders;
import org.workstudy.recognition.internal.RecognitionRules;
import org.workstudy.recognition.internal.RecognitionStatus;
import org.workstudy.recognition.internal.RecognitionView;
import org.workstudy.shared.BusinessException;
import org.workstudy.credits.CreditRecords;
import org.workstudy.credits.CreditStandings;
import org.workstudy.credits.DeferralStanding;
import org.workstudy.credits.ExemptionStanding;
import org.workstudy.credits.RecognitionBasis;
import org.workstudy.credits.VerificationCodes;
import org.workstudy.notices.NoticeDraft;
import org.workstudy.notices.NoticeItem;
import org.workstudy.notices.NoticeKind;
import org.workstudy.notices.PublicNotices;

/**
 * Joint credit recognition (学分认定). For a college and cohort the system proposes the students who qualify; the
 * college's vice dean submits them as a list (a snapshot); academic affairs and the center director (学工处) must
 * both approve it, in one step with two parallel approvers, and either may return it with a reason; approved, it is
 * published as a public notice (公示), whose finality ({@link RecognitionNotices}) writes the credit records.
 * A returned list stays returned: the vice dean submits a new list, with a new approval request, so that an earlier
 * approval never counts for it.
 *
 * <p>Who: college staff (vice dean, college admin) see their college's proposals and lists, the school-wide offices
 * every college's; only the vice dean submits. Another college's id answers "not found"; a role that has nothing to
 * do here is refused.
 */
@Service
public class Recognitions {

    /** The subject type of the approval requests. */
    public static final String SUBJECT = "credit-recognition";
    static final String AUDIT = "credit-recognition";
    /** The roles that may read proposals and lists (within their scope). */
    static final Set<Role> READERS = RecognitionReaders.ROLES;
    /** The one approval step, by name: academic affairs and the center director in parallel. */
    static final String JOINT_STEP = "joint";
    static final Set<Role> DECIDERS = EnumSet.of(Role.ACADEMIC_AFFAIRS, Role.CENTER_DIRECTOR);

    private final RecognitionStore store;
    private final Roster roster;
    private final Organization organization;
    private final DataScope scope;
    private final HoursLedger ledger;
    private final CreditStandings standings;
    private final CreditRecords creditRecords;
    private final Policies policies;
    private final Approvals approvals;
    private final Accounts accounts;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final PublicNotices notices;
    private final MessageSource messages;
    private final Clock clock;

    Recognitions(RecognitionStore store, Roster roster, Organization organization, DataScope scope, HoursLedger ledger,
            CreditStandings standings, CreditRecords creditRecords, Policies policies, Approvals approvals, Accounts accounts,
            Notifications notifications, AuditTrail audit, PublicNotices notices,
            MessageSource messages, Clock clock) {
        this.store = store;
        this.roster = roster;
        this.organization = organization;
        this.scope = scope;
        this.ledger = ledger;
        this.standings = standings;
        this.creditRecords = creditRecords;
        this.policies = policies;
        this.approvals = approvals;
        this.accounts = accounts;
        this.notifications = notifications;
        this.audit = audit;
        this.notices = notices;
        this.messages = messages;
        this.clock = clock;
    }

    // ================================================================== proposal and submission

    /**
     * The proposal for a college and cohort: its active students who have no credit record and are not on a live
     * list, each assessed against the cohort's policy, qualifying ones first.
     */
    @Transactional(readOnly = true)
    public RecognitionProposal proposal(CurrentUser user, long collegeId, int cohort) {
        requireReader(user);
        scope.requireCollege(user, collegeId);
        College college = organization.college(collegeId)
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        PolicyVersion policy = policy(cohort);
        List<StudentRow> students = new ArrayList<>();
        roster.forEach(user, new StudentQuery(null, collegeId, null, cohort, StudentStatus.ACTIVE), students::add);
        List<Long> ids = students.stream().map(StudentRow::id).toList();
        Set<Long> recognised = standings.records(ids).keySet();
        Set<Long> live = store.onLiveLists(ids);
        List<StudentRow> open = students.stream()
                .filter(s -> !recognised.contains(s.id()) && !live.contains(s.id())).toList();
        List<Long> openIds = open.stream().map(StudentRow::id).toList();
        Map<Long, HoursTotals> totals = ledger.totals(openIds);
        Map<Long, ExemptionStanding> exemptions = standings.exemptions(openIds);
        Set<Long> released = standings.deferrals(openIds).values().stream().filter(DeferralStanding::released)
                .map(DeferralStanding::studentId).collect(Collectors.toSet());
        List<RecognitionCandidate> candidates = new ArrayList<>();
        for (StudentRow s : open) {
            HoursTotals t = totals.getOrDefault(s.id(), HoursTotals.none(s.id()));
            // HOURS counts only the hours within the window; a released student's make-up adds to them
            RecognitionRules.Assessment a = RecognitionRules.assess(policy.requiredHours(), t.inWindow(),
                    exemptions.get(s.id()), released.contains(s.id()) ? t.inWindow().add(t.makeUp()) : null);
            candidates.add(new RecognitionCandidate(s.id(), s.studentNo(), s.name(), s.classId(), s.className(),
                    a.basis(), a.counted(), a.offsetHours(), a.missing()));
        }
        candidates.sort(Comparator.comparing((RecognitionCandidate c) -> !c.qualifies())
                .thenComparing(RecognitionCandidate::studentNo));
        int liveCount = (int) students.stream().filter(s -> live.contains(s.id())).count();
        return new RecognitionProposal(collegeId, college.name(), cohort, policy.courseName(), policy.credits(),
                policy.requiredHours(), candidates, (int) students.stream().filter(s -> recognised.contains(s.id()))
                .count(), liveCount);
    }

    /**
     * Whether the proposal for a college and cohort has anyone to submit (a list would not be empty): what a caller
     * outside the module asks before {@link #submit}, without reading the proposal itself.
     */
    @Transactional(readOnly = true)
    public boolean hasQualifying(CurrentUser user, long collegeId, int cohort) {
        return !proposal(user, collegeId, cohort).qualifying().isEmpty();
    }

    /**
     * The college's vice dean submits the qualifying students of the proposal as a list; one approval request opens
     * with one step of two parallel approvers. Returns the list's id.
     */
    @Transactional
    public long submit(CurrentUser user, long collegeId, int cohort) {
        if (!user.acts(Role.VICE_DEAN)) {
            throw BusinessException.forbidden();
        }
        scope.requireCollege(user, collegeId);
        store.lockCohort(collegeId, cohort);
        RecognitionProposal proposal = proposal(user, collegeId, cohort);
        List<RecognitionCandidate> items = proposal.qualifying();
        if (items.isEmpty()) {
            throw BusinessException.invalid("recognition.nothing-to-submit");
        }
        PolicyVersion policy = policy(cohort);
        long id = store.insert(collegeId, cohort, policy.id(), user.username(), user.accountId(), now());
        for (RecognitionCandidate c : items) {
            store.insertItem(id, c.studentId(), c.basis(), c.counted(), c.offsetHours());
        }
        long approval = approvals.open(SUBJECT, id, List.of(StepSpec.named(JOINT_STEP,
                new Approver(Role.ACADEMIC_AFFAIRS, ScopeKind.SCHOOL, null),
                new Approver(Role.CENTER_DIRECTOR, ScopeKind.SCHOOL, null))));
        store.setApproval(id, approval);
        approvals.note(SUBJECT, id, approval, "submitted", RecognitionStatus.SUBMITTED.name(), user.username(), null);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("collegeId", collegeId);
        values.put("cohort", cohort);
        values.put("policyVersion", policy.id());
        values.put("approval", approval);
        Map<String, String> students = new LinkedHashMap<>();
        items.forEach(c -> students.put(String.valueOf(c.studentId()), c.basis() + " " + c.counted().toPlainString()
                + (c.offsetHours() == null ? "" : " +" + c.offsetHours().toPlainString())));
        values.put("students", students);
        audit.record(AUDIT, id, "submit", values);
        List<Long> approvers = new ArrayList<>(accounts.holdersOf(Grant.school(Role.ACADEMIC_AFFAIRS)));
        approvers.addAll(accounts.holdersOf(Grant.school(Role.CENTER_DIRECTOR)));
        if (!approvers.isEmpty()) {
            notifications.sendAll(approvers, "recognition.notify.submitted",
                    List.of(proposal.collegeName(), String.valueOf(cohort), String.valueOf(items.size())),
                    "/recognitions/" + id);
        }
        return id;
    }

    // ================================================================== joint approval

    /**
     * Academic affairs or the center director approves, or returns with a reason. One approval leaves the list
     * SUBMITTED; the second publishes the notice (IN_NOTICE); a return ends the request (RETURNED).
     */
    @Transactional
    public void decide(CurrentUser user, long id, boolean approve, String reason) {
        if (!DECIDERS.contains(user.activeRole())) {
            throw BusinessException.forbidden();
        }
        Recognition row = store.lock(id);
        row.requireWaiting();
        approvals.decide(user, row.approvalId(), approve, reason); // heard below, in this transaction
    }

    /**
     * A decision on a list (heard by {@link RecognitionApprovals} in the deciding transaction): a return ends it, the
     * second approval publishes its notice, the first only waits for the other office. A failure here undoes the
     * decision.
     */
    void decided(ApprovalDecided decided) {
        Recognition row = store.lock(decided.subjectId());
        row.requireWaiting();
        long id = row.id();
        Role by = decided.role();
        String why = decided.reason();
        String college = collegeName(row.collegeId());
        if (!decided.approved()) {
            setStatus(row, RecognitionStatus.RETURNED, "return", Map.of("reason", String.valueOf(why), "by", by));
            store.setReturnReason(id, why);
            approvals.noteDecision(decided, "returned", RecognitionStatus.RETURNED.name());
            notifications.send(row.submittedByAccount(), "recognition.notify.returned",
                    List.of(college, String.valueOf(row.cohort()), roleName(by), why),
                    "/recognitions/" + id);
        } else if (decided.finished()) {
            long noticeId = publish(row, college);
            store.setNotice(id, noticeId);
            setStatus(row, RecognitionStatus.IN_NOTICE, "approve", Map.of("by", by, "notice", noticeId));
            approvals.noteDecision(decided, "approved", RecognitionStatus.IN_NOTICE.name());
            notifications.send(row.submittedByAccount(), "recognition.notify.approved",
                    List.of(college, String.valueOf(row.cohort())), "/recognitions/" + id);
        } else {
            audit.record(AUDIT, id, "approve", Map.of("by", by, "finished", false));
            approvals.noteDecision(decided, "approved", row.status().name());
        }
    }

    /** Publishes the approved list as a notice to the college's cohort. */
    private long publish(Recognition row, String college) {
        PolicyVersion policy = policy(row.cohort());
        List<NoticeItem> items = store.items(row.id()).stream().filter(i -> !i.withdrawn())
                .map(i -> new NoticeItem(i.studentId(), row.id(), detail(i.basis(), i.hours(), i.offsetHours())))
                .toList();
        String title = zh("recognition.notice.title", college, String.valueOf(row.cohort()), policy.courseName());
        return notices.publish(new NoticeDraft(NoticeKind.RECOGNITION, row.id(), title, row.collegeId(),
                row.cohort(), policy.noticeWorkingDays(), items));
    }

    /** The public line of a notice: "360 学时", "免修", "抵扣 180 学时 + 180 学时", "补修 360 学时". */
    String detail(RecognitionBasis basis, BigDecimal hours, BigDecimal offsetHours) {
        return switch (basis) {
            case HOURS -> zh("recognition.detail.HOURS", RecognitionRules.hours(hours));
            case EXEMPT -> zh("recognition.detail.EXEMPT");
            case OFFSET -> zh("recognition.detail.OFFSET", RecognitionRules.hours(offsetHours),
                    RecognitionRules.hours(hours));
            case MAKE_UP -> zh("recognition.detail.MAKE_UP", RecognitionRules.hours(hours));
        };
    }

    // ================================================================== reads

    /** The lists the user may see, newest first; optionally of one college and/or cohort. */
    @Transactional(readOnly = true)
    public List<RecognitionView> list(CurrentUser user, Long collegeId, Integer cohort) {
        requireReader(user);
        StudentScope students = scope.studentsOf(user);
        if (!students.school() && students.collegeIds().isEmpty()) {
            return List.of();
        }
        if (collegeId != null) {
            scope.requireCollege(user, collegeId);
        }
        return views(store.list(students.school() ? null : students.collegeIds(), collegeId, cohort));
    }

    /** A list with its students and decisions, for readers whose scope covers its college. */
    @Transactional(readOnly = true)
    public RecognitionDetail get(CurrentUser user, long id) {
        requireReader(user);
        Recognition row = store.find(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        scope.requireCollege(user, row.collegeId());
        List<RecognitionStore.Item> stored = store.items(id);
        Map<Long, StudentRow> students = roster.rows(stored.stream().map(RecognitionStore.Item::studentId).toList());
        List<RecognitionItemView> items = stored.stream().map(i -> {
            StudentRow s = students.get(i.studentId());
            return new RecognitionItemView(i.studentId(), s.studentNo(), s.name(), s.className(), i.basis(),
                    i.hours(), i.offsetHours(), i.withdrawn(), i.answer());
        }).sorted(Comparator.comparing(RecognitionItemView::studentNo)).toList();
        List<DecisionView> decisions = row.approvalId() == null ? List.of() : approvals.history(row.approvalId());
        boolean mayDecide = row.status() == RecognitionStatus.SUBMITTED && row.approvalId() != null
                && approvals.mayDecide(user, row.approvalId())
                && decisions.stream().noneMatch(d -> d.role() == user.activeRole());
        return new RecognitionDetail(views(List.of(row)).get(0), items, decisions, mayDecide);
    }

    /** The lists waiting for the user's decision (academic affairs, center director), oldest first. */
    @Transactional(readOnly = true)
    public List<RecognitionView> waitingFor(CurrentUser user) {
        if (!DECIDERS.contains(user.activeRole())) {
            return List.of();
        }
        List<Long> ids = approvals.pendingFor(user, SUBJECT).stream().map(PendingApproval::subjectId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return views(store.submitted(ids));
    }

    /** The colleges whose lists and proposals the user may see, by name. */
    public List<College> colleges(CurrentUser user) {
        requireReader(user);
        StudentScope students = scope.studentsOf(user);
        return organization.colleges().stream().filter(c -> c.active() && students.coversCollege(c.id())).toList();
    }

    /** The cohorts the school has classes of, newest first. */
    public List<Integer> cohorts() {
        return organization.cohorts().stream().sorted(Comparator.reverseOrder()).toList();
    }

    static void requireReader(CurrentUser user) {
        RecognitionReaders.require(user);
    }

    // ================================================================== the notice's outcomes

    /** An objection was upheld: the student is off the list and told why. */
    void withdrawItem(long recognitionId, long studentId, String answer) {
        if (!store.withdrawItem(recognitionId, studentId, answer)) {
            return;
        }
        audit.record(AUDIT, recognitionId, "withdraw-student", Map.of("student", studentId, "answer",
                answer == null ? "" : answer));
        roster.find(studentId).map(s -> s.accountId()).ifPresent(account -> notifications.send(account,
                "recognition.notify.withdrawn", List.of(answer == null ? "" : answer), "/my/certificate"));
    }

    /** The notice became final: the remaining students get their credit record, with a verification code each. */
    void finish(long recognitionId, LocalDate finalOn, List<NoticeItem> remaining, String termCode) {
        Recognition row = store.lock(recognitionId);
        if (!row.inNotice()) {
            return;
        }
        row.requireMayBecome(RecognitionStatus.FINAL);
        PolicyVersion policy = policy(row.cohort());
        Map<Long, RecognitionStore.Item> items = new HashMap<>();
        store.items(recognitionId).stream().filter(i -> !i.withdrawn()).forEach(i -> items.put(i.studentId(), i));
        Set<Long> already = standings.records(remaining.stream().map(NoticeItem::studentId).toList()).keySet();
        Map<String, Object> written = new LinkedHashMap<>();
        Set<Long> done = new HashSet<>();
        for (NoticeItem item : remaining) {
            RecognitionStore.Item snapshot = items.get(item.studentId());
            if (snapshot == null || already.contains(item.studentId()) || !done.add(item.studentId())) {
                continue;
            }
            String code = VerificationCodes.generate(clock, "certificate:" + item.studentId());
            creditRecords.add(new CreditRecords.NewCreditRecord(item.studentId(), recognitionId, policy.courseName(),
                    policy.credits(), termCode, finalOn, snapshot.basis(), snapshot.hours(), snapshot.offsetHours(),
                    code), now());
            written.put(String.valueOf(item.studentId()), snapshot.basis() + " " + termCode);
            roster.find(item.studentId()).map(s -> s.accountId()).ifPresent(account -> notifications.send(account,
                    "recognition.notify.final", List.of(policy.courseName(), RecognitionRules.hours(policy.credits()),
                            finalOn.toString()), "/my/certificate"));
        }
        store.makeFinal(recognitionId, finalOn, now());
        approvals.note(SUBJECT, recognitionId, row.approvalId(), "final", RecognitionStatus.FINAL.name(),
                CurrentUser.find().map(CurrentUser::username).orElse("system"), null);
        audit.recordChange(AUDIT, recognitionId, "final", Map.of("status", row.status()),
                Map.of("status", RecognitionStatus.FINAL, "finalOn", finalOn.toString(), "records", written));
    }

    // ================================================================== internals

    /** The id of the list a notice was published for, if it is a recognition's. */
    java.util.Optional<Long> ofNotice(long noticeId) {
        return store.ofNotice(noticeId);
    }

    private void setStatus(Recognition row, RecognitionStatus status, String action, Map<String, Object> details) {
        row.requireMayBecome(status);
        if (!store.setStatus(row.id(), row.status(), status, now())) {
            throw BusinessException.conflict("recognition.changed-meanwhile");
        }
        Map<String, Object> after = new LinkedHashMap<>(details);
        after.put("status", status);
        audit.recordChange(AUDIT, row.id(), action, Map.of("status", row.status()), after);
    }

    private List<RecognitionView> views(List<Recognition> rows) {
        Map<Long, String> colleges = new HashMap<>();
        List<RecognitionView> out = new ArrayList<>(rows.size());
        for (Recognition r : rows) {
            Set<Role> approved = EnumSet.noneOf(Role.class);
            if (r.approvalId() != null) {
                approvals.history(r.approvalId()).stream().filter(DecisionView::approved)
                        .forEach(d -> approved.add(d.role()));
            }
            out.add(new RecognitionView(r.id(), r.collegeId(), colleges.computeIfAbsent(r.collegeId(),
                    this::collegeName), r.cohort(), r.status(), r.students(), r.submittedBy(), r.submittedAt(),
                    approved, r.returnReason(), r.noticeId(), r.finalOn()));
        }
        return out;
    }

    private PolicyVersion policy(int cohort) {
        return policies.forCohort(cohort).orElseThrow(() -> BusinessException.invalid("recognition.no-policy",
                cohort));
    }

    private String collegeName(long collegeId) {
        return organization.college(collegeId).map(College::name).orElse("");
    }

    private String roleName(Role role) {
        return zh("role." + role.name());
    }

    /** Notices and notification arguments are Chinese whatever the reader's language. */
    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private OffsetDateTime now() {
        return clock.instant().atZone(clock.getZone()).toOffsetDateTime();
    }
}
