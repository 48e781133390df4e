package org.workstudy.statistics;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.ClassRow;
import org.workstudy.organization.College;
import org.workstudy.organization.Major;
import org.workstudy.organization.Organization;
import org.workstudy.organization.StudentScope;
import org.workstudy.positions.AnnualPlan;
import org.workstudy.positions.AnnualPlans;
import org.workstudy.statistics.StatisticsScopes.Scoped;
import org.workstudy.statistics.StatisticsScopes.Where;
import org.workstudy.statistics.internal.Dashboard;
import org.workstudy.statistics.internal.TimeOfWork;

/**
 * The dashboard of a scope and filter, read from statistics' own summary ({@code sts_*}, see
 * {@link StatisticsRefresh}). Dashboards are cached per scope and filter until the summary's generation moves, so
 * fifty people watching the school dashboard share one computation, on any number of instances.
 */
@Component
class DashboardFigures {

    private static final int EMPLOYERS_SHOWN = 10;
    private static final int CACHED_DASHBOARDS = 200;

    private final JdbcClient jdbc;
    private final StatisticsScopes scopes;
    private final Organization organization;
    private final AnnualPlans plans;
    private final GenerationCache<CacheKey, Dashboard> cache;

    DashboardFigures(JdbcClient jdbc, StatisticsScopes scopes, Organization organization, AnnualPlans plans) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.organization = organization;
        this.plans = plans;
        this.cache = new GenerationCache<>(jdbc, CACHED_DASHBOARDS);
    }

    /** The figures of the user's scope under the filter. */
    @Transactional(readOnly = true)
    public Dashboard dashboard(CurrentUser user, StatsFilter filter) {
        Scoped s = scopes.scoped(user, filter);
        return cache.get(new CacheKey(s.scope(), filter), () -> compute(s, filter));
    }

    private Dashboard compute(Scoped s, StatsFilter f) {
        Where w = StatisticsScopes.summaryWhere(s, f, "t");
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
        Where hw = "SELF".equals(level) ? StatisticsScopes.summaryWhere(s, f, "t") : StatisticsScopes.classWhere(s, f);
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

        Where pw = StatisticsScopes.summaryWhere(s, f, "t");
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

    private record CacheKey(StudentScope scope, StatsFilter filter) {
    }
}
