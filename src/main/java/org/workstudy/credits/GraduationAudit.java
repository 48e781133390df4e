package org.workstudy.credits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.credits.internal.GraduationCounts;
import org.workstudy.credits.internal.GraduationFilter;
import org.workstudy.credits.internal.GraduationReport;
import org.workstudy.credits.internal.GraduationRow;
import org.workstudy.credits.internal.GraduationStatus;
import org.workstudy.hours.CountingWindow;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.HoursTotals;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentQuery;
import org.workstudy.organization.StudentRow;
import org.workstudy.organization.StudentStatus;
import org.workstudy.policy.Policies;
import org.workstudy.policy.PolicyVersion;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.Decimals;

/**
 * The graduation audit (毕业审核) of a graduating cohort, the deferred graduation list (暂缓毕业) and the release of
 * students who made up their hours (补修). Statuses by {@link GraduationRules}; hours by
 * {@link HoursLedger#totals} (set-based), exemptions and credit records by {@link CreditStandings}.
 *
 * <p>Who: ACADEMIC_AFFAIRS runs the audit, defers and rechecks; CENTER_DIRECTOR, CENTER_STAFF and LEADER read the
 * whole school; VICE_DEAN and COLLEGE_ADMIN their college; COUNSELOR their classes (they follow their students'
 * make-up); all read-only. Students see their own standing ({@link #mine}). Scope through {@link DataScope}.
 *
 * <p>Release date: the day the release is recorded, i.e. the day the hours that complete the make-up were counted
 * (confirmed, or written by someone whose records count at once), or the day of a manual recheck. The make-up
 * period ends on that day.
 */
@Service
public class GraduationAudit {

    static final String AUDIT = "deferral";
    private static final Set<Role> READERS = EnumSet.of(Role.ACADEMIC_AFFAIRS, Role.CENTER_DIRECTOR,
            Role.CENTER_STAFF, Role.LEADER, Role.VICE_DEAN, Role.COLLEGE_ADMIN, Role.COUNSELOR);

    private final Roster roster;
    private final Organization organization;
    private final DataScope scope;
    private final HoursLedger ledger;
    private final CreditStandings standings;
    private final DeferralStore deferrals;
    private final Policies policies;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final Clock clock;

