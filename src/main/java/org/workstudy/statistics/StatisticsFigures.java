package org.workstudy.statistics;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.ClassRow;
import org.workstudy.organization.College;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Major;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StudentCondition;
import org.workstudy.organization.StudentRow;
import org.workstudy.organization.StudentScope;
import org.workstudy.positions.AnnualPlan;
import org.workstudy.positions.AnnualPlans;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.PageResult;

/**
 * The figures of statistics and the lists behind them, read from statistics' own summary ({@code sts_*}, see
 * {@link StatisticsRefresh}) and limited on the server to the user's scope as organization resolves it
 * ({@link DataScope#studentsOf}): a counselor's figures hold only their classes, a vice dean's only their college, a
 * student's only themselves. A college, major or class filter outside the scope answers "not found".
 *
 * <p>Dashboards are cached per scope and filter until the summary's generation moves (one small query a call), so
 * fifty people watching the school dashboard share one computation, on any number of instances.
 */
@Service
public class StatisticsFigures {

    /** Roles that see statistics: every role with students in its scope but employers. */
    public static final java.util.Set<Role> READERS = java.util.EnumSet.of(Role.ADMIN, Role.CENTER_DIRECTOR,
            Role.CENTER_STAFF, Role.ACADEMIC_AFFAIRS, Role.LEADER, Role.VICE_DEAN, Role.COLLEGE_ADMIN, Role.COUNSELOR,
            Role.STUDENT);

    private static final int EMPLOYERS_SHOWN = 10;
    private static final int CACHED_DASHBOARDS = 200;
    private static final int CACHED_PAST = 20;

