package org.workstudy.statistics;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StudentCondition;
import org.workstudy.organization.StudentRow;
import org.workstudy.shared.PageResult;
import org.workstudy.statistics.StatisticsScopes.Scoped;
import org.workstudy.statistics.StatisticsScopes.Where;
import org.workstudy.statistics.internal.PlacementDrill;
import org.workstudy.statistics.internal.PlacementLine;
import org.workstudy.statistics.internal.StudentDrill;
import org.workstudy.statistics.internal.StudentLine;

/**
 * The lists behind the figures (students, placements), read from statistics' own summary in the user's scope under
 * the filter and a drill; names come from the roster.
 */
@Component
class DrillLists {

    private final JdbcClient jdbc;
    private final StatisticsScopes scopes;
    private final Roster roster;

    DrillLists(JdbcClient jdbc, StatisticsScopes scopes, Roster roster) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.roster = roster;
    }

    /** The students behind a figure, a page at a time, ordered by student number. */
    @Transactional(readOnly = true)
    public PageResult<StudentLine> students(CurrentUser user, StatsFilter filter, StudentDrill drill, int page,
            int size) {
        Scoped s = scopes.scoped(user, filter);
        Where w = studentWhere(s, filter, drill);
        return pageOf("sts_student", w, page, size, params -> lines(jdbc.sql(studentSelect(drill, s, filter)
                        + " WHERE " + w.sql() + " ORDER BY " + StudentCondition.studentNoOf("t.student_id")
                        + " LIMIT :lim OFFSET :off")
                .params(params).query(DrillLists::summary).list()));
    }

    /** Every student behind a figure, in pages of 1,000 (for the export). */
    @Transactional(readOnly = true)
    public void forEachStudent(CurrentUser user, StatsFilter filter, StudentDrill drill, Consumer<StudentLine> out) {
        Scoped s = scopes.scoped(user, filter);
        Where w = studentWhere(s, filter, drill);
        long last = -1;
        while (true) {
            Map<String, Object> params = new HashMap<>(w.params());
            params.put("after", last);
            List<Summary> chunk = jdbc.sql(studentSelect(drill, s, filter) + " WHERE " + w.sql()
                            + " AND t.student_id > :after ORDER BY t.student_id LIMIT 1000")
                    .params(params).query(DrillLists::summary).list();
            if (chunk.isEmpty()) {
                return;
            }
            lines(chunk).forEach(out);
            last = chunk.get(chunk.size() - 1).studentId();
        }
    }

    /** The placements behind a figure (placed in the academic year), a page at a time, newest first. */
    @Transactional(readOnly = true)
    public PageResult<PlacementLine> placements(CurrentUser user, StatsFilter filter, PlacementDrill drill, int page,
            int size) {
        Scoped s = scopes.scoped(user, filter);
        Where w = placementWhere(s, filter, drill);
        return pageOf("sts_placement", w, page, size, params -> placementLines(jdbc.sql(PLACEMENT_SELECT
                        + " WHERE " + w.sql() + " ORDER BY t.placed_on DESC, t.placement_id DESC"
                        + " LIMIT :lim OFFSET :off")
                .params(params).query(DrillLists::placement).list()));
    }

    /** Every placement behind a figure (for the export). */
    @Transactional(readOnly = true)
    public void forEachPlacement(CurrentUser user, StatsFilter filter, PlacementDrill drill,
            Consumer<PlacementLine> out) {
        Scoped s = scopes.scoped(user, filter);
        Where w = placementWhere(s, filter, drill);
        long last = Long.MAX_VALUE;
        while (true) {
            Map<String, Object> params = new HashMap<>(w.params());
            params.put("before", last);
            List<PlacementRow> chunk = jdbc.sql(PLACEMENT_SELECT + " WHERE " + w.sql()
                            + " AND t.placement_id < :before ORDER BY t.placement_id DESC LIMIT 1000")
                    .params(params).query(DrillLists::placement).list();
            if (chunk.isEmpty()) {
                return;
            }
            placementLines(chunk).forEach(out);
            last = chunk.get(chunk.size() - 1).placementId();
        }
    }

    /**
     * A page of the rows of {@code table} that match: how many match in all, and the items {@code read} finds with
     * the condition's parameters and {@code :lim} / {@code :off} set for the page.
     */
    private <T> PageResult<T> pageOf(String table, Where w, int page, int size,
            Function<Map<String, Object>, List<T>> read) {
        long total = jdbc.sql("SELECT count(*) FROM " + table + " t WHERE " + w.sql()).params(w.params())
                .query(Long.class).single();
        int p = Math.max(page, 0);
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("lim", size);
        params.put("off", (long) p * size);
        return new PageResult<>(read.apply(params), p, size, total);
    }

    private Where studentWhere(Scoped s, StatsFilter f, StudentDrill d) {
        Where w = StatisticsScopes.summaryWhere(s, f, "t");
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
            params.put("d_month", Date.valueOf(YearMonth.parse(d.month()).atDay(1)));
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
        Where w = StatisticsScopes.summaryWhere(s, f, "t");
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

    private record Summary(long studentId, int cohort, BigDecimal required, BigDecimal counted, BigDecimal expected,
            boolean completed, boolean onTrack, boolean atRisk, String exemption, boolean recognised,
            String deferral, BigDecimal cell) {
    }

    private static Summary summary(ResultSet rs, int n) throws SQLException {
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

    private static PlacementRow placement(ResultSet rs, int n) throws SQLException {
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
}
