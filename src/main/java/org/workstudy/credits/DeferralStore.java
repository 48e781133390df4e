package org.workstudy.credits;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deferred list's rows (cr_deferral): inserted only; a release is a new row referencing the deferral. */
@Repository
class DeferralStore {

    private static final String SELECT = "SELECT d.id, d.student_id, d.cohort, d.on_date, d.deficit_hours,"
            + " d.by_name, r.on_date, r.make_up_hours FROM cr_deferral d"
            + " LEFT JOIN cr_deferral r ON r.deferral_id = d.id AND r.kind = 'RELEASED' WHERE d.kind = 'DEFERRED'";

    private final JdbcClient jdbc;
    private final Clock clock;

    DeferralStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long defer(long studentId, int cohort, LocalDate on, BigDecimal deficit, String by, String byName) {
        return insert(studentId, cohort, "DEFERRED", on, deficit, null, null, by, byName);
    }

    long release(DeferralStanding d, LocalDate on, BigDecimal makeUp, String by, String byName) {
        return insert(d.studentId(), d.cohort(), "RELEASED", on, null, makeUp, d.deferralId(), by, byName);
    }

    /** Serialises releases of one deferral (the row is never updated, only locked). */
    void lock(long deferralId) {
        jdbc.sql("SELECT id FROM cr_deferral WHERE id = ? FOR UPDATE").param(deferralId).query(Long.class).single();
    }

    /** The deferrals of these students, with their release if any. */
    Map<Long, DeferralStanding> ofStudents(Collection<Long> studentIds) {
        List<Long> ids = List.copyOf(studentIds);
        Map<Long, DeferralStanding> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 5000) {
            jdbc.sql(SELECT + " AND d.student_id IN (:ids)").param("ids", ids.subList(from, Math.min(ids.size(),
                    from + 5000))).query(DeferralStore::row).list().forEach(d -> out.put(d.studentId(), d));
        }
        return out;
    }

    Optional<DeferralStanding> ofStudent(long studentId) {
        return jdbc.sql(SELECT + " AND d.student_id = ?").param(studentId).query(DeferralStore::row).optional();
    }

    /** Every deferral of the cohort (null: of every cohort), oldest first. */
    List<DeferralStanding> ofCohort(Integer cohort) {
        return cohort == null ? jdbc.sql(SELECT + " ORDER BY d.on_date, d.id").query(DeferralStore::row).list()
                : jdbc.sql(SELECT + " AND d.cohort = ? ORDER BY d.on_date, d.id").param(cohort)
                        .query(DeferralStore::row).list();
    }

    private long insert(long studentId, int cohort, String kind, LocalDate on, BigDecimal deficit, BigDecimal makeUp,
            Long deferralId, String by, String byName) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cr_deferral (student_id, cohort, kind, on_date, deficit_hours, make_up_hours,"
                        + " deferral_id, by_username, by_name, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(studentId, cohort, kind, on, deficit, makeUp, deferralId, by,
                        byName.length() > 100 ? byName.substring(0, 100) : byName,
                        OffsetDateTime.now(clock))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private static DeferralStanding row(ResultSet rs, int n) throws SQLException {
        java.sql.Date released = rs.getDate(7);
        return new DeferralStanding(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getDate(4).toLocalDate(),
                rs.getBigDecimal(5), rs.getString(6), released == null ? null : released.toLocalDate(),
                rs.getBigDecimal(8));
    }

}
