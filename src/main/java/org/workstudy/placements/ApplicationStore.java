package org.workstudy.placements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.workstudy.placements.Applications.Row;

/**
 * The applications' tables ({@code plc_application}, its events, the per-student lock row) and the placement an
 * accepted application makes. The statements are the rush path's: each is one indexed row or count.
 */
@Component
class ApplicationStore {

    private static final String SELECT = "SELECT a.id, a.position_id, a.student_id, a.status, a.applied_at,"
            + " a.decided_at, a.reason, a.wait_seq FROM plc_application a";

    private final JdbcClient jdbc;

    ApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises one student's requests; the row is created on first use. */
    void lockStudent(long studentId) {
        jdbc.sql("INSERT INTO plc_student_lock (student_id) VALUES (?) ON CONFLICT DO NOTHING").param(studentId)
                .update();
        jdbc.sql("SELECT student_id FROM plc_student_lock WHERE student_id = ? FOR UPDATE").param(studentId)
                .query(Long.class).single();
    }

    long nextWaitSeq() {
        return jdbc.sql("SELECT nextval('plc_wait_seq')").query(Long.class).single();
    }

    long insert(long positionId, long studentId, ApplicationStatus status, Long waitSeq, OffsetDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO plc_application (position_id, student_id, status, applied_at, wait_seq)"
                        + " VALUES (?,?,?,?,?)")
                .params(positionId, studentId, status.name(), at, waitSeq).update(key, "id");
        return key.getKey().longValue();
    }

    long reapply(long id, ApplicationStatus status, Long waitSeq, OffsetDateTime at) {
        jdbc.sql("UPDATE plc_application SET status = ?, applied_at = ?, wait_seq = ?, decided_at = NULL,"
                + " decided_by = NULL, reason = NULL WHERE id = ?").params(status.name(), at, waitSeq, id).update();
        return id;
    }

    /** A first-come application that found a free place at once. */
    void acceptAtOnce(long id) {
        jdbc.sql("UPDATE plc_application SET status = 'ACCEPTED', wait_seq = NULL WHERE id = ?").param(id).update();
    }

    void setStatus(long id, ApplicationStatus status, OffsetDateTime at, String actor, String reason) {
        jdbc.sql("UPDATE plc_application SET status = ?, decided_at = ?, decided_by = ?, reason = ?,"
                        + " wait_seq = CASE WHEN ? = 'WAITLISTED' THEN wait_seq ELSE NULL END WHERE id = ?")
                .params(status.name(), at, actor, reason, status.name(), id).update();
    }

    void insertEvent(long applicationId, OffsetDateTime at, String actor, ApplicationStatus status, String reason) {
        jdbc.sql("INSERT INTO plc_application_event (application_id, at, actor, status, reason) VALUES (?,?,?,?,?)")
                .params(applicationId, at, actor, status.name(), reason).update();
    }

    int openCount(long studentId) {
        return jdbc.sql("SELECT count(*) FROM plc_application WHERE student_id = ? AND status IN ('PENDING',"
                + " 'WAITLISTED')").param(studentId).query(Integer.class).single();
    }

    /** How many wait before (and with) this sequence number on the position's wait-list. */
    int waitPosition(long positionId, long waitSeq) {
        return jdbc.sql("SELECT count(*) FROM plc_application WHERE position_id = ? AND status = 'WAITLISTED'"
                + " AND wait_seq <= ?").params(positionId, waitSeq).query(Integer.class).single();
    }

    Optional<Row> find(long positionId, long studentId) {
        return jdbc.sql(SELECT + " WHERE a.position_id = ? AND a.student_id = ?").params(positionId, studentId)
                .query(ApplicationStore::row).optional();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(ApplicationStore::row).optional();
    }

    List<Row> openOf(long positionId) {
        return jdbc.sql(SELECT + " WHERE a.position_id = ? AND a.status IN ('PENDING', 'WAITLISTED')")
                .param(positionId).query(ApplicationStore::row).list();
    }

    List<Row> ofStudent(long studentId) {
        return jdbc.sql(SELECT + " WHERE a.student_id = ? ORDER BY a.applied_at DESC").param(studentId)
                .query(ApplicationStore::row).list();
    }

    /** A position's applicants: pending first, then accepted, the wait-list in order, the rest. */
    List<Row> ofPosition(long positionId) {
        return jdbc.sql(SELECT + " WHERE a.position_id = ? ORDER BY CASE a.status WHEN 'PENDING' THEN 0"
                        + " WHEN 'ACCEPTED' THEN 1 WHEN 'WAITLISTED' THEN 2 ELSE 3 END, a.wait_seq, a.applied_at")
                .param(positionId).query(ApplicationStore::row).list();
    }

    Optional<Row> firstWaiting(long positionId) {
        return jdbc.sql(SELECT + " WHERE a.position_id = ? AND a.status = 'WAITLISTED'"
                + " ORDER BY a.wait_seq LIMIT 1").param(positionId).query(ApplicationStore::row).optional();
    }

    /** Places the student from the application; the new placement's id, if one was made or renewed. */
    Optional<Long> place(Clock clock, long positionId, long studentId, PlacementSource source, Long applicationId,
            String by) {
        return PlacementWriter.insert(jdbc, clock, positionId, studentId, source, applicationId, by);
    }

    void endPlacement(long positionId, long studentId, String reason, OffsetDateTime at) {
        jdbc.sql("UPDATE plc_placement SET ended_at = ?, ended_reason = ? WHERE position_id = ? AND student_id = ?"
                + " AND ended_at IS NULL").params(at, reason, positionId, studentId).update();
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp decided = rs.getTimestamp(6);
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), ApplicationStatus.valueOf(rs.getString(4)),
                rs.getTimestamp(5).toInstant(), decided == null ? null : decided.toInstant(), rs.getString(7),
                rs.getObject(8, Long.class));
    }
}
