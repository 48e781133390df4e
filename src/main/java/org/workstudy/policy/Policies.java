package org.workstudy.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.workstudy.places.Division;
import org.workstudy.places.Divisions;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.calendar.Term;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.Organization;
import org.workstudy.policy.internal.PolicyForm;
import org.workstudy.policy.internal.PolicyProblem;
import org.workstudy.policy.internal.PolicyRefused;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TermCode;

/**
 * The policy versions. {@link #forCohort} answers which numbers apply to a cohort; a cohort before the first
 * version's (2016 by default) has no work-study requirement. Administrators add versions ({@link #create}); a version
 * is never edited or deleted, so the history stays readable.
 */
@Service
public class Policies {

    private static final String SELECT = "SELECT id, from_cohort, name, course_name, credits, required_hours,"
            + " hours_per_day, semester_window, home_city, offset_hours_per_credit, partial_offset_allowed,"
            + " notice_working_days, evening_from, cap_day_hours, cap_term_week_hours, cap_term_month_hours, note,"
            + " created_by, created_at, home_division FROM pol_version";

    static final String AUDIT = "policy-version";

    private final JdbcClient jdbc;
    private final Organization organization;
    private final AcademicCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;
    private final Divisions divisions;

    Policies(JdbcClient jdbc, Organization organization, AcademicCalendar calendar, AuditTrail audit, Clock clock,
            Divisions divisions) {
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.organization = organization;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Who may read the versions (pages and API): the administrators, who also create them, and the school-wide
     * offices that apply the policy.
     */
    public static final Set<Role> READERS = Set.of(Role.ADMIN, Role.CENTER_STAFF, Role.CENTER_DIRECTOR,
            Role.ACADEMIC_AFFAIRS, Role.LEADER);

    /** Refuses (403) a user whose active role may not read the versions. */
    public static void requireReader(CurrentUser user) {
        if (!READERS.contains(user.activeRole())) {
            throw BusinessException.forbidden();
        }
    }

    /** Every version, oldest first, each with the last cohort it covers. */
    @Transactional(readOnly = true)
    public List<PolicyVersion> versions() {
        return withRanges(jdbc.sql(SELECT + " ORDER BY from_cohort").query(Policies::row).list());
    }

    /** The version the cohort enrolled under; empty for a cohort before the first version. */
    @Transactional(readOnly = true)
    public Optional<PolicyVersion> forCohort(int cohort) {
        return pick(versions(), cohort);
    }

    /**
     * The version whose numbers apply to the cohort: its own, or for a cohort before the first version (no work-study
     * requirement) the first version's, for reference.
     */
    @Transactional(readOnly = true)
    public PolicyVersion forCohortOrFirst(int cohort) {
        List<PolicyVersion> all = versions();
        return pick(all, cohort).orElse(all.get(0));
    }

    /** The versions (ordered by first cohort), each with its last cohort: the one before the next version's first. */
    static List<PolicyVersion> withRanges(List<PolicyVersion> rows) {
        List<PolicyVersion> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            PolicyVersion v = rows.get(i);
            Integer to = i + 1 < rows.size() ? rows.get(i + 1).fromCohort() - 1 : null;
            out.add(new PolicyVersion(v.id(), v.fromCohort(), to, v.name(), v.courseName(), v.credits(),
                    v.requiredHours(), v.hoursPerDay(), v.semesterWindow(), v.homeCity(), v.offsetHoursPerCredit(),
                    v.partialOffsetAllowed(), v.noticeWorkingDays(), v.eveningFrom(), v.capDayHours(),
                    v.capTermWeekHours(), v.capTermMonthHours(), v.note(), v.createdBy(), v.createdAt(), v.homeDivision()));
        }
        return out;
    }

    /** The version of {@code versions} (with ranges) that covers the cohort. */
    static Optional<PolicyVersion> pick(List<PolicyVersion> versions, int cohort) {
        return versions.stream().filter(v -> v.covers(cohort)).findFirst();
    }

    /** The newest version (the one new cohorts enrol under). */
    @Transactional(readOnly = true)
    public PolicyVersion newest() {
        List<PolicyVersion> all = versions();
        return all.get(all.size() - 1);
    }

    /** A version by id (with the last cohort it covers). */
    @Transactional(readOnly = true)
    public Optional<PolicyVersion> find(long id) {
        return versions().stream().filter(v -> v.id() == id).findFirst();
    }

