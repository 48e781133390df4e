package org.workstudy.credits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.audit.AuditTrail;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.StudentScope;
import org.workstudy.shared.BusinessException;

/**
 * The public notice board (公示栏): publishes notices, takes objections while they run, records the deciding office's
 * answers and makes notices final. Everything is an inserted row (notice, items, objections, answers, finality).
 *
 * <p>Who reads a notice: the students of its scope (their class's college, and cohort if the notice has one) and the
 * staff whose data scope covers it (school-wide roles; vice dean and college admin of the college; the counselor of a
 * class in it). A school-wide notice (no college) is read by every student and member of staff, and a student always
 * reads a notice that lists them. Anyone else gets "not found". Objections are answered by the roles of the kind's {@link NoticeOutcomes#answeredBy()}.
 *
 * <p>Finality: a notice is final when its period has passed and no objection is open, from the day after its last
 * working day or the day its last objection was answered, whichever is later. The row in {@code cr_notice_final}
 * (its primary key is the notice) and the notice's row lock make it happen once, even with several instances.
 */
@Service
public class NoticeBoard implements PublicNotices {

    private static final Logger log = LoggerFactory.getLogger(NoticeBoard.class);
    static final String NOTICE = "notice";
    static final String OBJECTION = "notice-objection";
    static final String ANSWER = "notice-answer";
    static final int MAX_TEXT = 500;
    private static final int MAX_TITLE = 200;
    private static final int RECENT_DAYS = 90;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final AcademicCalendar calendar;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final DataScope scope;
    private final Roster roster;
    private final Organization organization;
    private final TransactionTemplate tx;
    /** Looked up when needed: the parts that implement them also publish through this board. */
    private final ObjectProvider<NoticeOutcomes> outcomes;
    private final Map<NoticeKind, NoticeOutcomes> standIns = new ConcurrentHashMap<>();

