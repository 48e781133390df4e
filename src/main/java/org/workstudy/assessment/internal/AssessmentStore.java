package org.workstudy.assessment.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of assessment: its settings and its frozen months ({@code asm_*}). */
@Repository
class AssessmentStore {

    /**
     * A frozen month: when, the deadline in days then in force, and whether it was frozen late with its standings
     * reconstructed as of its last day.
     */
    record FrozenMonth(YearMonth month, Instant frozenAt, int handleWithinDays, boolean reconstructed) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AssessmentStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    int handleWithinDays() {
        return jdbc.sql("SELECT handle_within_days FROM asm_setting WHERE id = 1").query(Integer.class).single();
    }

    void saveHandleWithinDays(int days, String by, Instant at) {
        jdbc.sql("UPDATE asm_setting SET handle_within_days = ?, updated_by = ?, updated_at = ? WHERE id = 1")
                .params(days, by, Timestamp.from(at)).update();
    }

    Optional<FrozenMonth> frozen(YearMonth month) {
        return jdbc.sql("SELECT month, frozen_at, handle_within_days, reconstructed FROM asm_month"
                        + " WHERE month = ?")
                .param(Date.valueOf(month.atDay(1))).query(AssessmentStore::frozenMonth).optional();
    }

    List<FrozenMonth> frozenBetween(YearMonth first, YearMonth last) {
        return jdbc.sql("SELECT month, frozen_at, handle_within_days, reconstructed FROM asm_month"
                        + " WHERE month >= ? AND month <= ?"
                        + " ORDER BY month")
                .params(Date.valueOf(first.atDay(1)), Date.valueOf(last.atDay(1)))
                .query(AssessmentStore::frozenMonth).list();
    }

    /** Takes the month for freezing; false when it is frozen already (by an earlier run or another instance). */
    boolean claim(YearMonth month, int days, Instant at, boolean reconstructed) {
        return jdbc.sql("INSERT INTO asm_month (month, frozen_at, handle_within_days, reconstructed)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (month) DO NOTHING")
                .params(Date.valueOf(month.atDay(1)), Timestamp.from(at), days, reconstructed).update() == 1;
    }

    void insert(YearMonth month, List<SubjectFigures> subjects) {
        List<Object[]> rows = new ArrayList<>();
        Date m = Date.valueOf(month.atDay(1));
        for (SubjectFigures s : subjects) {
            for (Figure f : s.figures()) {
                rows.add(new Object[] {m, s.kind().name(), s.subjectId(), s.name(), s.collegeId(), f.metric().name(),
                        f.numerator(), f.denominator()});
            }
        }
        batch.batchUpdate("INSERT INTO asm_figure (month, subject_kind, subject_id, subject_name, college_id, metric,"
                + " numerator, denominator) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** The frozen figures of a month, each subject with its metrics in the order of {@link Metric}. */
    List<SubjectFigures> figures(YearMonth month) {
        Map<String, List<Figure>> figures = new LinkedHashMap<>();
        Map<String, SubjectFigures> subjects = new LinkedHashMap<>();
        jdbc.sql("SELECT subject_kind, subject_id, subject_name, college_id, metric, numerator, denominator"
                        + " FROM asm_figure WHERE month = ? ORDER BY subject_kind, subject_id, metric")
                .param(Date.valueOf(month.atDay(1)))
                .query((rs, n) -> {
                    String key = rs.getString(1) + ":" + rs.getLong(2);
                    long college = rs.getLong(4);
                    Long collegeId = rs.wasNull() ? null : college;
                    subjects.computeIfAbsent(key, k -> {
                        try {
                            return new SubjectFigures(SubjectKind.valueOf(rs.getString(1)), rs.getLong(2),
                                    rs.getString(3), collegeId, true, List.of());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    figures.computeIfAbsent(key, k -> new ArrayList<>()).add(new Figure(
                            Metric.valueOf(rs.getString(5)), rs.getBigDecimal(6), rs.getBigDecimal(7)));
                    return key;
                }).list();
        List<SubjectFigures> out = new ArrayList<>();
        subjects.forEach((key, s) -> out.add(new SubjectFigures(s.kind(), s.subjectId(), s.name(), s.collegeId(),
                true, figures.get(key).stream()
                        .sorted(java.util.Comparator.comparing(Figure::metric)).toList())));
        return out;
    }

    private static FrozenMonth frozenMonth(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new FrozenMonth(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getTimestamp(2).toInstant(),
                rs.getInt(3), rs.getBoolean(4));
    }
}