    /**
     * The earliest cohort a new version may start at: after the newest version's first cohort and after the last
     * cohort that has enrolled (see {@link #lastEnrolledCohort}).
     */
    @Transactional(readOnly = true)
    public int earliestNewCohort() {
        return opening().earliest();
    }

    /**
     * The last cohort that has enrolled: the latest cohort of any class, or this calendar year's cohort once its
     * first (autumn) term has started — by the academic calendar, or on 1 September when the calendar does not have
     * that term yet. 0 when nobody has enrolled.
     */
    @Transactional(readOnly = true)
    public int lastEnrolledCohort() {
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        LocalDate autumn = calendar.terms().stream().filter(t -> t.code().equals(new TermCode(year, 1)))
                .map(Term::startsOn).findFirst().orElse(LocalDate.of(year, 9, 1));
        int started = today.isBefore(autumn) ? year - 1 : year;
        int classes = organization.cohorts().stream().mapToInt(Integer::intValue).max().orElse(0);
        return Math.max(started, classes);
    }

    /**
     * Creates a version (administrators only) for cohorts from {@code form.fromCohort()} on. Refused with every
     * problem ({@link PolicyRefused}, nothing written) when a field is missing or out of range, or when the first
     * cohort is not later than the newest version's and than every enrolled cohort. Creations run one after the
     * other (the newest row is locked), and the unique first cohort turns a lost race into a conflict.
     */
    @Transactional
    public PolicyVersion create(CurrentUser user, PolicyForm form) {
        if (!user.acts(Role.ADMIN)) {
            throw BusinessException.forbidden();
        }
        if (form == null) {
            throw BusinessException.invalid("policy.error.form-required");
        }
        jdbc.sql("SELECT id FROM pol_version WHERE from_cohort = (SELECT MAX(from_cohort) FROM pol_version)"
                + " FOR UPDATE").query(Long.class).list();
        List<PolicyProblem> problems = new ArrayList<>(PolicyRules.problems(form, opening()));
        Division home = null;
        if (form.homeCity() != null && !form.homeCity().isBlank() && form.homeCity().length() <= 50) {
            try {
                home = divisions.requireCity("homeCity", form.homeCity());
            } catch (BusinessException e) {
                problems.add(new PolicyProblem("homeCity", e.messageKey(), List.of(e.args())));
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyRefused(problems);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO pol_version (from_cohort, name, course_name, credits, required_hours, hours_per_day,"
                            + " semester_window, home_city, offset_hours_per_credit, partial_offset_allowed,"
                            + " notice_working_days, evening_from, cap_day_hours, cap_term_week_hours,"
                            + " cap_term_month_hours, note, created_by, created_at, home_division)"
                            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                    .params(form.fromCohort(), form.name().strip(), form.courseName().strip(), form.credits(),
                            form.requiredHours(), form.hoursPerDay(), form.semesterWindow(), home.name(),
                            form.offsetHoursPerCredit(), form.partialOffsetAllowed(), form.noticeWorkingDays(),
                            form.eveningFrom().withSecond(0).withNano(0),
                            form.capDayHours(), form.capTermWeekHours(), form.capTermMonthHours(),
                            form.note() == null || form.note().isBlank() ? null : form.note().strip(),
                            user.username(), now, home.code())
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("policy.error.cohort-taken", form.fromCohort());
        }
        long id = key.getKey().longValue();
        PolicyVersion created = find(id).orElseThrow();
        audit.record(AUDIT, id, "create", created);
        return created;
    }

    private PolicyRules.Opening opening() {
        Integer newest = jdbc.sql("SELECT MAX(from_cohort) FROM pol_version").query(Integer.class).single();
        return new PolicyRules.Opening(newest == null ? 0 : newest, lastEnrolledCohort());
    }

    private static PolicyVersion row(ResultSet rs, int n) throws SQLException {
        return new PolicyVersion(rs.getLong(1), rs.getInt(2), null, rs.getString(3), rs.getString(4),
                rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getInt(8), rs.getString(9),
                rs.getBigDecimal(10), rs.getBoolean(11), rs.getInt(12), rs.getTime(13).toLocalTime(),
                rs.getBigDecimal(14), rs.getBigDecimal(15), rs.getBigDecimal(16), rs.getString(17), rs.getString(18),
                rs.getTimestamp(19).toInstant(), rs.getString(20));
    }
}
