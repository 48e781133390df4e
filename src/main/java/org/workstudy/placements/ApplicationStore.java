package org.workstudy.placements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The applications' tables: applications ({@code plc_application}), their history ({@code plc_application_event})
 * and the per-student lock row ({@code plc_student_lock}); placements are {@link PlacementStore}'s, but for the one
 * written by {@link #decideFirstCome}. One method, one statement: {@link Applications} decides the order, and the
 * round trips of an apply are counted (bench/README.md, issue 15), so nothing here may add a query.
 */
@Repository
class ApplicationStore {

    static final String SELECT = "SELECT a.id, a.position_id, a.student_id, a.status, a.applied_at, a.decided_at,"
            + " a.reason, a.wait_seq FROM plc_application a";

    private final JdbcClient jdbc;

    ApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(long id, long positionId, long studentId, ApplicationStatus status, Instant appliedAt,
            Instant decidedAt, String reason, Long waitSeq) {
    }

    /** What {@link #decideFirstCome} wrote: the status, the wait sequence if wait-listed, the placement if accepted. */
    record FirstCome(ApplicationStatus status, Long waitSeq, Long placementId) {
    }

    // ---- the student's lock ----

    /** Serialises one student's requests; the row is created on first use (an upsert locks the row it finds). */
    void lockStudent(long studentId) {
        jdbc.sql("INSERT INTO plc_student_lock (student_id) VALUES (?) ON CONFLICT (student_id)"
                + " DO UPDATE SET student_id = EXCLUDED.student_id").param(studentId).update();
    }

    /**
     * {@link #lockStudent} in the same statement as drawing the id of a new application, so that its audit entry
     * can be written before the decision.
     */
    long lockStudentDrawingId(long studentId) {
        return jdbc.sql("INSERT INTO plc_student_lock (student_id) VALUES (?) ON CONFLICT (student_id)"
                        + " DO UPDATE SET student_id = EXCLUDED.student_id"
                        + " RETURNING nextval(pg_get_serial_sequence('plc_application', 'id'))")
                .param(studentId).query(Long.class).single();
    }

    // ---- writes ----

    /**
     * The decision of a new first-come application in one statement: take a place if one is free (the counter row's
     * conditional UPDATE, which queues concurrent applicants on any number of instances), write the application as
     * accepted or wait-listed (its wait sequence drawn while the counter row is held, so the wait-list is in the
     * order the counter was reached), its history row and, when accepted, the placement (or the ended placement
     * made active again).
     */
    FirstCome decideFirstCome(long id, long positionId, long studentId, String actor, OffsetDateTime at) {
        return jdbc.sql("""
                WITH seat AS (
                    UPDATE plc_seat SET accepted = accepted + 1 WHERE position_id = :position AND accepted < capacity
                    RETURNING position_id),
                app AS (
                    INSERT INTO plc_application (id, position_id, student_id, status, applied_at, wait_seq)
                    SELECT :id, :position, :student, CASE WHEN t.taken THEN 'ACCEPTED' ELSE 'WAITLISTED' END, :at,
                           CASE WHEN t.taken THEN NULL ELSE nextval('plc_wait_seq') END
                      FROM (SELECT EXISTS (SELECT 1 FROM seat) AS taken) t
                    RETURNING id, status, wait_seq),
                history AS (
                    INSERT INTO plc_application_event (application_id, at, actor, status)
                    SELECT id, :at, :actor, status FROM app),
                placed AS (
                    INSERT INTO plc_placement (position_id, student_id, source, application_id, created_at, created_by)
                    SELECT :position, :student, 'APPLICATION', id, :at, :actor FROM app WHERE status = 'ACCEPTED'
                    ON CONFLICT (position_id, student_id) DO UPDATE SET ended_at = NULL, ended_reason = NULL,
                        source = EXCLUDED.source, application_id = EXCLUDED.application_id,
                        created_at = EXCLUDED.created_at, created_by = EXCLUDED.created_by
                    RETURNING id)
                SELECT app.status, app.wait_seq, (SELECT id FROM placed) FROM app""")
                .param("position", positionId).param("id", id).param("student", studentId).param("at", at)
                .param("actor", actor)
                .query((rs, n) -> new FirstCome(ApplicationStatus.valueOf(rs.getString(1)),
                        rs.getObject(2, Long.class), rs.getObject(3, Long.class)))
                .single();
    }

    /** The next place on the wait-lists (one sequence for all positions: only the order counts). */
    long nextWaitSeq() {
        return jdbc.sql("SELECT nextval('plc_wait_seq')").query(Long.class).single();
    }

    void insert(long id, long positionId, long studentId, ApplicationStatus status, Long waitSeq,
            OffsetDateTime at) {
        jdbc.sql("INSERT INTO plc_application (id, position_id, student_id, status, applied_at, wait_seq)"
                        + " VALUES (?,?,?,?,?,?)")
                .params(id, positionId, studentId, status.name(), at, waitSeq).update();
    }

    /** An application withdrawn before, made again: it starts over undecided. */
    void reapply(long id, ApplicationStatus status, Long waitSeq, OffsetDateTime at) {
        jdbc.sql("UPDATE plc_application SET status = ?, applied_at = ?, wait_seq = ?, decided_at = NULL,"
                + " decided_by = NULL, reason = NULL WHERE id = ?").params(status.name(), at, waitSeq, id).update();
    }

    /** An application that took a place as it was made (not a decision: no one decided it). */
    void markAccepted(long id) {
        jdbc.sql("UPDATE plc_application SET status = 'ACCEPTED', wait_seq = NULL WHERE id = ?").param(id)
                .update();
    }

    /** A decision; the wait sequence stays only while wait-listed. */
    void setStatus(long id, ApplicationStatus status, String actor, String reason, OffsetDateTime at) {
        jdbc.sql("UPDATE plc_application SET status = ?, decided_at = ?, decided_by = ?, reason = ?,"
                        + " wait_seq = CASE WHEN ? = 'WAITLISTED' THEN wait_seq ELSE NULL END WHERE id = ?")
                .params(status.name(), at, actor, reason, status.name(), id).update();
    }

    /** A row of the application's history. */
    void addEvent(long applicationId, String actor, ApplicationStatus status, String reason, OffsetDateTime at) {
        jdbc.sql("INSERT INTO plc_application_event (application_id, at, actor, status, reason) VALUES (?,?,?,?,?)")
                .params(applicationId, at, actor, status.name(), reason).update();
    }

    // ---- reads ----

    Optional<Row> byId(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(ApplicationStore::row).optional();
    }

    /** The student's application for the position, if any. */
    Optional<Row> find(long positionId, long studentId) {
        return jdbc.sql(SELECT + " WHERE a.position_id = ? AND a.student_id = ?").params(positionId, studentId)
                .query(ApplicationStore::row).optional();
    }

    /** The student's application for this position and their undecided ones, in one query. */
    List<Row> forPositionOrUndecided(long studentId, long positionId) {
        return jdbc.sql(SELECT + " WHERE a.student_id = ? AND (a.position_id = ?"
                        + " OR a.status IN ('PENDING', 'WAITLISTED'))").params(studentId, positionId)
                .query(ApplicationStore::row).list();
    }

    /** The student's applications, newest first. */
    List<Row> ofStudent(long studentId) {
        return jdbc.sql(SELECT + " WHERE a.student_id = ? ORDER BY a.applied_at DESC").param(studentId)
                .query(ApplicationStore::row).list();
    }

    /** The applications for a position: pending first, then accepted, then the wait-list in order, then the rest. */
    List<Row> ofPosition(long positionId) {
        return jdbc.sql(SELECT + " WHERE a.position_id = ? ORDER BY CASE a.status WHEN 'PENDING' THEN 0"
                        + " WHEN 'ACCEPTED' THEN 1 WHEN 'WAITLISTED' THEN 2 ELSE 3 END, a.wait_seq, a.applied_at")
                .param(positionId).query(ApplicationStore::row).list();
    }

    /** The undecided (pending or wait-listed) applications for a position. */
    List<Row> undecidedOf(long positionId) {
        return jdbc.sql(SELECT + " WHERE a.position_id = ? AND a.status IN ('PENDING', 'WAITLISTED')")
                .param(positionId).query(ApplicationStore::row).list();
    }

    /** The first on the position's wait-list. */
    Optional<Row> firstWaiting(long positionId) {
        return jdbc.sql(SELECT + " WHERE a.position_id = ? AND a.status = 'WAITLISTED'"
                + " ORDER BY a.wait_seq LIMIT 1").param(positionId).query(ApplicationStore::row).optional();
    }

    /** How many undecided applications the student holds. */
    int undecidedCount(long studentId) {
        return jdbc.sql("SELECT count(*) FROM plc_application WHERE student_id = ?"
                        + " AND status IN ('PENDING', 'WAITLISTED')").param(studentId).query(Integer.class).single();
    }

    /** How many applications for these positions wait for the employer's decision. */
    long pendingCountOn(List<Long> positionIds) {
        if (positionIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM plc_application WHERE status = 'PENDING' AND position_id IN (:ids)")
                .param("ids", positionIds).query(Long.class).single();
    }

    /** The place on the position's wait-list of the application holding this wait sequence (1: next). */
    int waitPosition(long positionId, long waitSeq) {
        return jdbc.sql("SELECT count(*) FROM plc_application WHERE position_id = ? AND status = 'WAITLISTED'"
                + " AND wait_seq <= ?").params(positionId, waitSeq).query(Integer.class).single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp(6);
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), ApplicationStatus.valueOf(rs.getString(4)),
                rs.getTimestamp(5).toInstant(), decided == null ? null : decided.toInstant(), rs.getString(7),
                rs.getObject(8, Long.class));
    }
}
