package org.workstudy.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;

/** The status changes' table ({@code org_status_change}) and the student row a change moves. */
@Component
class StatusChangeStore {

    private static final String SELECT = "SELECT h.id, h.student_id, s.student_no, s.name, h.kind, h.effective_on,"
            + " h.until_on,"
            + " h.from_class_id, f.name, h.to_class_id, t.name, h.status_before, h.status_after, h.reason,"
            + " h.recorded_by_name, h.recorded_at FROM org_status_change h JOIN org_class f ON f.id = h.from_class_id"
            + " JOIN org_class t ON t.id = h.to_class_id JOIN org_student s ON s.id = h.student_id";

    private final JdbcClient jdbc;

    StatusChangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A student's changes, oldest first. */
    List<StatusChange> ofStudent(long studentId) {
        return jdbc.sql(SELECT + " WHERE h.student_id = ? ORDER BY h.effective_on, h.id").param(studentId)
                .query(StatusChangeStore::row).list();
    }

    /** The most recent changes of the school, newest first. */
    List<StatusChange> recent(int limit) {
        return jdbc.sql(SELECT + " ORDER BY h.recorded_at DESC, h.id DESC LIMIT ?").param(limit)
                .query(StatusChangeStore::row).list();
    }

    /** The changes of many students in date order, by student (one query per 10,000). */
    Map<Long, List<StatusHistory.Row>> periodRows(Collection<Long> studentIds) {
        List<Long> all = List.copyOf(studentIds);
        Map<Long, List<StatusHistory.Row>> byStudent = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += 10_000) {
            jdbc.sql("SELECT student_id, kind, effective_on, until_on FROM org_status_change"
                            + " WHERE student_id IN (:ids) ORDER BY student_id, effective_on, id")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 10_000)))
                    .query((rs, n) -> byStudent.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new StatusHistory.Row(StatusChangeKind.valueOf(rs.getString(2)),
                                    rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))))
                    .list();
        }
        return byStudent;
    }

    /** The date of the student's latest change (of that kind, or of any kind for null). */
    Optional<LocalDate> latestOn(long studentId, StatusChangeKind kind) {
        if (kind == null) {
            return jdbc.sql("SELECT max(effective_on) FROM org_status_change WHERE student_id = ?")
                    .param(studentId).query(LocalDate.class).optional();
        }
        return jdbc.sql("SELECT max(effective_on) FROM org_status_change WHERE student_id = ? AND kind = ?")
                .params(studentId, kind.name()).query(LocalDate.class).optional();
    }

    long insert(NewStatusChange c, LocalDate untilOn, Student before, long toClass, StudentStatus after,
            String reason, CurrentUser user, OffsetDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO org_status_change (student_id, kind, effective_on, until_on, from_class_id, to_class_id,"
                        + " status_before, status_after, reason, recorded_by, recorded_by_name, recorded_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(c.studentId(), c.kind().name(), c.effectiveOn(), untilOn, before.classId(), toClass,
                        before.status().name(), after.name(), reason, user.username(), user.displayName(), at)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The student's class and status after a change. */
    void moveStudent(long studentId, long toClass, StudentStatus after) {
        jdbc.sql("UPDATE org_student SET class_id = ?, status = ? WHERE id = ?").params(toClass, after.name(),
                studentId).update();
    }

    /** Locks the students' rows, in the order given. */
    void lockStudents(List<Long> ids) {
        for (Long id : ids) {
            jdbc.sql("SELECT id FROM org_student WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
        }
    }

    static StatusChange row(ResultSet rs, int n) throws SQLException {
        return new StatusChange(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                StatusChangeKind.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class), rs.getLong(8), rs.getString(9), rs.getLong(10), rs.getString(11),
                StudentStatus.valueOf(rs.getString(12)), StudentStatus.valueOf(rs.getString(13)), rs.getString(14),
                rs.getString(15), rs.getObject(16, OffsetDateTime.class).toInstant());
    }
}
