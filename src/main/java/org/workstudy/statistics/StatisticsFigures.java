package org.workstudy.statistics;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StudentRow;
import org.workstudy.organization.StudentScope;
import org.workstudy.statistics.StatisticsScopes.Scoped;
import org.workstudy.statistics.StatisticsScopes.Where;

/**
 * Where each student of the user's scope stands, as other modules read it (awards' eligibility): from statistics' own
 * summary ({@code sts_*}, see {@link StatisticsRefresh}), limited on the server to the user's scope as organization
 * resolves it (a counselor's hold only their classes, a vice dean's only their college); a college, major or class
 * filter outside the scope answers "not found". Statistics' own pages read through {@code internal.StatisticsPages}.
 */
@Service
public class StatisticsFigures {

    private static final int CACHED_PAST = 20;

    private final JdbcClient jdbc;
    private final StatisticsScopes scopes;
    private final Roster roster;
    private final PastStandings past;
    /** The standings of past days, per scope, filter and day, until the summary next changes. */
    private final GenerationCache<PastKey, List<StudentStanding>> pastCache;

    StatisticsFigures(JdbcClient jdbc, StatisticsScopes scopes, Roster roster, PastStandings past) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.roster = roster;
        this.past = past;
        this.pastCache = new GenerationCache<>(jdbc, CACHED_PAST);
    }

    /**
     * Every student of the user's scope under the filter (withdrawn students left out), with where they are and
     * where they stand, and the hours counted in the filter's academic year: what award eligibility (module awards)
     * reads. One query over the summary, names from the roster.
     */
    @Transactional(readOnly = true)
    public List<StudentStanding> standings(CurrentUser user, StatsFilter filter) {
        Scoped s = scopes.scoped(user, filter);
        Where w = StatisticsScopes.summaryWhere(s, filter, "t");
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
        Scoped s = scopes.scoped(user, filter);
        return pastCache.get(new PastKey(s.scope(), filter, day), () -> computeAsOf(user, filter, day));
    }

    private List<StudentStanding> computeAsOf(CurrentUser user, StatsFilter filter, LocalDate day) {
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
        return List.copyOf(out);
    }

    private record PastKey(StudentScope scope, StatsFilter filter, LocalDate day) {
    }
}
