package org.workstudy.hours;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The ledger's rows: inserted, never updated; read per student (one query) with their decisions. */
@Repository
class LedgerStore {

    private static final String SELECT = "SELECT e.id, e.student_id, e.source_kind, e.source_id, e.position_id,"
            + " e.employer_id, e.employer_name, e.place, e.work_date, e.starts_at, e.ends_at, e.hours, e.content,"
            + " e.kind, e.corrects_id, e.chain_id, e.reason, e.recorded_by, e.recorded_by_name, e.recorder_role,"
            + " e.recorded_at, e.needs_confirmation, c.confirmed, c.by_name, c.by_role, c.at, c.reason"
            + " FROM hrs_entry e LEFT JOIN hrs_confirmation c ON c.entry_id = e.id";
    /** Entries waiting for a decision: needing one, without one, and neither corrected nor voided. */
    private static final String WAITING = " WHERE e.needs_confirmation AND c.id IS NULL AND e.kind <> 'VOID'"
            + " AND NOT EXISTS (SELECT 1 FROM hrs_entry n WHERE n.corrects_id = e.id)";

    private final JdbcClient jdbc;
    private final Clock clock;

    private final org.springframework.jdbc.core.JdbcTemplate batch;

    LedgerStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * Entries that needed a confirmation, written from {@code from} up to (not including) {@code to}: the student,
     * when written, and when the wait ended (the confirmation or refusal, or a correction or void replacing the entry,
     * whichever came first; null: still waiting).
     */
    List<HoursFigures.Wait> confirmationWaits(Instant from, Instant to) {
        return jdbc.sql("SELECT e.student_id, e.recorded_at, least(c.at, x.recorded_at) FROM hrs_entry e"
                        + " LEFT JOIN hrs_confirmation c ON c.entry_id = e.id"
                        + " LEFT JOIN hrs_entry x ON x.corrects_id = e.id"
                        + " WHERE e.needs_confirmation AND e.kind <> 'VOID' AND e.recorded_at >= ? AND e.recorded_at < ?"
                        + " ORDER BY e.id")
                .params(from.atOffset(java.time.ZoneOffset.UTC), to.atOffset(java.time.ZoneOffset.UTC))
                .query((rs, n) -> new HoursFigures.Wait(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** What an entry says, as written. */
    record NewEntry(long studentId, SourceKind sourceKind, long sourceId, Long positionId, Long employerId,
            String employerName, String place, LocalDate workDate, LocalTime startsAt, LocalTime endsAt,
            BigDecimal hours, String content, EntryKind kind, Long correctsId, Long chainId, String reason,
            String recordedBy, String recordedByName, RecorderRole role, boolean needsConfirmation) {
    }

    /** Inserts many entries in one JDBC batch; their ids in order. */
    List<Long> insertAll(List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        OffsetDateTime at = now();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        batch.batchUpdate(con -> con.prepareStatement(INSERT, new String[] {"id"}),
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
                        Object[] values = values(entries.get(i), at);
                        for (int k = 0; k < values.length; k++) {
                            org.springframework.jdbc.core.StatementCreatorUtils.setParameterValue(ps, k + 1,
                                    org.springframework.jdbc.core.SqlTypeValue.TYPE_UNKNOWN, values[k]);
                        }
                    }

                    @Override
                    public int getBatchSize() {
                        return entries.size();
                    }
                }, keys);
        return keys.getKeyList().stream().map(m -> ((Number) m.get("id")).longValue()).toList();
    }

    private static final String INSERT = "INSERT INTO hrs_entry (student_id, source_kind, source_id, position_id,"
            + " employer_id, employer_name, place, work_date, starts_at, ends_at, hours, content, kind, corrects_id,"
            + " chain_id, reason, recorded_by, recorded_by_name, recorder_role, recorded_at, needs_confirmation)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private static Object[] values(NewEntry e, OffsetDateTime at) {
        return new Object[] {e.studentId(), e.sourceKind().name(), e.sourceId(), e.positionId(), e.employerId(),
            cut(e.employerName(), 200), cut(e.place(), 200), e.workDate(), e.startsAt(), e.endsAt(), e.hours(),
            cut(e.content(), 500), e.kind().name(), e.correctsId(), e.chainId(), cut(e.reason(), 500),
            e.recordedBy(), cut(e.recordedByName(), 100), e.role().name(), at, e.needsConfirmation()};
    }

