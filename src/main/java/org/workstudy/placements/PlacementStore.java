package org.workstudy.placements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.workstudy.organization.StudentCondition;

/**
 * The placements table ({@code plc_placement}). Its rows come back as {@link PlacementView}s without the position's
 * and the student's names ({@link Placements} adds them). The first-come decision writes its placement in
 * {@link ApplicationStore#decideFirstCome}, in the same statement as the application.
 */
@Repository
class PlacementStore {

    static final String SELECT = "SELECT p.id, p.position_id, p.student_id, p.source, p.created_at, p.created_by,"
            + " p.ended_at, p.ended_reason FROM plc_placement p";
    /** Students per query of an {@code IN} list. */
    private static final int CHUNK = 5000;

    private final JdbcClient jdbc;
    private final Clock clock;

    PlacementStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Places the student on the position; a student placed there before (an ended placement) is placed again. The
     * placement's id, empty only if the row vanished meanwhile.
     */
    Optional<Long> place(long positionId, long studentId, PlacementSource source, Long applicationId, String by) {
        OffsetDateTime now = clock.instant().atZone(clock.getZone()).toOffsetDateTime();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        int inserted = jdbc.sql("INSERT INTO plc_placement (position_id, student_id, source, application_id,"
                        + " created_at, created_by) VALUES (?,?,?,?,?,?) ON CONFLICT (position_id, student_id)"
                        + " DO NOTHING")
                .params(positionId, studentId, source.name(), applicationId, now, by).update(key, "id");
        if (inserted == 1) {
            return Optional.of(key.getKey().longValue());
        }
        jdbc.sql("UPDATE plc_placement SET ended_at = NULL, ended_reason = NULL, source = ?, application_id = ?,"
                        + " created_at = ?, created_by = ? WHERE position_id = ? AND student_id = ?")
                .params(source.name(), applicationId, now, by, positionId, studentId).update();
        return jdbc.sql("SELECT id FROM plc_placement WHERE position_id = ? AND student_id = ?")
                .params(positionId, studentId).query(Long.class).optional();
    }

    /** Ends the student's active placement on the position, if any. */
    void endActive(long positionId, long studentId, String reason, OffsetDateTime at) {
        jdbc.sql("UPDATE plc_placement SET ended_at = ?, ended_reason = ? WHERE position_id = ? AND student_id = ?"
                + " AND ended_at IS NULL").params(at, reason, positionId, studentId).update();
    }

    /** Ends the placement unless it has ended already. */
    void end(long id, String reason, OffsetDateTime at) {
        jdbc.sql("UPDATE plc_placement SET ended_at = ?, ended_reason = ? WHERE id = ? AND ended_at IS NULL")
                .params(at, reason, id).update();
    }

    boolean isActive(long positionId, long studentId) {
        return jdbc.sql("SELECT count(*) FROM plc_placement WHERE position_id = ? AND student_id = ?"
                        + " AND ended_at IS NULL").params(positionId, studentId).query(Long.class).single() > 0;
    }

    /** How many active placements the student holds. */
    long activeCount(long studentId) {
        return jdbc.sql("SELECT count(*) FROM plc_placement WHERE student_id = ? AND ended_at IS NULL")
                .param(studentId).query(Long.class).single();
    }

    /** Of these students, those with an active placement on the position (one query per 5,000). */
    Set<Long> activeAmong(long positionId, List<Long> studentIds) {
        Set<Long> out = new HashSet<>();
        for (int from = 0; from < studentIds.size(); from += CHUNK) {
            out.addAll(jdbc.sql("SELECT student_id FROM plc_placement WHERE position_id = :position"
                            + " AND student_id IN (:ids) AND ended_at IS NULL")
                    .param("position", positionId)
                    .param("ids", studentIds.subList(from, Math.min(studentIds.size(), from + CHUNK)))
                    .query(Long.class).list());
        }
        return out;
    }

    /** A student's placements, newest first. */
    List<PlacementView> ofStudent(long studentId) {
        return jdbc.sql(SELECT + " WHERE p.student_id = ? ORDER BY p.created_at DESC").param(studentId)
                .query(PlacementStore::row).list();
    }

    /** The placements of these (distinct) students, one query per 5,000, newest first within each query. */
    List<PlacementView> ofStudents(List<Long> studentIds) {
        List<PlacementView> rows = new ArrayList<>();
        for (int from = 0; from < studentIds.size(); from += CHUNK) {
            rows.addAll(jdbc.sql(SELECT + " WHERE p.student_id IN (:ids) ORDER BY p.created_at DESC")
                    .param("ids", studentIds.subList(from, Math.min(studentIds.size(), from + CHUNK)))
                    .query(PlacementStore::row).list());
        }
        return rows;
    }

    /** The placements on a position, oldest first. */
    List<PlacementView> ofPosition(long positionId) {
        return jdbc.sql(SELECT + " WHERE p.position_id = ? ORDER BY p.created_at").param(positionId)
                .query(PlacementStore::row).list();
    }

    /** The active placements on a position, in the order they were made. */
    List<PlacementView> activeOn(long positionId) {
        return jdbc.sql(SELECT + " WHERE p.position_id = ? AND p.ended_at IS NULL ORDER BY p.id").param(positionId)
                .query(PlacementStore::row).list();
    }

    /** How many placements of these students were made from {@code from} up to (not including) {@code to}. */
    long countMade(StudentCondition students, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("SELECT count(*) FROM plc_placement p WHERE p.created_at >= :from AND p.created_at < :to AND "
                        + students.sql())
                .param("from", from).param("to", to).params(students.params()).query(Long.class).single();
    }

    private static PlacementView row(ResultSet rs, int n) throws SQLException {
        Timestamp ended = rs.getTimestamp(7);
        return new PlacementView(rs.getLong(1), rs.getLong(2), null, null, rs.getLong(3), null, null,
                PlacementSource.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getString(6),
                ended == null ? null : ended.toInstant(), rs.getString(8));
    }
}
