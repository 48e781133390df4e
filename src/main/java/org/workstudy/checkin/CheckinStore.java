package org.workstudy.checkin;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.workstudy.organization.StudentCondition;

/** The check-in tables (chk_*), and only those. */
@Repository
class CheckinStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;

    CheckinStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The signing secret, made on first use in a transaction of its own (the first use may be a read-only page);
     * two instances racing both read the row that won.
     */
    byte[] secret() {
        return jdbc.sql("SELECT secret FROM chk_secret WHERE id = 1").query(byte[].class).optional()
                .orElseGet(() -> newTransaction.execute(status -> {
                    byte[] fresh = new byte[32];
                    RANDOM.nextBytes(fresh);
                    jdbc.sql("INSERT INTO chk_secret (id, secret, created_at) VALUES (1, ?, now())"
                            + " ON CONFLICT DO NOTHING").param(fresh).update();
                    return jdbc.sql("SELECT secret FROM chk_secret WHERE id = 1").query(byte[].class).single();
                }));
    }

    record ShiftRow(long id, long positionId, long employerId, String openedBy, Instant openedAt, Instant closedAt,
            BigDecimal latitude, BigDecimal longitude, Integer radiusM, int checkedIn, int checkedOut) {
    }

    private static final String SHIFT = "SELECT s.id, s.position_id, s.employer_id, s.opened_by, s.opened_at,"
            + " s.closed_at, s.latitude, s.longitude, s.radius_m,"
            + " (SELECT count(*) FROM chk_attendance a WHERE a.shift_id = s.id),"
            + " (SELECT count(*) FROM chk_attendance a WHERE a.shift_id = s.id AND a.out_at IS NOT NULL)"
            + " FROM chk_shift s";

    long openShift(long positionId, long employerId, String by, Instant at, BigDecimal lat, BigDecimal lng,
            Integer radius) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO chk_shift (position_id, employer_id, opened_by, opened_at, latitude, longitude, radius_m)"
                        + " VALUES (?,?,?,?,?,?,?)")
                .params(positionId, employerId, by, ts(at), lat, lng, radius).update(key, "id");
        return key.getKey().longValue();
    }

    void closeShift(long id, Instant at) {
        jdbc.sql("UPDATE chk_shift SET closed_at = ? WHERE id = ? AND closed_at IS NULL").params(ts(at), id).update();
    }

    Optional<ShiftRow> shift(long id) {
        return jdbc.sql(SHIFT + " WHERE s.id = ?").param(id).query(CheckinStore::shiftRow).optional();
    }

    /** The shifts of these employers (all when null) opened since then, newest first. */
    List<ShiftRow> shifts(Collection<Long> employerIds, Instant since) {
        if (employerIds != null && employerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SHIFT + " WHERE s.opened_at >= :since" + (employerIds == null ? ""
                        : " AND s.employer_id IN (:ids)") + " ORDER BY s.opened_at DESC, s.id DESC LIMIT 200")
                .param("since", ts(since)).params(employerIds == null ? Map.of() : Map.of("ids", List.copyOf(employerIds)))
                .query(CheckinStore::shiftRow).list();
    }

    record AttendanceRow(long id, long shiftId, long studentId, long placementId, Instant inAt, long inStep,
            boolean inByCode, Integer inDistanceM, String inDevice, Instant outAt, Long outStep, Boolean outByCode,
            Integer outDistanceM, String outDevice, Long entryId, String refusalKey, String refusalArgs,
            Long makeUpId, Instant makeUpEndsAt, String makeUpReason, Instant makeUpRequestedAt, Boolean makeUpApproved,
            String makeUpDecidedBy, String makeUpNote, Long makeUpEntryId) {
    }

    private static final String ATTENDANCE = "SELECT a.id, a.shift_id, a.student_id, a.placement_id, a.in_at,"
            + " a.in_step, a.in_by_code, a.in_distance_m, a.in_device, a.out_at, a.out_step, a.out_by_code,"
            + " a.out_distance_m, a.out_device, a.entry_id, a.refusal_key, a.refusal_args, m.id, m.ends_at, m.reason,"
            + " m.requested_at, m.approved, m.decided_by, m.decision_note, m.entry_id"
            + " FROM chk_attendance a LEFT JOIN chk_make_up m ON m.attendance_id = a.id";

    Optional<AttendanceRow> attendance(long shiftId, long studentId) {
        return jdbc.sql(ATTENDANCE + " WHERE a.shift_id = ? AND a.student_id = ?").params(shiftId, studentId)
                .query(CheckinStore::attendanceRow).optional();
    }

    Optional<AttendanceRow> attendance(long id) {
        return jdbc.sql(ATTENDANCE + " WHERE a.id = ?").param(id).query(CheckinStore::attendanceRow).optional();
    }

    Optional<AttendanceRow> attendanceOfMakeUp(long makeUpId) {
        return jdbc.sql(ATTENDANCE + " WHERE m.id = ?").param(makeUpId).query(CheckinStore::attendanceRow).optional();
    }

    /** Locks the attendance row so that two scans of one student on one shift run one after the other. */
    void lockAttendance(long id) {
        jdbc.sql("SELECT id FROM chk_attendance WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
    }

    List<AttendanceRow> ofShift(long shiftId) {
        return jdbc.sql(ATTENDANCE + " WHERE a.shift_id = ? ORDER BY a.in_at, a.id").param(shiftId)
                .query(CheckinStore::attendanceRow).list();
    }

    List<AttendanceRow> ofStudent(long studentId, int limit) {
        return jdbc.sql(ATTENDANCE + " WHERE a.student_id = ? ORDER BY a.in_at DESC, a.id DESC LIMIT ?")
                .params(studentId, limit).query(CheckinStore::attendanceRow).list();
    }

    /** Attendances since then of shifts of these employers (all when null) or of students in a scope condition. */
    List<AttendanceRow> since(Instant since, Collection<Long> employerIds, StudentCondition students) {
        if (employerIds != null && employerIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(ATTENDANCE).append(" WHERE a.in_at >= :since");
        if (employerIds != null) {
            sql.append(" AND a.shift_id IN (SELECT s.id FROM chk_shift s WHERE s.employer_id IN (:ids))");
        }
        if (students != null) {
            sql.append(" AND ").append(students.sql());
        }
        var spec = jdbc.sql(sql.append(" ORDER BY a.in_at DESC, a.id DESC LIMIT 2000").toString())
                .param("since", ts(since));
        if (employerIds != null) {
            spec = spec.param("ids", List.copyOf(employerIds));
        }
        if (students != null) {
            spec = spec.params(students.params());
        }
        return spec.query(CheckinStore::attendanceRow).list();
    }

    /**
     * Of these attendances, those whose device (at check-in or check-out) another student used within 12 hours: one
     * phone checking in two people is a signal for the employer and counselor.
     */
    java.util.Set<Long> sharedDevice(Collection<Long> attendanceIds) {
        if (attendanceIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT a.id FROM chk_attendance a JOIN chk_attendance b"
                        + " ON b.student_id <> a.student_id AND b.in_at BETWEEN a.in_at - INTERVAL '12 hours'"
                        + " AND a.in_at + INTERVAL '12 hours' AND (b.in_device IN (a.in_device, a.out_device)"
                        + " OR b.out_device IN (a.in_device, a.out_device)) WHERE a.id IN (:ids)")
                .param("ids", List.copyOf(attendanceIds)).query(Long.class).list());
    }

    /**
     * The months' figures of all attendances that began from {@code from} until before {@code until} (Asia/Shanghai months): see CheckinMonth.
     * The shared-device signal is the one of {@link #sharedDevice}, counted per attendance.
     */
    List<CheckinMonth> months(Instant from, Instant until) {
        return jdbc.sql("SELECT to_char(a.in_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS m, count(*),"
                        + " count(a.out_at), count(mu.id), count(*) FILTER (WHERE mu.approved),"
                        + " count(a.entry_id), count(a.refusal_key),"
                        + " coalesce(round(sum(EXTRACT(EPOCH FROM (a.out_at - a.in_at)) / 3600)"
                        + " FILTER (WHERE a.entry_id IS NOT NULL), 2), 0),"
                        + " count(*) FILTER (WHERE EXISTS (SELECT 1 FROM chk_attendance b WHERE b.student_id <>"
                        + " a.student_id AND b.in_at BETWEEN a.in_at - INTERVAL '12 hours' AND a.in_at"
                        + " + INTERVAL '12 hours' AND (b.in_device IN (a.in_device, a.out_device)"
                        + " OR b.out_device IN (a.in_device, a.out_device)))),"
                        + " count(*) FILTER (WHERE s.radius_m IS NOT NULL AND (a.in_distance_m > s.radius_m"
                        + " OR a.out_distance_m > s.radius_m)),"
                        + " count(*) FILTER (WHERE a.in_by_code OR a.out_by_code IS TRUE)"
                        + " FROM chk_attendance a JOIN chk_shift s ON s.id = a.shift_id"
                        + " LEFT JOIN chk_make_up mu ON mu.attendance_id = a.id"
                        + " WHERE a.in_at >= ? AND a.in_at < ? GROUP BY 1 ORDER BY 1")
                .params(ts(from), ts(until))
                .query((rs, n) -> new CheckinMonth(java.time.YearMonth.parse(rs.getString(1)), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        rs.getBigDecimal(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)))
                .list();
    }

    long checkIn(long shiftId, long studentId, long placementId, Instant at, long step, boolean byCode,
            BigDecimal lat, BigDecimal lng, Integer distance, String device) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO chk_attendance (shift_id, student_id, placement_id, in_at, in_step, in_by_code,"
                        + " in_latitude, in_longitude, in_distance_m, in_device) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(shiftId, studentId, placementId, ts(at), step, byCode, lat, lng, distance, device)
                .update(key, "id");
        return key.getKey().longValue();
    }

    void checkOut(long id, Instant at, long step, boolean byCode, BigDecimal lat, BigDecimal lng, Integer distance,
            String device, Long entryId, String refusalKey, String refusalArgs) {
        jdbc.sql("UPDATE chk_attendance SET out_at = ?, out_step = ?, out_by_code = ?, out_latitude = ?,"
                        + " out_longitude = ?, out_distance_m = ?, out_device = ?, entry_id = ?, refusal_key = ?,"
                        + " refusal_args = ? WHERE id = ? AND out_at IS NULL")
                .params(ts(at), step, byCode, lat, lng, distance, device, entryId, refusalKey, refusalArgs, id)
                .update();
    }

    long requestMakeUp(long attendanceId, Instant endsAt, String reason, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO chk_make_up (attendance_id, ends_at, reason, requested_at) VALUES (?,?,?,?)")
                .params(attendanceId, ts(endsAt), reason, ts(at)).update(key, "id");
        return key.getKey().longValue();
    }

    /** Decides a pending request; false when it was decided already (by another click). */
    boolean decideMakeUp(long id, boolean approved, String by, Instant at, String note, Long entryId) {
        return jdbc.sql("UPDATE chk_make_up SET approved = ?, decided_by = ?, decided_at = ?, decision_note = ?,"
                        + " entry_id = ? WHERE id = ? AND approved IS NULL")
                .params(approved, by, ts(at), note, entryId, id).update() == 1;
    }

    /** The attendance a make-up made whole gets its out time and work record too. */
    void madeUp(long attendanceId, Instant endsAt, Long entryId) {
        jdbc.sql("UPDATE chk_attendance SET out_at = ?, entry_id = ? WHERE id = ? AND out_at IS NULL")
                .params(ts(endsAt), entryId, attendanceId).update();
    }

    private static OffsetDateTime ts(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static ShiftRow shiftRow(ResultSet rs, int n) throws SQLException {
        return new ShiftRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), instant(rs, 5),
                instant(rs, 6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getObject(9, Integer.class),
                rs.getInt(10), rs.getInt(11));
    }

    private static AttendanceRow attendanceRow(ResultSet rs, int n) throws SQLException {
        return new AttendanceRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), instant(rs, 5),
                rs.getLong(6), rs.getBoolean(7), rs.getObject(8, Integer.class), rs.getString(9), instant(rs, 10),
                rs.getObject(11, Long.class), rs.getObject(12, Boolean.class), rs.getObject(13, Integer.class),
                rs.getString(14), rs.getObject(15, Long.class), rs.getString(16), rs.getString(17),
                rs.getObject(18, Long.class), instant(rs, 19), rs.getString(20), instant(rs, 21),
                rs.getObject(22, Boolean.class), rs.getString(23), rs.getString(24), rs.getObject(25, Long.class));
    }
}