    long insert(NewEntry e) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO hrs_entry (student_id, source_kind, source_id, position_id, employer_id, employer_name,"
                        + " place, work_date, starts_at, ends_at, hours, content, kind, corrects_id, chain_id, reason,"
                        + " recorded_by, recorded_by_name, recorder_role, recorded_at, needs_confirmation)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(e.studentId(), e.sourceKind().name(), e.sourceId(), e.positionId(), e.employerId(),
                        cut(e.employerName(), 200), cut(e.place(), 200), e.workDate(), e.startsAt(), e.endsAt(),
                        e.hours(), strip(e.content()), e.kind().name(), e.correctsId(), e.chainId(),
                        strip(e.reason()), e.recordedBy(), cut(e.recordedByName(), 100), e.role().name(), now(),
                        e.needsConfirmation())
                .update(key, "id");
        return key.getKey().longValue();
    }

    void decide(long entryId, boolean confirmed, String by, String byName, String role, String reason) {
        jdbc.sql("INSERT INTO hrs_confirmation (entry_id, confirmed, by_username, by_name, by_role, at, reason)"
                        + " VALUES (?,?,?,?,?,?,?)")
                .params(entryId, confirmed, by, cut(byName, 100), role, now(), strip(reason)).update();
    }

    /** Serialises the writes for one student across transactions and instances. */
    void lockStudent(long studentId) {
        jdbc.sql("INSERT INTO hrs_student_lock (student_id) VALUES (?) ON CONFLICT DO NOTHING").param(studentId)
                .update();
        jdbc.sql("SELECT student_id FROM hrs_student_lock WHERE student_id = ? FOR UPDATE").param(studentId)
                .query(Long.class).single();
    }

    /**
     * Serialises the writes for many students (a batch) as {@link #lockStudent} does for one, in two statements per
     * 5,000 students; the rows are locked in ascending student order, as one-by-one locking in that order would.
     */
    void lockStudents(Collection<Long> studentIds) {
        List<Long> ids = new java.util.TreeSet<>(studentIds).stream().toList();
        for (int from = 0; from < ids.size(); from += 5000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 5000));
            jdbc.sql("INSERT INTO hrs_student_lock (student_id) SELECT unnest(ARRAY[:ids]::bigint[])"
                    + " ON CONFLICT DO NOTHING").param("ids", chunk).update();
            jdbc.sql("SELECT student_id FROM hrs_student_lock WHERE student_id IN (:ids) ORDER BY student_id"
                    + " FOR UPDATE").param("ids", chunk).query(Long.class).list();
        }
    }

    Optional<EntryRow> find(long id) {
        return jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query(LedgerStore::row).optional();
    }

    /** The calendar flags of these entries (see {@link CalendarRecheck}), by entry id. */
    Map<Long, WorkRecordView.CalendarFlag> calendarFlags(Collection<Long> entryIds) {
        Map<Long, WorkRecordView.CalendarFlag> out = new HashMap<>();
        List<Long> ids = List.copyOf(entryIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("SELECT entry_id, year, reason_key, reason_args FROM hrs_calendar_flag WHERE entry_id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query((rs, n) -> out.put(rs.getLong(1), new WorkRecordView.CalendarFlag(rs.getInt(2),
                            rs.getString(3), rs.getString(4).isEmpty() ? List.of()
                                    : List.of(rs.getString(4).split(CalendarRecheck.ARGS, -1)))))
                    .list();
        }
        return out;
    }

    /** A student's whole ledger in one query (about 60 rows for a student who completed the course). */
    List<EntryRow> ofStudent(long studentId) {
        return jdbc.sql(SELECT + " WHERE e.student_id = ? ORDER BY e.id").param(studentId).query(LedgerStore::row)
                .list();
    }

    /** The ledgers of many students (a class), a thousand students per query. */
    List<EntryRow> ofStudents(Collection<Long> studentIds) {
        List<Long> ids = List.copyOf(studentIds);
        List<EntryRow> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            out.addAll(jdbc.sql(SELECT + " WHERE e.student_id IN (:ids) ORDER BY e.id")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).query(LedgerStore::row)
                    .list());
        }
        return out;
    }

    /**
     * One student's figures of {@link #totals}: of the latest entries of chains (not voids), the counted hours in all,
     * within [windowFrom, windowUntil), and after the window within the make-up period; the waiting hours. Entries of
     * self-arranged work are summed per (source, work date) ({@code selfArranged}, {@code workDate} set), so that the
     * caller can drop the days on which that work does not count; placement entries in one row per student.
     */
    record Totals(long studentId, Long selfArranged, LocalDate workDate, BigDecimal counted, BigDecimal inWindow,
            BigDecimal makeUp, BigDecimal waiting) {
    }

    /**
     * The counted and waiting hours of students that share one window and make-up period, set-based: the latest
     * entry of each chain is the one no entry corrects; it counts when confirmed or when it needed no confirmation
     * (as {@link LedgerView}). {@code windowFrom} null: no window (nothing in it); {@code windowUntil} null: open.
     */
    List<Totals> totals(Collection<Long> studentIds, LocalDate windowFrom, LocalDate windowUntil,
            MakeUpWindows.Period makeUp) {
        String inWindow = windowFrom == null ? "1=0" : "e.work_date >= :wf"
                + (windowUntil == null ? "" : " AND e.work_date < :wu");
        String afterWindow = makeUp == null || windowUntil == null ? "1=0" : "e.work_date >= :wu AND e.work_date >= :mf"
                + (makeUp.until() == null ? "" : " AND e.work_date <= :mu");
        String counted = "COALESCE(c.confirmed, NOT e.needs_confirmation)";
        String selfArranged = "CASE WHEN e.source_kind = 'SELF_ARRANGED' THEN e.source_id END";
        String selfDate = "CASE WHEN e.source_kind = 'SELF_ARRANGED' THEN e.work_date END";
        String sql = "SELECT e.student_id, " + selfArranged + ", " + selfDate + ","
                + " SUM(CASE WHEN " + counted + " THEN e.hours ELSE 0 END),"
                + " SUM(CASE WHEN " + counted + " AND " + inWindow + " THEN e.hours ELSE 0 END),"
                + " SUM(CASE WHEN " + counted + " AND " + afterWindow + " THEN e.hours ELSE 0 END),"
                + " SUM(CASE WHEN e.needs_confirmation AND c.id IS NULL THEN e.hours ELSE 0 END)"
                + " FROM hrs_entry e LEFT JOIN hrs_confirmation c ON c.entry_id = e.id"
                + " WHERE e.student_id IN (:ids) AND e.kind <> 'VOID' AND e.id NOT IN (SELECT n.corrects_id"
                + " FROM hrs_entry n WHERE n.student_id IN (:ids) AND n.corrects_id IS NOT NULL)"
                + " GROUP BY e.student_id, " + selfArranged + ", " + selfDate;
        List<Long> ids = List.copyOf(studentIds);
        List<Totals> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += TOTALS_CHUNK) {
            var spec = jdbc.sql(sql).param("ids", ids.subList(from, Math.min(ids.size(), from + TOTALS_CHUNK)));
            if (windowFrom != null) {
                spec = spec.param("wf", windowFrom);
            }
            if (windowUntil != null) {
                spec = spec.param("wu", windowUntil);
            }
            if (makeUp != null && windowUntil != null) {
                spec = spec.param("mf", makeUp.from());
                if (makeUp.until() != null) {
                    spec = spec.param("mu", makeUp.until());
                }
            }
            out.addAll(spec.query((rs, n) -> new Totals(rs.getLong(1), rs.getObject(2, Long.class),
                    rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                    rs.getBigDecimal(7))).list());
        }
        return out;
    }

    /** Counted placement hours on positions from {@code from} up to (not including) {@code until}, per student, position and date (for pay). */
    List<HoursLedger.PositionDay> countedOnPositions(Collection<Long> positionIds, LocalDate from, LocalDate until) {
        if (positionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT e.student_id, e.position_id, e.work_date, SUM(e.hours) FROM hrs_entry e"
                        + " LEFT JOIN hrs_confirmation c ON c.entry_id = e.id WHERE e.position_id IN (:ids)"
                        + " AND e.source_kind = 'PLACEMENT' AND e.work_date >= :from AND e.work_date < :until"
                        + " AND e.kind <> 'VOID' AND COALESCE(c.confirmed, NOT e.needs_confirmation)"
                        + " AND NOT EXISTS (SELECT 1 FROM hrs_entry n WHERE n.corrects_id = e.id)"
                        + " GROUP BY e.student_id, e.position_id, e.work_date"
                        + " ORDER BY e.student_id, e.position_id, e.work_date")
                .param("ids", List.copyOf(positionIds)).param("from", from).param("until", until)
                .query((rs, n) -> new HoursLedger.PositionDay(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4)))
                .list();
    }

    /**
     * Entries of these students that needed a confirmation, recorded from {@code from} up to (not including)
     * {@code until}: when recorded and when decided (null: still waiting). Entries corrected or voided while they
     * waited are left out (nobody had to decide them).
     */
    List<HoursLedger.ConfirmationTime> confirmationTimes(Collection<Long> studentIds, java.time.Instant from,
            java.time.Instant until) {
        List<Long> ids = List.copyOf(studentIds);
        List<HoursLedger.ConfirmationTime> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            out.addAll(jdbc.sql("SELECT e.student_id, e.id, e.recorded_at, c.at FROM hrs_entry e"
                            + " LEFT JOIN hrs_confirmation c ON c.entry_id = e.id WHERE e.needs_confirmation"
                            + " AND e.kind <> 'VOID' AND e.student_id IN (:ids)"
                            + " AND e.recorded_at >= :from AND e.recorded_at < :until AND (c.id IS NOT NULL"
                            + " OR NOT EXISTS (SELECT 1 FROM hrs_entry n WHERE n.corrects_id = e.id))"
                            + " ORDER BY e.id")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .param("from", java.sql.Timestamp.from(from)).param("until", java.sql.Timestamp.from(until))
                    .query((rs, n) -> new HoursLedger.ConfirmationTime(rs.getLong(1), rs.getLong(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                    .list());
        }
        return out;
    }

    /** Students per totals query: a graduating cohort in one (one pass over its ledger; 2 x 10,000 parameters). */
    private static final int TOTALS_CHUNK = 10000;

    List<EntryRow> waitingOfStudents(Collection<Long> studentIds) {
        List<Long> ids = List.copyOf(studentIds);
        List<EntryRow> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            out.addAll(jdbc.sql(SELECT + WAITING + " AND e.student_id IN (:ids) ORDER BY e.work_date, e.id")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).query(LedgerStore::row)
                    .list());
        }
        return out;
    }

    /** Students' reports on the employers' positions that wait for a decision. */
    List<EntryRow> waitingReportsOfEmployers(Collection<Long> employerIds) {
        if (employerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + WAITING + " AND e.recorder_role = 'STUDENT' AND e.employer_id IN (:ids)"
                        + " ORDER BY e.work_date, e.id")
                .param("ids", List.copyOf(employerIds)).query(LedgerStore::row).list();
    }

    private OffsetDateTime now() {
        return clock.instant().atZone(clock.getZone()).toOffsetDateTime();
    }

    /** User text was checked against its limit by the ledger (refused, never cut here). */
    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    /** Copied labels (employer name, place, a display name) that may be longer than the ledger keeps. */
    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }

    static EntryRow row(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp decided = rs.getTimestamp(26);
        Object confirmed = rs.getObject(23);
        return new EntryRow(rs.getLong(1), rs.getLong(2), SourceKind.valueOf(rs.getString(3)), rs.getLong(4),
                (Long) rs.getObject(5, Long.class), (Long) rs.getObject(6, Long.class), rs.getString(7),
                rs.getString(8), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalTime.class),
                rs.getObject(11, LocalTime.class), rs.getBigDecimal(12), rs.getString(13),
                EntryKind.valueOf(rs.getString(14)), (Long) rs.getObject(15, Long.class),
                (Long) rs.getObject(16, Long.class), rs.getString(17), rs.getString(18), rs.getString(19),
                RecorderRole.valueOf(rs.getString(20)), rs.getTimestamp(21).toInstant(), rs.getBoolean(22),
                confirmed == null ? null : rs.getBoolean(23), rs.getString(24), rs.getString(25),
                decided == null ? null : decided.toInstant(), rs.getString(27));
    }
}