    GraduationAudit(Roster roster, Organization organization, DataScope scope, HoursLedger ledger, CreditStandings standings,
            DeferralStore deferrals, Policies policies, AuditTrail audit,
            Notifications notifications, Clock clock) {
        this.roster = roster;
        this.organization = organization;
        this.scope = scope;
        this.ledger = ledger;
        this.standings = standings;
        this.deferrals = deferrals;
        this.policies = policies;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Whether the user may read the audit (role); their scope still limits the students. */
    public static boolean mayRead(CurrentUser user) {
        return user.activeRole() != null && READERS.contains(user.activeRole());
    }

    /** Whether the user may defer and recheck (academic affairs). */
    public static boolean mayDecide(CurrentUser user) {
        return user.acts(Role.ACADEMIC_AFFAIRS);
    }

    /** The cohorts there are (newest first), to choose from. */
    @Transactional(readOnly = true)
    public List<Integer> cohorts(CurrentUser user) {
        requireReader(user);
        return organization.cohorts();
    }

    /**
     * The audit of the cohort: counts for every student of the cohort in the user's scope, and the students passing
     * the filter. A college or class outside the scope answers "not found".
     */
    @Transactional(readOnly = true)
    public GraduationReport audit(CurrentUser user, int cohort, GraduationFilter filter) {
        requireReader(user);
        GraduationFilter f = filter == null ? GraduationFilter.all() : filter;
        if (f.collegeId() != null) {
            scope.requireCollege(user, f.collegeId());
        }
        if (f.classId() != null) {
            scope.requireClass(user, f.classId());
        }
        PolicyVersion policy = policy(cohort);
        List<StudentRow> students = studentsOf(user, cohort);
        List<GraduationRow> all = rows(students, policy);
        List<GraduationCounts> colleges = groups(all, GraduationRow::collegeId, GraduationRow::collegeName);
        List<GraduationCounts> classes = groups(all, GraduationRow::classId, GraduationRow::className);
        List<GraduationRow> shown = all.stream()
                .filter(r -> f.status() == null || r.status() == f.status())
                .filter(r -> f.collegeId() == null || r.collegeId() == f.collegeId())
                .filter(r -> f.classId() == null || r.classId() == f.classId()).toList();
        long deferrable = all.stream().filter(GraduationRow::deferrable)
                .filter(r -> f.collegeId() == null || r.collegeId() == f.collegeId())
                .filter(r -> f.classId() == null || r.classId() == f.classId()).count();
        return new GraduationReport(cohort, policy.requiredHours(), windowEnd(cohort), today(),
                GraduationCounts.of(null, null, all), colleges, classes, shown, deferrable);
    }

    /** Every student of the cohort on the deferred list that the user may see, deferred or released. */
    @Transactional(readOnly = true)
    public List<GraduationRow> deferred(CurrentUser user, int cohort) {
        requireReader(user);
        List<StudentRow> students = studentsOf(user, cohort);
        Map<Long, DeferralStanding> listed = deferrals.ofStudents(students.stream().map(StudentRow::id).toList());
        List<StudentRow> onList = students.stream().filter(s -> listed.containsKey(s.id())).toList();
        return rows(onList, policy(cohort)).stream()
                .sorted(Comparator.comparing(GraduationRow::deferredOn).thenComparing(GraduationRow::studentNo))
                .toList();
    }

    /** The signed-in student's own standing (their cohort's audit row), if they are a student. */
    @Transactional(readOnly = true)
    public Optional<GraduationRow> mine(CurrentUser user) {
        if (!user.acts(Role.STUDENT)) {
            throw BusinessException.forbidden();
        }
        Optional<Student> me = roster.ofAccount(user.accountId());
        if (me.isEmpty()) {
            return Optional.empty();
        }
        StudentRow row = roster.row(user, me.get().id());
        return policies.forCohort(row.cohort()).map(p -> rows(List.of(row), p).get(0));
    }

    /**
     * Puts the cohort's DEFICIENT students whose semester window has ended on the deferred list (academic affairs):
     * all of them within the college or class of {@code within} ({@code studentIds} null), or the ones given, each of
     * which must be deficient now. Each student is told what to do. Returns how many were deferred.
     */
    @Transactional
    public int defer(CurrentUser user, int cohort, GraduationFilter within, Collection<Long> studentIds) {
        requireOffice(user);
        PolicyVersion policy = policy(cohort);
        GraduationFilter f = within == null ? GraduationFilter.all() : within;
        List<StudentRow> students = studentsOf(user, cohort).stream()
                .filter(s -> f.collegeId() == null || s.collegeId() == f.collegeId())
                .filter(s -> f.classId() == null || s.classId() == f.classId()).toList();
        if (studentIds != null) {
            Set<Long> wanted = Set.copyOf(studentIds);
            if (wanted.isEmpty()) {
                throw BusinessException.invalid("graduation.defer.none-chosen");
            }
            students = students.stream().filter(s -> wanted.contains(s.id())).toList();
            if (students.size() != wanted.size()) {
                throw BusinessException.notFound("error.not-found");
            }
        }
        LocalDate today = today();
        List<GraduationRow> toDefer = new ArrayList<>();
        for (GraduationRow r : rows(students, policy)) {
            if (r.deferrable()) {
                toDefer.add(r);
            } else if (studentIds != null) {
                boolean windowOver = r.windowEnd() != null && r.windowEnd().isBefore(today);
                throw BusinessException.conflict(windowOver ? "graduation.defer.not-deficient"
                        : "graduation.defer.window-open", r.studentNo());
            }
        }
        if (toDefer.isEmpty()) {
            throw BusinessException.conflict("graduation.defer.nobody");
        }
        Map<Object, Object> trail = new LinkedHashMap<>();
        for (GraduationRow r : toDefer) {
            long id = deferrals.defer(r.studentId(), cohort, today, r.missingHours(), user.username(),
                    user.displayName());
            trail.put(id, Map.of("student", r.studentId(), "cohort", cohort, "deficitHours", r.missingHours(),
                    "on", today.toString()));
        }
        audit.recordAll(AUDIT, "defer", trail);
        for (GraduationRow r : toDefer) {
            roster.find(r.studentId()).map(Student::accountId).ifPresent(account -> notifications.send(account,
                    "graduation.notify.deferred", List.of(Decimals.plain(r.missingHours())), "/my/graduation"));
        }
        return toDefer.size();
    }

    /**
     * Releases every deferred student of the cohort who has made up (academic affairs; also catches make-up that
     * started to count without a {@code HoursConfirmed} event, e.g. a self-arranged certificate verified later).
     * Returns how many were released.
     */
    @Transactional
    public int recheck(CurrentUser user, int cohort) {
        requireOffice(user);
        List<DeferralStanding> open = deferrals.ofCohort(cohort).stream().filter(d -> !d.released()).toList();
        int released = 0;
        for (DeferralStanding d : open) {
            if (releaseIfMadeUp(d.studentId(), user.username(), user.displayName())) {
                released++;
            }
        }
        return released;
    }

    /** {@link #releaseIfMadeUp} for many students; the deferred among them are found in one query. */
    @Transactional
    public int releaseAllIfMadeUp(java.util.Collection<Long> studentIds, String by, String byName) {
        int released = 0;
        for (DeferralStanding d : deferrals.ofStudents(studentIds).values()) {
            if (!d.released() && releaseIfMadeUp(d.studentId(), by, byName)) {
                released++;
            }
        }
        return released;
    }

    /**
     * Releases the student if they are deferred and have made up, with a dated record (today), in the caller's
     * transaction; tells them. Returns whether they were released now.
     */
    @Transactional
    public boolean releaseIfMadeUp(long studentId, String by, String byName) {
        Optional<DeferralStanding> found = deferrals.ofStudent(studentId);
        if (found.isEmpty() || found.get().released()) {
            return false;
        }
        deferrals.lock(found.get().deferralId());
        DeferralStanding d = deferrals.ofStudent(studentId).orElseThrow();
        if (d.released()) {
            return false;
        }
        GraduationRules.Facts facts = facts(List.of(studentId), policy(d.cohort())).facts().get(studentId);
        if (!GraduationRules.madeUp(facts)) {
            return false;
        }
        LocalDate today = today();
        long id = deferrals.release(d, today, facts.makeUpHours(), by, byName);
        audit.record(AUDIT, id, "release", Map.of("student", studentId, "deferral", d.deferralId(),
                "makeUpHours", facts.makeUpHours(), "on", today.toString()));
        roster.find(studentId).map(Student::accountId).ifPresent(account -> notifications.send(account,
                "graduation.notify.released", List.of(Decimals.plain(facts.makeUpHours()), today.toString()),
                "/my/graduation"));
        return true;
    }

    // ================================================================== internals

    private List<StudentRow> studentsOf(CurrentUser user, int cohort) {
        List<StudentRow> out = new ArrayList<>();
        roster.forEach(user, new StudentQuery(null, null, null, cohort, null), s -> {
            if (s.status() != StudentStatus.WITHDRAWN) {
                out.add(s);
            }
        });
        return out;
    }

    /**
     * The audit rows of the students: each judged by the policy version of their enrolment cohort ({@code policy},
     * the audited cohort's, for a student whose enrolment cohort has none) and their own counting window (semesters
     * of study: a suspended student's window ends later).
     */
    private List<GraduationRow> rows(List<StudentRow> students, PolicyVersion policy) {
        List<Long> ids = students.stream().map(StudentRow::id).toList();
        Known known = facts(ids, policy);
        Map<Long, GraduationRules.Facts> facts = known.facts();
        Map<Long, HoursTotals> totals = known.totals();
        Map<Long, CountingWindow> windows = known.windows();
        List<GraduationRow> out = new ArrayList<>(students.size());
        LocalDate today = today();
        for (StudentRow s : students) {
            GraduationRules.Facts f = facts.get(s.id());
            GraduationRules.Verdict v = GraduationRules.judge(f);
            LocalDate windowEnd = windows.get(s.id()).end().orElse(null);
            boolean deferrable = v.status() == GraduationStatus.DEFICIENT && windowEnd != null
                    && windowEnd.isBefore(today);
            out.add(new GraduationRow(s.id(), s.studentNo(), s.name(), s.classId(), s.className(), s.collegeId(),
                    s.collegeName(), v.status(), f.inWindowHours(), v.makeUpHours(), v.missingHours(),
                    v.deficitHours(), v.deferredOn(), v.releasedOn(), totals.get(s.id()).waiting(), windowEnd,
                    deferrable));
        }
        return out;
    }

    private record Known(Map<Long, GraduationRules.Facts> facts, Map<Long, HoursTotals> totals,
            Map<Long, CountingWindow> windows) {
    }

    private Known facts(List<Long> ids, PolicyVersion fallback) {
        Map<Long, HoursTotals> totals = ledger.totals(ids);
        Map<Long, CountingWindow> windows = ledger.windows(ids);
        Map<Long, Roster.Enrolment> enrolments = roster.enrolments(ids);
        Map<Integer, PolicyVersion> byCohort = new java.util.HashMap<>();
        Map<Long, ExemptionStanding> exemptions = standings.exemptions(ids);
        Map<Long, CreditRecord> records = standings.records(ids);
        Map<Long, DeferralStanding> listed = deferrals.ofStudents(ids);
        Map<Long, GraduationRules.Facts> out = new LinkedHashMap<>();
        for (Long id : ids) {
            HoursTotals t = totals.get(id);
            Roster.Enrolment e = enrolments.get(id);
            PolicyVersion policy = e == null ? fallback : byCohort.computeIfAbsent(e.cohort(),
                    c -> policies.forCohort(c).orElse(fallback));
            out.put(id, new GraduationRules.Facts(policy.requiredHours(), t.inWindow(), t.makeUp(),
                    records.containsKey(id) ? records.get(id).basis() : null, exemptions.get(id), listed.get(id)));
        }
        return new Known(out, totals, windows);
    }

    private static List<GraduationCounts> groups(List<GraduationRow> rows, Function<GraduationRow, Long> id,
            Function<GraduationRow, String> name) {
        Map<Long, List<GraduationRow>> by = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(name).thenComparing(id))
                .forEach(r -> by.computeIfAbsent(id.apply(r), k -> new ArrayList<>()).add(r));
        return by.values().stream().map(g -> GraduationCounts.of(id.apply(g.get(0)), name.apply(g.get(0)), g))
                .toList();
    }

    private PolicyVersion policy(int cohort) {
        return policies.forCohort(cohort).orElseThrow(() -> BusinessException.invalid("graduation.no-policy", cohort));
    }

    /** The last day of the window of the cohort's usual enrolment term (autumn of the cohort's year). */
    private LocalDate windowEnd(int cohort) {
        return ledger.cohortWindow(cohort).end().orElse(null);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void requireReader(CurrentUser user) {
        if (!mayRead(user)) {
            throw BusinessException.forbidden();
        }
    }

    private static void requireOffice(CurrentUser user) {
        if (!mayDecide(user)) {
            throw BusinessException.forbidden();
        }
    }
}
