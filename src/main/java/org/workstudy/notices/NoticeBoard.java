package org.workstudy.notices;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.audit.AuditTrail;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.notices.internal.NoticeDetail;
import org.workstudy.notices.internal.NoticeLine;
import org.workstudy.notices.internal.ObjectionView;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.College;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentRow;
import org.workstudy.organization.StudentScope;
import org.workstudy.shared.BusinessException;

/**
 * The public notice board (公示栏): publishes notices, takes objections while they run, records the deciding office's
 * answers and makes notices final. Everything is an inserted row (notice, items, objections, answers, finality).
 *
 * <p>Who reads a notice: the students of its scope (their class's college, and cohort if the notice has one) and the
 * staff whose data scope covers it (school-wide roles; vice dean and college admin of the college; the counselor of a
 * class in it). A school-wide notice (no college) is read by every student and member of staff, and a student always
 * reads a notice that lists them. Anyone else gets "not found". Objections are answered by the roles of the kind's
 * {@link ObjectionOffice}.
 *
 * <p>What the items become is the publishing module's business: it hears {@link ObjectionUpheld} and
 * {@link NoticeFinalized}, synchronously, in the transaction that decides them.
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

    private final NoticeStore store;
    private final Clock clock;
    private final AcademicCalendar calendar;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final DataScope scope;
    private final Roster roster;
    private final Organization organization;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Map<NoticeKind, ObjectionOffice> offices = new EnumMap<>(NoticeKind.class);
    private final Map<NoticeKind, StandIn> standIns = new ConcurrentHashMap<>();

    NoticeBoard(NoticeStore store, Clock clock, AcademicCalendar calendar, AuditTrail audit,
            Notifications notifications, DataScope scope, Roster roster, Organization organization,
            TransactionTemplate tx, ApplicationEventPublisher events, List<ObjectionOffice> offices) {
        this.store = store;
        this.clock = clock;
        this.calendar = calendar;
        this.audit = audit;
        this.notifications = notifications;
        this.scope = scope;
        this.roster = roster;
        this.organization = organization;
        this.tx = tx;
        this.events = events;
        offices.forEach(o -> this.offices.put(o.kind(), o));
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
        Map<Long, Student> students = roster.findAll(draft.items().stream().map(NoticeItem::studentId).toList());
        if (students.size() != draft.items().size()) {
            throw new IllegalArgumentException("a notice lists students that do not exist");
        }
        NoticePeriod period = NoticePeriod.of(publishedOn, draft.workingDays(), workingDays());
        String by = CurrentUser.find().map(CurrentUser::username).orElse("system");
        long id = store.insert(draft, publishedOn, period, by, now());
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
        List<Long> accounts = students.values().stream().map(Student::accountId).filter(a -> a != null).toList();
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
        NoticeStore.Reach reach = reachOf(user).orElseThrow(BusinessException::forbidden);
        LocalDate today = today();
        return summaries(store.within(reach, today.minusDays(RECENT_DAYS)), today);
    }

    /** A notice the user may read, with its lines and the objections they may see; anything else is "not found". */
    @Transactional(readOnly = true)
    public NoticeDetail detail(CurrentUser user, long noticeId) {
        NoticeSummary notice = summary(user, noticeId);
        boolean answers = answerers(notice.kind()).contains(user.activeRole());
        List<NoticeStore.Line> stored = store.lines(noticeId);
        Map<Long, StudentRow> students = roster.rows(stored.stream().map(NoticeStore.Line::studentId).toList());
        List<NoticeLine> lines = stored.stream().map(l -> {
            StudentRow s = students.get(l.studentId());
            return new NoticeLine(l.id(), l.lineNo(), l.studentId(), s.studentNo(), s.name(), s.className(),
                    l.subjectId(), l.detail(), l.withdrawn());
        }).toList();
        List<ObjectionView> objections = views(store.objections(noticeId, answers ? null : user.accountId()), user);
        return new NoticeDetail(notice, lines, objections, notice.running(), answers);
    }

    /** The board's line for a notice the user may read; anything else is "not found". */
    @Transactional(readOnly = true)
    public NoticeSummary summary(CurrentUser user, long noticeId) {
        NoticeStore.Reach reach = reachOf(user).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        Notice notice = store.find(noticeId, reach).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        return summaries(List.of(notice), today()).get(0);
    }

    /**
     * A notice's line without a reader's scope check, for the modules that published it (and have checked their own
     * record's scope): status, period, final date.
     */
    @Transactional(readOnly = true)
    public Optional<NoticeSummary> find(long noticeId) {
        return store.find(noticeId).map(n -> summaries(List.of(n), today()).get(0));
    }

    /** The open objections the user answers (the kinds whose deciding office their role is), oldest first. */
    @Transactional(readOnly = true)
    public List<ObjectionView> openObjections(CurrentUser user) {
        Set<NoticeKind> kinds = kindsAnsweredBy(user);
        Optional<NoticeStore.Reach> reach = reachOf(user);
        if (kinds.isEmpty() || reach.isEmpty()) {
            return List.of();
        }
        return views(store.openObjections(kinds, reach.get()), user);
    }

    /** One objection, for the person who raised it or the deciding office of its notice; else "not found". */
    @Transactional(readOnly = true)
    public ObjectionView objection(CurrentUser user, long objectionId) {
        ObjectionView view = store.objection(objectionId).map(o -> views(List.of(o), user).get(0))
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
        Notice notice = store.lock(noticeId);
        notice.requireOpenForObjections(today);
        if (itemId != null) {
            NoticeStore.Line line = store.line(noticeId, itemId)
                    .orElseThrow(() -> BusinessException.invalid("notices.objection.item-unknown"));
            if (line.withdrawn()) {
                throw BusinessException.invalid("notices.objection.item-withdrawn");
            }
        }
        long id = store.insertObjection(noticeId, itemId, text, user.accountId(), user.displayName(),
                user.activeRole().name(), today, now());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("noticeId", noticeId);
        values.put("itemId", itemId);
        values.put("reason", text);
        audit.record(OBJECTION, id, "raise", values);
        return id;
    }

    /**
     * The deciding office answers an open objection with a text: dismissed, or upheld. Upholding takes a line off the
     * list ({@link ObjectionUpheld}): the line the objection is about, or for an objection to the whole list the line
     * the office names in {@code withdrawItemId} (required then). The objector is told. If the period has passed and
     * this was the last open objection, the notice becomes final at once.
     */
    @Transactional
    public void answer(CurrentUser user, long objectionId, boolean uphold, String answer, Long withdrawItemId) {
        answer(user, objectionId, uphold, answer, withdrawItemId, today());
    }

    @Transactional
    void answer(CurrentUser user, long objectionId, boolean uphold, String answer, Long withdrawItemId,
            LocalDate today) {
        Objection raised = store.objection(objectionId)
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        NoticeSummary notice = summary(user, raised.noticeId());
        if (!answerers(notice.kind()).contains(user.activeRole())) {
            throw BusinessException.forbidden();
        }
        String text = requiredText(answer, "notices.answer.required", "notices.answer.too-long");
        store.lock(raised.noticeId());
        // read again under the notice's lock: another answer may have come first
        Long lineId = store.objection(objectionId).orElseThrow().lineToWithdraw(uphold, withdrawItemId);
        NoticeStore.Line line = null;
        if (lineId != null) {
            line = store.line(raised.noticeId(), lineId)
                    .orElseThrow(() -> BusinessException.invalid("notices.objection.item-unknown"));
            if (line.withdrawn()) {
                line = null; // upheld before: the line is off the list already
            }
        }
        Long itemId = line == null ? null : line.id();
        store.insertAnswer(objectionId, uphold, itemId, text, user.displayName(), user.activeRole().name(), today,
                now());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("upheld", uphold);
        values.put("withdrawnItemId", itemId);
        values.put("answer", text);
        audit.record(ANSWER, objectionId, uphold ? "uphold" : "dismiss", values);
        if (line != null) {
            tell(notice.kind(), new ObjectionUpheld(raised.noticeId(), notice.kind(), line.item(), text));
        }
        notifications.send(raised.accountId(), uphold ? "notices.notify.upheld" : "notices.notify.dismissed",
                List.of(notice.title()), "/notices/" + raised.noticeId());
        if (today.isAfter(notice.endsOn())) {
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
        int done = 0;
        for (long id : store.due(today)) {
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
        store.lock(noticeId);
        return finalizeLocked(noticeId, today);
    }

    private boolean finalizeLocked(long noticeId, LocalDate today) {
        Notice notice = store.find(noticeId).orElseThrow();
        Optional<LocalDate> finalOn = notice.finalOn(today, store.lastAnswer(noticeId).orElse(null));
        if (finalOn.isEmpty()) {
            return false;
        }
        if (office(notice.kind()).isEmpty()) {
            log.warn("No ObjectionOffice for {}: notice {} stays unfinal", notice.kind(), noticeId);
            return false;
        }
        List<NoticeItem> remaining = store.remaining(noticeId);
        store.insertFinal(noticeId, finalOn.get(), remaining.size(), now());
        audit.record(NOTICE, noticeId, "final", Map.of("finalOn", finalOn.get(), "remaining", remaining.size()));
        tell(notice.kind(), new NoticeFinalized(noticeId, notice.kind(), notice.subjectId(), finalOn.get(),
                remaining));
        return true;
    }

    // ---------------------------------------------------------------- offices and events

    private Optional<ObjectionOffice> office(NoticeKind kind) {
        StandIn standIn = standIns.get(kind);
        return Optional.ofNullable(standIn != null ? standIn.office() : offices.get(kind));
    }

    /** Publishes to the kind's module, or to its stand-in while a test holds one. */
    private void tell(NoticeKind kind, Object event) {
        StandIn standIn = standIns.get(kind);
        if (standIn != null) {
            standIn.hears().accept(event);
        } else {
            events.publishEvent(event);
        }
    }

    private Set<Role> answerers(NoticeKind kind) {
        return office(kind).map(ObjectionOffice::answeredBy).orElse(Set.of());
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

    private record StandIn(ObjectionOffice office, Consumer<Object> hears) {
    }

    /**
     * Tests only: {@code office} stands in for its kind's office, and {@code hears} receives the kind's events instead
     * of the module that publishes it, until the returned handle is closed; so that the board can be tested apart from
     * the modules that publish notices, without another Spring context.
     */
    AutoCloseable standIn(ObjectionOffice office, Consumer<Object> hears) {
        StandIn standIn = new StandIn(office, hears);
        standIns.put(office.kind(), standIn);
        return () -> standIns.remove(office.kind(), standIn);
    }

    // ---------------------------------------------------------------- scope

    /**
     * Whom the user reads notices for: every notice, or those of some colleges, or those of some (college, cohort)
     * pairs (a counselor's classes, a student's class); school-wide notices always; a student also those that list
     * them. Empty: an employer or no role.
     */
    private Optional<NoticeStore.Reach> reachOf(CurrentUser user) {
        if (user.activeRole() == null || user.activeRole() == Role.EMPLOYER) {
            return Optional.empty();
        }
        StudentScope students = scope.studentsOf(user);
        if (students.school()) {
            return Optional.of(new NoticeStore.Reach(true, Set.of(), Set.of(), Set.of()));
        }
        Set<Long> classIds = new HashSet<>(students.classIds());
        students.studentIds().forEach(id -> roster.find(id).ifPresent(s -> classIds.add(s.classId())));
        Set<List<Long>> pairs = new HashSet<>();
        for (long classId : classIds) {
            organization.schoolClass(classId).map(NoticeBoard::pair).ifPresent(pairs::add);
        }
        return Optional.of(new NoticeStore.Reach(false, students.collegeIds(), pairs, students.studentIds()));
    }

    private static List<Long> pair(SchoolClass c) {
        return List.of(c.collegeId(), (long) c.cohort());
    }

    // ---------------------------------------------------------------- internals

    private List<NoticeSummary> summaries(List<Notice> notices, LocalDate today) {
        Map<Long, String> colleges = new HashMap<>();
        Predicate<LocalDate> workingDays = workingDays();
        return notices.stream().map(n -> new NoticeSummary(n.id(), n.kind(), n.subjectId(), n.title(), n.collegeId(),
                n.collegeId() == null ? null : colleges.computeIfAbsent(n.collegeId(),
                        c -> organization.college(c).map(College::name).orElse(null)),
                n.cohort(), n.workingDays(), n.publishedOn(), n.period().startsOn(), n.period().endsOn(),
                n.period().workingDaysLeft(today, workingDays), n.statusOn(today), n.finalOn(), n.items(),
                n.withdrawn(), n.openObjections())).toList();
    }

    private List<ObjectionView> views(List<Objection> objections, CurrentUser user) {
        Map<Long, StudentRow> students = roster.rows(objections.stream().map(Objection::itemStudentId)
                .filter(id -> id != null).toList());
        return objections.stream().map(o -> {
            StudentRow s = o.itemStudentId() == null ? null : students.get(o.itemStudentId());
            return new ObjectionView(o.id(), o.noticeId(), o.kind(), o.noticeTitle(), o.itemId(),
                    s == null ? null : s.studentNo(), s == null ? null : s.name(), o.reason(), o.raisedBy(),
                    o.raisedOn(), o.accountId() == user.accountId(), o.answer());
        }).toList();
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