    NoticeBoard(JdbcClient jdbc, JdbcTemplate batch, Clock clock, AcademicCalendar calendar, AuditTrail audit,
            Notifications notifications, DataScope scope, Roster roster, Organization organization,
            TransactionTemplate tx, ObjectProvider<NoticeOutcomes> outcomes) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.calendar = calendar;
        this.audit = audit;
        this.notifications = notifications;
        this.scope = scope;
        this.roster = roster;
        this.organization = organization;
        this.tx = tx;
        this.outcomes = outcomes;
    }

    // ---------------------------------------------------------------- publishing

    @Override
    @Transactional
    public long publish(NoticeDraft draft) {
        return publish(draft, today());
    }

    @Transactional
    long publish(NoticeDraft draft, LocalDate publishedOn) {
        check(draft);
        long known = jdbc.sql("SELECT count(*) FROM org_student WHERE id IN (:ids)")
                .param("ids", draft.items().stream().map(NoticeItem::studentId).toList()).query(Long.class).single();
        if (known != draft.items().size()) {
            throw new IllegalArgumentException("a notice lists students that do not exist");
        }
        NoticePeriod period = NoticePeriod.of(publishedOn, draft.workingDays(), workingDays());
        String by = CurrentUser.find().map(CurrentUser::username).orElse("system");
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cr_notice (kind, subject_id, title, college_id, cohort, working_days, published_on,"
                        + " starts_on, ends_on, published_by, published_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(draft.kind().name(), draft.subjectId(), draft.title().trim(), draft.collegeId(),
                        draft.cohort(), draft.workingDays(), publishedOn, period.startsOn(), period.endsOn(), by, now())
                .update(key, "id");
        long id = key.getKey().longValue();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < draft.items().size(); i++) {
            NoticeItem item = draft.items().get(i);
            rows.add(new Object[] {id, i + 1, item.studentId(), item.subjectId(), item.detail().trim()});
        }
        batch.batchUpdate("INSERT INTO cr_notice_item (notice_id, line_no, student_id, subject_id, detail)"
                + " VALUES (?,?,?,?,?)", rows);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kind", draft.kind());
        values.put("subjectId", draft.subjectId());
        values.put("title", draft.title().trim());
        values.put("collegeId", draft.collegeId());
        values.put("cohort", draft.cohort());
        values.put("startsOn", period.startsOn());
        values.put("endsOn", period.endsOn());
        values.put("items", draft.items().size());
        audit.record(NOTICE, id, "publish", values);
        List<Long> accounts = jdbc.sql("SELECT account_id FROM org_student WHERE account_id IS NOT NULL AND id IN"
                        + " (SELECT student_id FROM cr_notice_item WHERE notice_id = ?)")
                .param(id).query(Long.class).list();
        notifications.sendAll(accounts, "notices.notify.published",
                List.of(draft.title().trim(), period.startsOn().toString(), period.endsOn().toString()),
                "/notices/" + id);
        return id;
    }

    private static void check(NoticeDraft draft) {
        if (draft == null || draft.kind() == null || draft.title() == null || draft.title().isBlank()
                || draft.title().trim().length() > MAX_TITLE) {
            throw new IllegalArgumentException("a notice needs a kind and a title of 1 to 200 characters");
        }
        if (draft.workingDays() < 1 || draft.workingDays() > 30) {
            throw new IllegalArgumentException("a notice runs 1 to 30 working days: " + draft.workingDays());
        }
        if (draft.cohort() != null && draft.collegeId() == null) {
            throw new IllegalArgumentException("a cohort narrows a college: give the college too");
        }
        if (draft.items().isEmpty()) {
            throw BusinessException.invalid("notices.publish.empty");
        }
        Set<Long> students = new HashSet<>();
        for (NoticeItem item : draft.items()) {
            if (!students.add(item.studentId())) {
                throw new IllegalArgumentException("student " + item.studentId() + " is listed twice");
            }
            if (item.detail() == null || item.detail().isBlank() || item.detail().trim().length() > MAX_TITLE) {
                throw new IllegalArgumentException("an item needs a public detail of 1 to 200 characters");
            }
        }
    }

    // ---------------------------------------------------------------- reading

    /** The running and recent (final in the last 90 days) notices the user may read, newest first. */
    @Transactional(readOnly = true)
    public List<NoticeSummary> board(CurrentUser user) {
        Reach reach = reachOf(user).orElseThrow(BusinessException::forbidden);
        LocalDate today = today();
        return jdbc.sql(SUMMARY + " WHERE " + reach.sql() + " AND (f.final_on IS NULL OR f.final_on >= ?)"
                        + " ORDER BY n.starts_on DESC, n.id DESC LIMIT 200")
                .param(today.minusDays(RECENT_DAYS))
                .query((rs, n) -> summary(rs, today)).list();
    }

    /** A notice the user may read, with its lines and the objections they may see; anything else is "not found". */
    @Transactional(readOnly = true)
    public NoticeDetail detail(CurrentUser user, long noticeId) {
        NoticeSummary notice = summary(user, noticeId);
        boolean answers = answerers(notice.kind()).contains(user.activeRole());
        List<NoticeLine> lines = jdbc.sql("SELECT i.id, i.line_no, i.student_id, s.student_no, s.name, c.name,"
                        + " i.subject_id, i.detail, EXISTS (SELECT 1 FROM cr_notice_answer a"
                        + " WHERE a.withdrawn_item_id = i.id) FROM cr_notice_item i"
                        + " JOIN org_student s ON s.id = i.student_id JOIN org_class c ON c.id = s.class_id"
                        + " WHERE i.notice_id = ? ORDER BY i.line_no")
                .param(noticeId)
                .query((rs, n) -> new NoticeLine(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getBoolean(9)))
                .list();
        List<ObjectionView> objections = jdbc.sql(OBJECTIONS + " WHERE o.notice_id = ?"
                        + (answers ? "" : " AND o.account_id = " + user.accountId()) + " ORDER BY o.id")
                .param(noticeId).query((rs, n) -> objection(rs, user)).list();
        return new NoticeDetail(notice, lines, objections, notice.running(), answers);
    }

    /** The board's line for a notice the user may read; anything else is "not found". */
    @Transactional(readOnly = true)
    public NoticeSummary summary(CurrentUser user, long noticeId) {
        Reach reach = reachOf(user).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        LocalDate today = today();
        return jdbc.sql(SUMMARY + " WHERE n.id = ? AND " + reach.sql()).param(noticeId)
                .query((rs, n) -> summary(rs, today)).optional()
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
    }

    /**
     * A notice's line without a reader's scope check, for the parts of the module that published it (and have checked
     * their own record's scope): status, period, final date.
     */
    @Transactional(readOnly = true)
    public Optional<NoticeSummary> find(long noticeId) {
        LocalDate today = today();
        return jdbc.sql(SUMMARY + " WHERE n.id = ?").param(noticeId).query((rs, n) -> summary(rs, today)).optional();
    }

    /** The open objections the user answers (the kinds whose deciding office their role is), oldest first. */
    @Transactional(readOnly = true)
    public List<ObjectionView> openObjections(CurrentUser user) {
        Set<NoticeKind> kinds = kindsAnsweredBy(user);
        Optional<Reach> reach = reachOf(user);
        if (kinds.isEmpty() || reach.isEmpty()) {
            return List.of();
        }
        String in = kinds.stream().map(k -> "'" + k.name() + "'").collect(Collectors.joining(","));
        return jdbc.sql(OBJECTIONS + " WHERE a.id IS NULL AND n.kind IN (" + in + ") AND " + reach.get().sql()
                        + " ORDER BY o.id")
                .query((rs, n) -> objection(rs, user)).list();
    }

    /** One objection, for the person who raised it or the deciding office of its notice; else "not found". */
    @Transactional(readOnly = true)
    public ObjectionView objection(CurrentUser user, long objectionId) {
        ObjectionView view = jdbc.sql(OBJECTIONS + " WHERE o.id = ?").param(objectionId)
                .query((rs, n) -> objection(rs, user)).optional()
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        NoticeSummary notice = summary(user, view.noticeId());
        if (!view.mine() && !answerers(notice.kind()).contains(user.activeRole())) {
            throw BusinessException.notFound("error.not-found");
        }
        return view;
    }

    /** Whether the user's active role answers objections to some kind of notice (the deciding office). */
    public boolean answersObjections(CurrentUser user) {
        return !kindsAnsweredBy(user).isEmpty();
    }

    // ---------------------------------------------------------------- objections and answers

    /**
     * Raises an objection (异议) while the notice runs: a reason (required, at most 500 characters), optionally about
     * one line ({@code itemId}, see {@link NoticeLine#id()}) that is still on the list. Returns its id.
     */
    @Transactional
    public long object(CurrentUser user, long noticeId, Long itemId, String reason) {
        return object(user, noticeId, itemId, reason, today());
    }

    @Transactional
    long object(CurrentUser user, long noticeId, Long itemId, String reason, LocalDate today) {
        summary(user, noticeId);
        String text = requiredText(reason, "notices.objection.reason-required", "notices.objection.reason-too-long");
        NoticePeriod period = lock(noticeId);
        if (today.isBefore(period.startsOn())) {
            throw BusinessException.invalid("notices.objection.not-started", period.startsOn());
        }
        if (today.isAfter(period.endsOn())) {
            throw BusinessException.invalid("notices.objection.ended", period.endsOn());
        }
        if (itemId != null) {
            requireItem(noticeId, itemId);
            if (withdrawn(itemId)) {
                throw BusinessException.invalid("notices.objection.item-withdrawn");
            }
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cr_notice_objection (notice_id, item_id, reason, account_id, raised_by, raised_role,"
                        + " raised_on, raised_at) VALUES (?,?,?,?,?,?,?,?)")
                .params(noticeId, itemId, text, user.accountId(), user.displayName(), user.activeRole().name(), today,
                        now())
                .update(key, "id");
        long id = key.getKey().longValue();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("noticeId", noticeId);
        values.put("itemId", itemId);
        values.put("reason", text);
        audit.record(OBJECTION, id, "raise", values);
        return id;
    }

    /**
     * The deciding office answers an open objection with a text: dismissed, or upheld. Upholding takes a line off the
     * list (the kind's {@link NoticeOutcomes#itemWithdrawn} hears it): the line the objection is about, or for an
     * objection to the whole list the line the office names in {@code withdrawItemId} (required then). The objector
     * is told. If the period has passed and this was the last open objection, the notice becomes final at once.
     */
    @Transactional
    public void answer(CurrentUser user, long objectionId, boolean uphold, String answer, Long withdrawItemId) {
        answer(user, objectionId, uphold, answer, withdrawItemId, today());
    }

    @Transactional
    void answer(CurrentUser user, long objectionId, boolean uphold, String answer, Long withdrawItemId,
            LocalDate today) {
        record Raised(long noticeId, Long itemId, long accountId) {
        }
        Raised raised = jdbc.sql("SELECT notice_id, item_id, account_id FROM cr_notice_objection WHERE id = ?")
                .param(objectionId)
                .query((rs, n) -> new Raised(rs.getLong(1), rs.getObject(2, Long.class), rs.getLong(3))).optional()
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        NoticeSummary notice = summary(user, raised.noticeId());
        if (!answerers(notice.kind()).contains(user.activeRole())) {
            throw BusinessException.forbidden();
        }
        String text = requiredText(answer, "notices.answer.required", "notices.answer.too-long");
        NoticePeriod period = lock(raised.noticeId());
        boolean answered = jdbc.sql("SELECT count(*) FROM cr_notice_answer WHERE objection_id = ?")
                .param(objectionId).query(Long.class).single() > 0;
        if (answered) {
            throw BusinessException.conflict("notices.answer.already");
        }
        Long itemId = null;
        if (uphold) {
            itemId = raised.itemId() != null ? raised.itemId() : withdrawItemId;
            if (itemId == null) {
                throw BusinessException.invalid("notices.answer.name-item");
            }
            requireItem(raised.noticeId(), itemId);
            if (withdrawn(itemId)) {
                itemId = null; // upheld before: the line is off the list already
            }
        }
        jdbc.sql("INSERT INTO cr_notice_answer (objection_id, upheld, withdrawn_item_id, answer, answered_by,"
                        + " answered_role, answered_on, answered_at) VALUES (?,?,?,?,?,?,?,?)")
                .params(objectionId, uphold, itemId, text, user.displayName(), user.activeRole().name(), today, now())
                .update();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("upheld", uphold);
        values.put("withdrawnItemId", itemId);
        values.put("answer", text);
        audit.record(ANSWER, objectionId, uphold ? "uphold" : "dismiss", values);
        if (itemId != null) {
            outcomesOf(notice.kind()).orElseThrow().itemWithdrawn(raised.noticeId(), item(itemId), text);
        }
        notifications.send(raised.accountId(), uphold ? "notices.notify.upheld" : "notices.notify.dismissed",
                List.of(notice.title()), "/notices/" + raised.noticeId());
        if (today.isAfter(period.endsOn())) {
            finalizeLocked(raised.noticeId(), today);
        }
    }

    // ---------------------------------------------------------------- finality

    /**
     * Makes final every notice whose period ended before {@code today} and that has no open objection; each in its own
     * transaction, so that one failing outcome does not hold back the others. Returns how many became final. The
     * scheduled {@code NoticeJob} calls it; calling it again changes nothing.
     */
    public int finalizeDue(LocalDate today) {
        List<Long> due = jdbc.sql("SELECT n.id FROM cr_notice n WHERE n.ends_on < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM cr_notice_final f WHERE f.notice_id = n.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM cr_notice_objection o WHERE o.notice_id = n.id AND NOT EXISTS"
                        + " (SELECT 1 FROM cr_notice_answer a WHERE a.objection_id = o.id)) ORDER BY n.id")
                .param(today).query(Long.class).list();
        int done = 0;
        for (long id : due) {
            try {
                if (Boolean.TRUE.equals(tx.execute(s -> finalizeIfDue(id, today)))) {
                    done++;
                }
            } catch (RuntimeException e) {
                log.error("Notice {} could not be made final; the next run tries again", id, e);
            }
        }
        return done;
    }

    /** Makes one notice final if it is due on {@code today}; false if it is not (or is final already). */
    @Transactional
    boolean finalizeIfDue(long noticeId, LocalDate today) {
        lock(noticeId);
        return finalizeLocked(noticeId, today);
    }

    private boolean finalizeLocked(long noticeId, LocalDate today) {
        record Due(NoticeKind kind, Long subjectId, LocalDate endsOn) {
        }
        Due due = jdbc.sql("SELECT kind, subject_id, ends_on FROM cr_notice WHERE id = ?").param(noticeId)
                .query((rs, n) -> new Due(NoticeKind.valueOf(rs.getString(1)), rs.getObject(2, Long.class),
                        rs.getObject(3, LocalDate.class)))
                .single();
        boolean finalAlready = jdbc.sql("SELECT count(*) FROM cr_notice_final WHERE notice_id = ?").param(noticeId)
                .query(Long.class).single() > 0;
        if (finalAlready || !today.isAfter(due.endsOn()) || openObjections(noticeId) > 0) {
            return false;
        }
        Optional<NoticeOutcomes> outcome = outcomesOf(due.kind());
        if (outcome.isEmpty()) {
            log.warn("No NoticeOutcomes for {}: notice {} stays unfinal", due.kind(), noticeId);
            return false;
        }
        LocalDate lastAnswer = jdbc.sql("SELECT max(a.answered_on) FROM cr_notice_answer a"
                        + " JOIN cr_notice_objection o ON o.id = a.objection_id WHERE o.notice_id = ?")
                .param(noticeId).query(LocalDate.class).optional().orElse(null);
        LocalDate finalOn = due.endsOn().plusDays(1);
        if (lastAnswer != null && lastAnswer.isAfter(finalOn)) {
            finalOn = lastAnswer;
        }
        List<NoticeItem> remaining = jdbc.sql("SELECT i.student_id, i.subject_id, i.detail FROM cr_notice_item i"
                        + " WHERE i.notice_id = ? AND NOT EXISTS (SELECT 1 FROM cr_notice_answer a"
                        + " WHERE a.withdrawn_item_id = i.id) ORDER BY i.line_no")
                .param(noticeId)
                .query((rs, n) -> new NoticeItem(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
        // the primary key refuses a second row, should anything bypass the lock
        jdbc.sql("INSERT INTO cr_notice_final (notice_id, final_on, remaining, finalized_at) VALUES (?,?,?,?)")
                .params(noticeId, finalOn, remaining.size(), now()).update();
        audit.record(NOTICE, noticeId, "final", Map.of("finalOn", finalOn, "remaining", remaining.size()));
        outcome.get().noticeFinal(noticeId, due.subjectId(), finalOn, remaining);
        return true;
    }

    // ---------------------------------------------------------------- outcomes

    private Optional<NoticeOutcomes> outcomesOf(NoticeKind kind) {
        NoticeOutcomes standIn = standIns.get(kind);
        if (standIn != null) {
            return Optional.of(standIn);
        }
        return outcomes.orderedStream().filter(o -> o.kind() == kind).findFirst();
    }

    private Set<Role> answerers(NoticeKind kind) {
        return outcomesOf(kind).map(NoticeOutcomes::answeredBy).orElse(Set.of());
    }

    private Set<NoticeKind> kindsAnsweredBy(CurrentUser user) {
        Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            if (user.activeRole() != null && answerers(kind).contains(user.activeRole())) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /**
     * Tests only: {@code outcomes} stands in for its kind's bean until the returned handle is closed, so that the
     * board can be tested before (and apart from) the parts that publish notices, without another Spring context.
     */
    AutoCloseable standIn(NoticeOutcomes outcome) {
        standIns.put(outcome.kind(), outcome);
        return () -> standIns.remove(outcome.kind(), outcome);
    }

    // ---------------------------------------------------------------- scope

    /**
     * Whom the user reads notices for: every notice, or those of some colleges, or those of some (college, cohort)
     * pairs (a counselor's classes, a student's class); school-wide notices always; a student also those that list
     * them. Empty: an employer or no role.
     */
    private Optional<Reach> reachOf(CurrentUser user) {
        if (user.activeRole() == null || user.activeRole() == Role.EMPLOYER) {
            return Optional.empty();
        }
        StudentScope students = scope.studentsOf(user);
        if (students.school()) {
            return Optional.of(new Reach(true, Set.of(), Set.of(), Set.of()));
        }
        Set<Long> classIds = new HashSet<>(students.classIds());
        students.studentIds().forEach(id -> roster.find(id).ifPresent(s -> classIds.add(s.classId())));
        Set<List<Long>> pairs = new HashSet<>();
        for (long classId : classIds) {
            organization.schoolClass(classId).map(NoticeBoard::pair).ifPresent(pairs::add);
        }
        return Optional.of(new Reach(false, students.collegeIds(), pairs, students.studentIds()));
    }

    private static List<Long> pair(SchoolClass c) {
        return List.of(c.collegeId(), (long) c.cohort());
    }

    private record Reach(boolean all, Set<Long> colleges, Set<List<Long>> collegeCohorts, Set<Long> listed) {

        /** A condition over the notice alias {@code n}; only numbers are written into it. */
        String sql() {
            if (all) {
                return "1=1";
            }
            StringBuilder or = new StringBuilder("(n.college_id IS NULL");
            if (!colleges.isEmpty()) {
                or.append(" OR n.college_id IN (")
                        .append(colleges.stream().map(String::valueOf).collect(Collectors.joining(","))).append(')');
            }
            for (List<Long> p : collegeCohorts) {
                or.append(" OR (n.college_id = ").append(p.get(0)).append(" AND (n.cohort IS NULL OR n.cohort = ")
                        .append(p.get(1)).append("))");
            }
            if (!listed.isEmpty()) { // a student always reads the notices that list them
                or.append(" OR EXISTS (SELECT 1 FROM cr_notice_item li WHERE li.notice_id = n.id AND li.student_id IN (")
                        .append(listed.stream().map(String::valueOf).collect(Collectors.joining(","))).append("))");
            }
            return or.append(')').toString();
        }
    }

    // ---------------------------------------------------------------- internals

    private static final String SUMMARY = "SELECT n.id, n.kind, n.subject_id, n.title, n.college_id, g.name, n.cohort,"
            + " n.working_days, n.published_on, n.starts_on, n.ends_on, f.final_on,"
            + " (SELECT count(*) FROM cr_notice_item i WHERE i.notice_id = n.id),"
            + " (SELECT count(*) FROM cr_notice_answer a JOIN cr_notice_objection o ON o.id = a.objection_id"
            + " WHERE o.notice_id = n.id AND a.withdrawn_item_id IS NOT NULL),"
            + " (SELECT count(*) FROM cr_notice_objection o WHERE o.notice_id = n.id AND NOT EXISTS"
            + " (SELECT 1 FROM cr_notice_answer a WHERE a.objection_id = o.id))"
            + " FROM cr_notice n LEFT JOIN org_college g ON g.id = n.college_id"
            + " LEFT JOIN cr_notice_final f ON f.notice_id = n.id";

    private static final String OBJECTIONS = "SELECT o.id, o.notice_id, n.kind, n.title, o.item_id, s.student_no,"
            + " s.name, o.reason, o.raised_by, o.raised_on, o.account_id, a.upheld, a.answer, a.withdrawn_item_id,"
            + " a.answered_by, a.answered_on FROM cr_notice_objection o JOIN cr_notice n ON n.id = o.notice_id"
            + " LEFT JOIN cr_notice_item i ON i.id = o.item_id LEFT JOIN org_student s ON s.id = i.student_id"
            + " LEFT JOIN cr_notice_answer a ON a.objection_id = o.id";

    private NoticeSummary summary(ResultSet rs, LocalDate today) throws SQLException {
        NoticePeriod period = new NoticePeriod(rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class));
        LocalDate finalOn = rs.getObject(12, LocalDate.class);
        int open = rs.getInt(15);
        NoticeStatus status;
        if (finalOn != null) {
            status = NoticeStatus.FINAL;
        } else if (today.isBefore(period.startsOn())) {
            status = NoticeStatus.UPCOMING;
        } else if (period.runsOn(today)) {
            status = NoticeStatus.RUNNING;
        } else {
            status = open > 0 ? NoticeStatus.AWAITING_ANSWERS : NoticeStatus.ENDED;
        }
        return new NoticeSummary(rs.getLong(1), NoticeKind.valueOf(rs.getString(2)), rs.getObject(3, Long.class),
                rs.getString(4), rs.getObject(5, Long.class), rs.getString(6), rs.getObject(7, Integer.class),
                rs.getInt(8), rs.getObject(9, LocalDate.class), period.startsOn(), period.endsOn(),
                period.workingDaysLeft(today, workingDays()), status, finalOn, rs.getInt(13), rs.getInt(14), open);
    }

    private static ObjectionView objection(ResultSet rs, CurrentUser user) throws SQLException {
        ObjectionAnswer answer = rs.getObject(12) == null ? null
                : new ObjectionAnswer(rs.getBoolean(12), rs.getString(13), rs.getObject(14, Long.class),
                        rs.getString(15), rs.getObject(16, LocalDate.class));
        return new ObjectionView(rs.getLong(1), rs.getLong(2), NoticeKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getObject(5, Long.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, LocalDate.class), rs.getLong(11) == user.accountId(), answer);
    }

    /** Locks the notice's row until commit (objections, answers and finality of one notice run one at a time). */
    private NoticePeriod lock(long noticeId) {
        return jdbc.sql("SELECT starts_on, ends_on FROM cr_notice WHERE id = ? FOR UPDATE").param(noticeId)
                .query((rs, n) -> new NoticePeriod(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .optional().orElseThrow(() -> BusinessException.notFound("error.not-found"));
    }

    private void requireItem(long noticeId, long itemId) {
        boolean found = jdbc.sql("SELECT count(*) FROM cr_notice_item WHERE id = ? AND notice_id = ?")
                .params(itemId, noticeId).query(Long.class).single() > 0;
        if (!found) {
            throw BusinessException.invalid("notices.objection.item-unknown");
        }
    }

    private boolean withdrawn(long itemId) {
        return jdbc.sql("SELECT count(*) FROM cr_notice_answer WHERE withdrawn_item_id = ?").param(itemId)
                .query(Long.class).single() > 0;
    }

    private NoticeItem item(long itemId) {
        return jdbc.sql("SELECT student_id, subject_id, detail FROM cr_notice_item WHERE id = ?").param(itemId)
                .query((rs, n) -> new NoticeItem(rs.getLong(1), rs.getLong(2), rs.getString(3))).single();
    }

    private long openObjections(long noticeId) {
        return jdbc.sql("SELECT count(*) FROM cr_notice_objection o WHERE o.notice_id = ? AND NOT EXISTS"
                + " (SELECT 1 FROM cr_notice_answer a WHERE a.objection_id = o.id)").param(noticeId)
                .query(Long.class).single();
    }

    private static String requiredText(String text, String requiredKey, String tooLongKey) {
        if (text == null || text.isBlank()) {
            throw BusinessException.invalid(requiredKey);
        }
        String trimmed = text.trim();
        if (trimmed.length() > MAX_TEXT) {
            throw BusinessException.invalid(tooLongKey, MAX_TEXT);
        }
        return trimmed;
    }

    private Predicate<LocalDate> workingDays() {
        return calendar.snapshot()::isWorkingDay;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return clock.instant().atZone(clock.getZone()).toOffsetDateTime();
    }
}