    private final JdbcClient jdbc;
    private final DataScope dataScope;
    private final Organization organization;
    private final Roster roster;
    private final AnnualPlans plans;
    private final PastStandings past;
    private final Map<CacheKey, Cached> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<CacheKey, Cached> eldest) {
                    return size() > CACHED_DASHBOARDS;
                }
            });

    /** The standings of past days, per scope, filter and day, until the summary next changes. */
    private final Map<PastKey, CachedPast> pastCache = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<PastKey, CachedPast> eldest) {
                    return size() > CACHED_PAST;
                }
            });

    StatisticsFigures(JdbcClient jdbc, DataScope dataScope, Organization organization, Roster roster,
            AnnualPlans plans, PastStandings past) {
        this.jdbc = jdbc;
        this.dataScope = dataScope;
        this.organization = organization;
        this.roster = roster;
        this.plans = plans;
        this.past = past;
    }

    /** The academic year of today, the default of the filter. */
    public String currentYear() {
        return plans.currentYear();
    }

    /** Refuses roles without statistics (employers). */
    public static void requireReader(CurrentUser user) {
        if (user.activeRole() == null || !READERS.contains(user.activeRole())) {
            throw BusinessException.forbidden();
        }
    }

    /** The figures of the user's scope under the filter. */
    @Transactional(readOnly = true)
    public Dashboard dashboard(CurrentUser user, StatsFilter filter) {
        Scoped s = scoped(user, filter);
        long generation = jdbc.sql("SELECT generation FROM sts_generation WHERE id = 1").query(Long.class).single();
        CacheKey key = new CacheKey(s.scope(), filter);
        Cached hit = cache.get(key);
        if (hit != null && hit.generation() == generation) {
            return hit.dashboard();
        }
        Dashboard d = compute(s, filter);
        cache.put(key, new Cached(generation, d));
        return d;
    }

    /** The students behind a figure, a page at a time, ordered by student number. */
    @Transactional(readOnly = true)
    public PageResult<StudentLine> students(CurrentUser user, StatsFilter filter, StudentDrill drill, int page,
            int size) {
        Scoped s = scoped(user, filter);
        Where w = studentWhere(s, filter, drill);
        long total = jdbc.sql("SELECT count(*) FROM sts_student t WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        int p = Math.max(page, 0);
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("lim", size);
        params.put("off", (long) p * size);
        List<StudentLine> items = lines(jdbc.sql(studentSelect(drill, s, filter) + " WHERE " + w.sql()
                        + " ORDER BY " + StudentCondition.studentNoOf("t.student_id") + " LIMIT :lim OFFSET :off")
                .params(params).query(StatisticsFigures::summary).list());
        return new PageResult<>(items, p, size, total);
    }

    /** Every student behind a figure, in pages of 1,000 (for the export). */
    @Transactional(readOnly = true)
    public void forEachStudent(CurrentUser user, StatsFilter filter, StudentDrill drill, Consumer<StudentLine> out) {
        Scoped s = scoped(user, filter);
        Where w = studentWhere(s, filter, drill);
        long last = -1;
        while (true) {
            Map<String, Object> params = new HashMap<>(w.params());
            params.put("after", last);
            List<Summary> chunk = jdbc.sql(studentSelect(drill, s, filter) + " WHERE " + w.sql()
                            + " AND t.student_id > :after ORDER BY t.student_id LIMIT 1000")
                    .params(params).query(StatisticsFigures::summary).list();
            if (chunk.isEmpty()) {
                return;
            }
            lines(chunk).forEach(out);
            last = chunk.get(chunk.size() - 1).studentId();
        }
    }

    /**
     * Every student of the user's scope under the filter (withdrawn students left out), with where they are and
     * where they stand, and the hours counted in the filter's academic year: what award eligibility (module awards)
     * reads. One query over the summary, names from the roster.
     */
    @Transactional(readOnly = true)
    public List<StudentStanding> standings(CurrentUser user, StatsFilter filter) {
        Scoped s = scoped(user, filter);
        Where w = summaryWhere(s, filter, "t");
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("y_from", Date.valueOf(filter.from()));
        params.put("y_until", Date.valueOf(filter.until()));
        record Row(long studentId, long collegeId, long classId, int cohort, BigDecimal required, BigDecimal counted,
                BigDecimal expected, boolean completed, boolean onTrack, String deferral, BigDecimal yearHours) {
        }
        List<Row> rows = jdbc.sql("SELECT t.student_id, t.college_id, t.class_id, t.cohort, t.required_hours,"
                        + " t.counted_hours, t.expected_hours, t.completed, t.on_track, t.deferral,"
                        + " COALESCE((SELECT sum(h.hours) FROM sts_hours h WHERE h.student_id = t.student_id"
                        + " AND h.work_month >= :y_from AND h.work_month < :y_until), 0)"
                        + " FROM sts_student t WHERE " + w.sql() + " AND t.status <> 'WITHDRAWN'"
                        + " ORDER BY t.student_id").params(params)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBoolean(8),
                        rs.getBoolean(9), rs.getString(10), rs.getBigDecimal(11))).list();
        Map<Long, StudentRow> names = new HashMap<>();
        List<Long> ids = rows.stream().map(Row::studentId).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            names.putAll(roster.rows(ids.subList(from, Math.min(ids.size(), from + 1000))));
        }
        List<StudentStanding> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            StudentRow n = names.get(r.studentId());
            out.add(new StudentStanding(r.studentId(), n == null ? "" : n.studentNo(), n == null ? "" : n.name(),
                    r.collegeId(), n == null ? "" : n.collegeName(), r.classId(), n == null ? "" : n.className(),
                    r.cohort(), r.required(), r.counted(), r.expected(), r.yearHours(), r.completed(), r.onTrack(),
                    r.deferral()));
        }
        return out;
    }

    /**
     * The students of {@link #standings}, with their hours and standing as they stood at the end of {@code day} (a
     * closed academic year judged on its last day) instead of today: computed from the owners by
     * {@link PastStandings} (entries written by the end of the day and work up to it, the pace of that day; a record's
     * confirmation, the student's status and credits are today's). Who is listed, where they are, the hours of the
     * year and the deferral stay the summary's. A whole school costs one pass over its ledger, so the answer is kept
     * until the summary next changes.
     */
    @Transactional(readOnly = true)
    public List<StudentStanding> standingsAsOf(CurrentUser user, StatsFilter filter, LocalDate day) {
        Scoped s = scoped(user, filter);
        long generation = jdbc.sql("SELECT generation FROM sts_generation WHERE id = 1").query(Long.class).single();
        PastKey key = new PastKey(s.scope(), filter, day);
        CachedPast hit = pastCache.get(key);
        if (hit != null && hit.generation() == generation) {
            return hit.standings();
        }
        List<StudentStanding> today = standings(user, filter);
        List<Long> ids = today.stream().map(StudentStanding::studentId).toList();
        Map<Long, PastStandings.Past> then = new HashMap<>();
        for (int from = 0; from < ids.size(); from += StatisticsRefresh.CHUNK) {
            then.putAll(past.of(ids.subList(from, Math.min(ids.size(), from + StatisticsRefresh.CHUNK)), List.of(day))
                    .get(day));
        }
        List<StudentStanding> out = new ArrayList<>(today.size());
        for (StudentStanding t : today) {
            PastStandings.Past p = then.get(t.studentId());
            if (p != null) {
                out.add(new StudentStanding(t.studentId(), t.studentNo(), t.name(), t.collegeId(), t.collegeName(),
                        t.classId(), t.className(), t.cohort(), p.requiredHours(), p.countedHours(),
                        p.expectedHours(), t.yearHours(), p.standing().completed(), p.standing().onTrack(),
                        t.deferral()));
            }
        }
        List<StudentStanding> result = List.copyOf(out);
        pastCache.put(key, new CachedPast(generation, result));
        return result;
    }

    /** The placements behind a figure (placed in the academic year), a page at a time, newest first. */
    @Transactional(readOnly = true)
    public PageResult<PlacementLine> placements(CurrentUser user, StatsFilter filter, PlacementDrill drill, int page,
            int size) {
        Scoped s = scoped(user, filter);
        Where w = placementWhere(s, filter, drill);
        long total = jdbc.sql("SELECT count(*) FROM sts_placement t WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        int p = Math.max(page, 0);
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("lim", size);
        params.put("off", (long) p * size);
        return new PageResult<>(placementLines(jdbc.sql(PLACEMENT_SELECT + " WHERE " + w.sql()
                + " ORDER BY t.placed_on DESC, t.placement_id DESC LIMIT :lim OFFSET :off").params(params)
                .query(StatisticsFigures::placement).list()), p, size, total);
    }

    /** Every placement behind a figure (for the export). */
    @Transactional(readOnly = true)
    public void forEachPlacement(CurrentUser user, StatsFilter filter, PlacementDrill drill,
            Consumer<PlacementLine> out) {
        Scoped s = scoped(user, filter);
        Where w = placementWhere(s, filter, drill);
        long last = Long.MAX_VALUE;
        while (true) {
            Map<String, Object> params = new HashMap<>(w.params());
            params.put("before", last);
            List<PlacementRow> chunk = jdbc.sql(PLACEMENT_SELECT + " WHERE " + w.sql()
                            + " AND t.placement_id < :before ORDER BY t.placement_id DESC LIMIT 1000")
                    .params(params).query(StatisticsFigures::placement).list();
            if (chunk.isEmpty()) {
                return;
            }
            placementLines(chunk).forEach(out);
            last = chunk.get(chunk.size() - 1).placementId();
        }
    }

    /** The colleges, majors and classes the filter form offers in the user's scope. */
    @Transactional(readOnly = true)
    public Choices choices(CurrentUser user, StatsFilter filter) {
        StudentScope scope = dataScope.studentsOf(user);
        List<College> colleges = organization.colleges().stream().filter(c -> scope.coversCollege(c.id())).toList();
        Long college = filter.collegeId() != null ? filter.collegeId()
                : scope.collegeIds().size() == 1 ? scope.collegeIds().iterator().next() : null;
        List<ClassRow> classes = scope.studentIds().isEmpty()
                ? organization.classes(scope, college, filter.cohort()) : List.of();
        List<Major> majors = college == null ? List.of() : organization.majors(college);
        return new Choices(colleges, majors, classes, organization.cohorts(), level(scope, filter));
    }

    /** What the filter form offers. */
    public record Choices(List<College> colleges, List<Major> majors, List<ClassRow> classes, List<Integer> cohorts,
            String level) {
    }

    // ================================================================== the figures

    private Dashboard compute(Scoped s, StatsFilter f) {
        Where w = summaryWhere(s, f, "t");
        String population = w.sql() + " AND t.status <> 'WITHDRAWN'";
        String level = s.level();
        List<Dashboard.Group> byCollege = "SCHOOL".equals(level)
                ? groups("college_id", population, w.params(), names(organization.colleges())) : List.of();
        List<Dashboard.Group> byMajor = "COLLEGE".equals(level) && s.college() != null
                ? groups("major_id", population, w.params(), majorNames(s.college())) : List.of();
        List<Dashboard.Group> byClass = "COLLEGE".equals(level) || "CLASSES".equals(level)
                ? groups("class_id", population, w.params(), classNames(s.scope(), f)) : List.of();
        Map<Long, String> cohortNames = new HashMap<>();
        organization.cohorts().forEach(c -> cohortNames.put(c.longValue(), String.valueOf(c)));
        List<Dashboard.Group> byCohort = "SELF".equals(level) ? List.of()
                : groups("cohort", population, w.params(), cohortNames);

        Dashboard.Totals base = jdbc.sql("SELECT count(*), count(*) FILTER (WHERE completed),"
                        + " count(*) FILTER (WHERE on_track), count(*) FILTER (WHERE at_risk) FROM sts_student t"
                        + " WHERE " + population).params(w.params())
                .query((rs, n) -> new Dashboard.Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        BigDecimal.ZERO, 0)).single();

        // hours: per class sums for groups of students, the student's own rows for a student
        String hoursTable = "SELF".equals(level) ? "sts_hours" : "sts_class_hours";
        Where hw = "SELF".equals(level) ? summaryWhere(s, f, "t") : classWhere(s, f);
        Map<String, Object> hp = new HashMap<>(hw.params());
        hp.put("from", Date.valueOf(f.from()));
        hp.put("until", Date.valueOf(f.until()));
        String inYear = hw.sql() + " AND t.work_month >= :from AND t.work_month < :until";
        List<Dashboard.MonthCell> months = jdbc.sql("SELECT to_char(t.work_month, 'YYYY-MM'), t.time_kind,"
                        + " sum(t.hours) FROM " + hoursTable + " t WHERE " + inYear
                        + " GROUP BY t.work_month, t.time_kind ORDER BY t.work_month, t.time_kind").params(hp)
                .query((rs, n) -> new Dashboard.MonthCell(rs.getString(1), TimeOfWork.valueOf(rs.getString(2)),
                        rs.getBigDecimal(3))).list();
        Map<TimeOfWork, BigDecimal> byTime = new EnumMap<>(TimeOfWork.class);
        months.forEach(m -> byTime.merge(m.time(), m.hours(), BigDecimal::add));
        List<Dashboard.Count> hoursByTime = byTime.entrySet().stream()
                .map(e -> new Dashboard.Count(e.getKey().name(), e.getKey().name(), e.getValue())).toList();
        List<Dashboard.Count> hoursBySource = jdbc.sql("SELECT t.source_kind, sum(t.hours) FROM " + hoursTable
                        + " t WHERE " + inYear + " GROUP BY t.source_kind ORDER BY t.source_kind").params(hp)
                .query((rs, n) -> new Dashboard.Count(rs.getString(1), rs.getString(1), rs.getBigDecimal(2))).list();
        BigDecimal yearHours = byTime.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

        Where pw = summaryWhere(s, f, "t");
        Map<String, Object> pp = new HashMap<>(pw.params());
        pp.put("from", Date.valueOf(f.from()));
        pp.put("until", Date.valueOf(f.until()));
        String placedInYear = pw.sql() + " AND t.placed_on >= :from AND t.placed_on < :until";
        List<Dashboard.Count> byType = counts("t.position_type", placedInYear, pp);
        List<Dashboard.Count> byBank = counts("t.bank", placedInYear, pp);
        List<Dashboard.Count> byCampus = counts("t.on_campus::text", placedInYear, pp);
        List<Dashboard.Count> byEmployer = jdbc.sql("SELECT t.employer_id, min(t.employer_name), count(*)"
                        + " FROM sts_placement t WHERE " + placedInYear
                        + " GROUP BY t.employer_id ORDER BY count(*) DESC, min(t.employer_name) LIMIT "
                        + EMPLOYERS_SHOWN).params(pp)
                .query((rs, n) -> new Dashboard.Count(String.valueOf(rs.getLong(1)), rs.getString(2),
                        BigDecimal.valueOf(rs.getLong(3)))).list();
        long placedStudents = jdbc.sql("SELECT count(DISTINCT t.student_id) FROM sts_placement t WHERE "
                + placedInYear).params(pp).query(Long.class).single();

        List<Dashboard.Count> credits = jdbc.sql("SELECT count(*) FILTER (WHERE exemption = 'EXEMPT'),"
                        + " count(*) FILTER (WHERE exemption = 'OFFSET'), count(*) FILTER (WHERE recognised),"
                        + " count(*) FILTER (WHERE deferral = 'DEFERRED'), count(*) FILTER (WHERE deferral = 'RELEASED')"
                        + " FROM sts_student t WHERE " + w.sql()).params(w.params())
                .query((rs, n) -> List.of(count("exempt", rs.getLong(1)), count("offset", rs.getLong(2)),
                        count("recognised", rs.getLong(3)), count("deferred", rs.getLong(4)),
                        count("released", rs.getLong(5)))).single();

        Dashboard.Plan plan = null;
        if ("SCHOOL".equals(level) || "COLLEGE".equals(level)) {
            Long college = "SCHOOL".equals(level) ? null : s.college();
            Optional<AnnualPlan> target = f.cohort() == null && f.majorId() == null && f.classId() == null
                    ? plans.find(f.academicYear(), college) : Optional.empty();
            plan = new Dashboard.Plan(target.map(AnnualPlan::targetPlacements).orElse(null),
                    target.map(AnnualPlan::targetHours).orElse(null), placedStudents, yearHours);
        }
        Instant refreshedAt = jdbc.sql("SELECT refreshed_at FROM sts_generation WHERE id = 1")
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant)
                        .orElse(null)).single();
        Dashboard.Totals totals = new Dashboard.Totals(base.students(), base.completed(), base.onTrack(),
                base.atRisk(), yearHours, placedStudents);
        return new Dashboard(f, level, totals, byCollege, byMajor, byClass, byCohort, months, hoursByTime,
                hoursBySource, byType, byCampus, byBank, byEmployer, credits, plan, refreshedAt);
    }

    private List<Dashboard.Group> groups(String column, String where, Map<String, Object> params,
            Map<Long, String> names) {
        return jdbc.sql("SELECT t." + column + ", count(*), count(*) FILTER (WHERE completed),"
                        + " count(*) FILTER (WHERE on_track), count(*) FILTER (WHERE at_risk) FROM sts_student t"
                        + " WHERE " + where + " GROUP BY t." + column + " ORDER BY t." + column).params(params)
                .query((rs, n) -> new Dashboard.Group(rs.getLong(1),
                        names.getOrDefault(rs.getLong(1), String.valueOf(rs.getLong(1))), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5))).list();
    }

    private List<Dashboard.Count> counts(String column, String where, Map<String, Object> params) {
        return jdbc.sql("SELECT " + column + ", count(*) FROM sts_placement t WHERE " + where + " GROUP BY "
                        + column + " ORDER BY " + column).params(params)
                .query((rs, n) -> new Dashboard.Count(rs.getString(1), rs.getString(1),
                        BigDecimal.valueOf(rs.getLong(2)))).list();
    }

    private static Dashboard.Count count(String key, long value) {
        return new Dashboard.Count(key, key, BigDecimal.valueOf(value));
    }

    private static Map<Long, String> names(List<College> colleges) {
        return colleges.stream().collect(Collectors.toMap(College::id, College::name));
    }

    private Map<Long, String> majorNames(long collegeId) {
        return organization.majors(collegeId).stream().collect(Collectors.toMap(Major::id, Major::name));
    }

    private Map<Long, String> classNames(StudentScope scope, StatsFilter f) {
        return organization.classes(scope, f.collegeId(), f.cohort()).stream()
                .collect(Collectors.toMap(ClassRow::id, ClassRow::name));
    }

    // ================================================================== scope and filters

    /** The user's scope with the filter checked against it. */
    private Scoped scoped(CurrentUser user, StatsFilter f) {
        requireReader(user);
        StudentScope scope = dataScope.studentsOf(user);
        if (f.collegeId() != null) {
            dataScope.requireCollege(user, f.collegeId());
        }
        if (f.classId() != null) {
            dataScope.requireClass(user, f.classId());
        }
        Long college = f.collegeId() != null ? f.collegeId()
                : !scope.school() && scope.collegeIds().size() == 1 ? scope.collegeIds().iterator().next() : null;
        if (f.majorId() != null) {
            Major major = organization.major(f.majorId())
                    .orElseThrow(() -> BusinessException.notFound("error.not-found"));
            boolean covered = scope.coversCollege(major.collegeId()) || scope.classIds().stream()
                    .map(organization::schoolClass).flatMap(Optional::stream)
                    .anyMatch(c -> c.majorId() == major.id());
            if (!covered) {
                throw BusinessException.notFound("error.not-found");
            }
            college = major.collegeId();
        }
        return new Scoped(scope, level(scope, f), college);
    }

    private static String level(StudentScope scope, StatsFilter f) {
        if (!scope.studentIds().isEmpty()) {
            return "SELF";
        }
        if (!scope.classIds().isEmpty() || f.classId() != null) {
            return "CLASSES";
        }
        if (!scope.school() && scope.collegeIds().size() == 1 || f.collegeId() != null || f.majorId() != null) {
            return "COLLEGE";
        }
        return "SCHOOL";
    }

    /** Scope and filter on a table of statistics with student, college, major, class and cohort columns. */
    static Where summaryWhere(Scoped s, StatsFilter f, String alias) {
        StringBuilder sql = new StringBuilder(scopeSql(s.scope(), alias, true));
        Map<String, Object> params = new HashMap<>();
        filters(f, alias, sql, params);
        return new Where(sql.toString(), params);
    }

    /** Scope and filter on the per-class sums (no student column: a student's own figures use sts_hours). */
    static Where classWhere(Scoped s, StatsFilter f) {
        StringBuilder sql = new StringBuilder(scopeSql(s.scope(), "t", false));
        Map<String, Object> params = new HashMap<>();
        filters(f, "t", sql, params);
        return new Where(sql.toString(), params);
    }

    private static void filters(StatsFilter f, String alias, StringBuilder sql, Map<String, Object> params) {
        if (f.cohort() != null) {
            sql.append(" AND ").append(alias).append(".cohort = :f_cohort");
            params.put("f_cohort", f.cohort());
        }
        if (f.collegeId() != null) {
            sql.append(" AND ").append(alias).append(".college_id = :f_college");
            params.put("f_college", f.collegeId());
        }
        if (f.majorId() != null) {
            sql.append(" AND ").append(alias).append(".major_id = :f_major");
            params.put("f_major", f.majorId());
        }
        if (f.classId() != null) {
            sql.append(" AND ").append(alias).append(".class_id = :f_class");
            params.put("f_class", f.classId());
        }
    }

    /**
     * The user's scope (as organization resolved it) as a condition on statistics' own columns. Only numeric ids
     * are written into it. Without a student column, a scope of single students matches nothing.
     */
    static String scopeSql(StudentScope scope, String alias, boolean hasStudent) {
        if (scope.school()) {
            return "1=1";
        }
        StringBuilder or = new StringBuilder("(1=0");
        if (!scope.collegeIds().isEmpty()) {
            or.append(" OR ").append(alias).append(".college_id IN (").append(ids(scope.collegeIds())).append(')');
        }
        if (!scope.classIds().isEmpty()) {
            or.append(" OR ").append(alias).append(".class_id IN (").append(ids(scope.classIds())).append(')');
        }
        if (hasStudent && !scope.studentIds().isEmpty()) {
            or.append(" OR ").append(alias).append(".student_id IN (").append(ids(scope.studentIds())).append(')');
        }
        return or.append(')').toString();
    }

    private static String ids(java.util.Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private Where studentWhere(Scoped s, StatsFilter f, StudentDrill d) {
        Where w = summaryWhere(s, f, "t");
        StringBuilder sql = new StringBuilder(w.sql());
        Map<String, Object> params = new HashMap<>(w.params());
        if (d.credit() == null) {
            // the standings count students not withdrawn, as the figures do; the credit figures count everyone
            sql.append(" AND t.status <> 'WITHDRAWN'");
        }
        switch (d.standing()) {
            case "completed" -> sql.append(" AND t.completed");
            case "not-completed" -> sql.append(" AND NOT t.completed");
            case "on-track" -> sql.append(" AND t.on_track");
            case "behind" -> sql.append(" AND NOT t.on_track");
            case "at-risk" -> sql.append(" AND t.at_risk");
            default -> {
            }
        }
        if (d.credit() != null) {
            sql.append(switch (d.credit()) {
                case "exempt" -> " AND t.exemption = 'EXEMPT'";
                case "offset" -> " AND t.exemption = 'OFFSET'";
                case "recognised" -> " AND t.recognised";
                case "deferred" -> " AND t.deferral = 'DEFERRED'";
                default -> " AND t.deferral = 'RELEASED'";
            });
        }
        if (d.aboutHours()) {
            sql.append(" AND t.student_id IN (SELECT h.student_id FROM sts_hours h WHERE ").append(hoursCell(d, f))
                    .append(')');
            hoursParams(d, f, params);
        }
        return new Where(sql.toString(), params);
    }

    private static String hoursCell(StudentDrill d, StatsFilter f) {
        StringBuilder sql = new StringBuilder(d.month() != null ? "h.work_month = :d_month"
                : "h.work_month >= :d_from AND h.work_month < :d_until");
        if (d.time() != null) {
            sql.append(" AND h.time_kind = :d_time");
        }
        if (d.source() != null) {
            sql.append(" AND h.source_kind = :d_source");
        }
        return sql.toString();
    }

    private static void hoursParams(StudentDrill d, StatsFilter f, Map<String, Object> params) {
        if (d.month() != null) {
            params.put("d_month", Date.valueOf(java.time.YearMonth.parse(d.month()).atDay(1)));
        } else {
            params.put("d_from", Date.valueOf(f.from()));
            params.put("d_until", Date.valueOf(f.until()));
        }
        if (d.time() != null) {
            params.put("d_time", d.time().name());
        }
        if (d.source() != null) {
            params.put("d_source", d.source().name());
        }
    }

    private static String studentSelect(StudentDrill d, Scoped s, StatsFilter f) {
        String cell = d.aboutHours() ? "(SELECT sum(h.hours) FROM sts_hours h WHERE h.student_id = t.student_id AND "
                + hoursCell(d, f) + ")" : "NULL";
        return "SELECT t.student_id, t.cohort, t.required_hours, t.counted_hours, t.expected_hours, t.completed,"
                + " t.on_track, t.at_risk, t.exemption, t.recognised, t.deferral, " + cell + " FROM sts_student t";
    }

    private Where placementWhere(Scoped s, StatsFilter f, PlacementDrill d) {
        Where w = summaryWhere(s, f, "t");
        StringBuilder sql = new StringBuilder(w.sql()).append(" AND t.placed_on >= :p_from AND t.placed_on < :p_until");
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("p_from", Date.valueOf(f.from()));
        params.put("p_until", Date.valueOf(f.until()));
        if (d.type() != null) {
            sql.append(" AND t.position_type = :p_type");
            params.put("p_type", d.type());
        }
        if (d.bank() != null) {
            sql.append(" AND t.bank = :p_bank");
            params.put("p_bank", d.bank());
        }
        if (d.onCampus() != null) {
            sql.append(" AND t.on_campus = :p_campus");
            params.put("p_campus", d.onCampus());
        }
        if (d.employerId() != null) {
            sql.append(" AND t.employer_id = :p_employer");
            params.put("p_employer", d.employerId());
        }
        return new Where(sql.toString(), params);
    }

    private static final String PLACEMENT_SELECT = "SELECT t.placement_id, t.student_id, t.position_id,"
            + " t.position_type, t.bank, t.on_campus, t.employer_name, t.placed_on, t.active FROM sts_placement t";

    // ================================================================== rows

    private record Summary(long studentId, int cohort, BigDecimal required, BigDecimal counted, BigDecimal expected,
            boolean completed, boolean onTrack, boolean atRisk, String exemption, boolean recognised,
            String deferral, BigDecimal cell) {
    }

    private static Summary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Summary(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                rs.getBigDecimal(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getString(9),
                rs.getBoolean(10), rs.getString(11), rs.getBigDecimal(12));
    }

    private List<StudentLine> lines(List<Summary> rows) {
        Map<Long, StudentRow> names = roster.rows(rows.stream().map(Summary::studentId).toList());
        List<StudentLine> out = new ArrayList<>();
        for (Summary r : rows) {
            StudentRow s = names.get(r.studentId());
            out.add(new StudentLine(r.studentId(), s == null ? "" : s.studentNo(), s == null ? "" : s.name(),
                    s == null ? "" : s.collegeName(), s == null ? "" : s.className(), r.cohort(), r.required(),
                    r.counted(), r.expected(), r.completed(), r.onTrack(), r.atRisk(), r.exemption(), r.recognised(),
                    r.deferral(), r.cell()));
        }
        return out;
    }

    private record PlacementRow(long placementId, long studentId, long positionId, String type, String bank,
            boolean onCampus, String employerName, LocalDate placedOn, boolean active) {
    }

    private static PlacementRow placement(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PlacementRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), rs.getString(7), rs.getDate(8).toLocalDate(), rs.getBoolean(9));
    }

    private List<PlacementLine> placementLines(List<PlacementRow> rows) {
        Map<Long, StudentRow> names = roster.rows(rows.stream().map(PlacementRow::studentId).toList());
        return rows.stream().map(r -> {
            StudentRow s = names.get(r.studentId());
            return new PlacementLine(r.placementId(), r.studentId(), s == null ? "" : s.studentNo(),
                    s == null ? "" : s.name(), s == null ? "" : s.className(), r.positionId(), r.type(), r.bank(),
                    r.onCampus(), r.employerName(), r.placedOn(), r.active());
        }).toList();
    }

    record Scoped(StudentScope scope, String level, Long college) {
    }

    record Where(String sql, Map<String, Object> params) {
    }

    private record CacheKey(StudentScope scope, StatsFilter filter) {
    }

    private record Cached(long generation, Dashboard dashboard) {
    }

    private record PastKey(StudentScope scope, StatsFilter filter, LocalDate day) {
    }

    private record CachedPast(long generation, List<StudentStanding> standings) {
    }
}
