package org.workstudy.statistics;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.credits.CreditStandings;
import org.workstudy.credits.DeferralStanding;
import org.workstudy.credits.ExemptionStanding;
import org.workstudy.hours.HoursFigures;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementView;
import org.workstudy.placements.Placements;
import org.workstudy.positions.PositionBank;
import org.workstudy.positions.PositionView;
import org.workstudy.statistics.internal.TimeOfWork;

/**
 * Keeps statistics' summary ({@code sts_*}) in step with the owners: for a set of students it asks organization
 * (where they are), hours ({@link HoursFigures}), placements and positions, credits (exemptions, recognition,
 * deferrals) through their facades, and rewrites those students' rows in one transaction per chunk. Which students
 * are due: those marked dirty by an event (hours counted or voided, a placement), those not summarised yet, and the
 * rest once a day (standings move with the calendar even when nothing is written).
 */
@Service
public class StatisticsRefresh {

    static final int CHUNK = 500;
    /** The advisory lock key that serialises refresh transactions ("sts" in ASCII). */
    private static final long REFRESH_LOCK = 0x737473L;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final Roster roster;
    private final Organization organization;
    private final HoursFigures hours;
    private final Placements placements;
    private final PositionBank positions;
    private final CreditStandings credits;
    private final Clock clock;

    StatisticsRefresh(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, Roster roster,
            Organization organization, HoursFigures hours, Placements placements, PositionBank positions,
            CreditStandings credits, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.roster = roster;
        this.organization = organization;
        this.hours = hours;
        this.placements = placements;
        this.positions = positions;
        this.credits = credits;
        this.clock = clock;
    }

    /** Marks students for the next refresh (from the events of other modules). */
    void markDirty(Collection<Long> studentIds) {
        Timestamp now = Timestamp.from(clock.instant());
        batch.batchUpdate("INSERT INTO sts_dirty (student_id, marked_at) VALUES (?, ?)"
                        + " ON CONFLICT (student_id) DO UPDATE SET marked_at = EXCLUDED.marked_at",
                new LinkedHashSet<>(studentIds).stream().map(id -> new Object[] {id, now}).toList());
    }

    /**
     * Refreshes up to {@code limit} due students (dirty first, then never summarised, then not refreshed today),
     * one transaction per chunk. Returns how many were refreshed.
     */
    public int refreshDue(int limit) {
        List<Long> due = new ArrayList<>(jdbc.sql("SELECT student_id FROM sts_dirty ORDER BY marked_at LIMIT ?")
                .param(limit).query(Long.class).list());
        if (due.size() < limit) {
            Set<Long> known = new HashSet<>(jdbc.sql("SELECT student_id FROM sts_student").query(Long.class).list());
            for (Long id : roster.studentIds(null)) {
                if (due.size() >= limit) {
                    break;
                }
                if (!known.contains(id) && !due.contains(id)) {
                    due.add(id);
                }
            }
        }
        if (due.size() < limit) {
            Instant today = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
            due.addAll(jdbc.sql("SELECT student_id FROM sts_student WHERE refreshed_at < ? ORDER BY refreshed_at"
                            + " LIMIT ?").param(Timestamp.from(today)).param(limit - due.size())
                    .query(Long.class).list());
        }
        List<Long> ids = List.copyOf(new LinkedHashSet<>(due));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            refresh(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return ids.size();
    }

    /**
     * Brings the summary up to date with every recorded change: refreshes the students marked dirty and those never
     * summarised (not the daily pass), chunk by chunk. Assessment calls it before it freezes a month, so that the
     * frozen figures hold everything written until then. Returns how many were refreshed.
     */
    public int refreshPending() {
        List<Long> due = new ArrayList<>(jdbc.sql("SELECT student_id FROM sts_dirty ORDER BY marked_at")
                .query(Long.class).list());
        Set<Long> known = new HashSet<>(jdbc.sql("SELECT student_id FROM sts_student").query(Long.class).list());
        for (Long id : roster.studentIds(null)) {
            if (!known.contains(id)) {
                due.add(id);
            }
        }
        List<Long> ids = List.copyOf(new LinkedHashSet<>(due));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            refresh(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return ids.size();
    }

    /** Refreshes every student (after a restore, or for a benchmark), chunk by chunk. */
    public int refreshAll() {
        List<Long> ids = roster.studentIds(null);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            refresh(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return ids.size();
    }

    /** Rewrites these students' summary rows from the owners' current answers, in one transaction. */
    public void refresh(Collection<Long> studentIds) {
        if (studentIds.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> write(List.copyOf(new LinkedHashSet<>(studentIds))));
    }

    private void write(List<Long> ids) {
        // one refresh at a time (the job, a rebuild, another instance): each rewrites rows by delete and insert
        jdbc.sql("SELECT pg_advisory_xact_lock(" + REFRESH_LOCK + ")").query(Object.class).single();
        Instant now = clock.instant();
        Map<Long, Student> students = roster.findAll(ids);
        Map<Long, SchoolClass> classes = new HashMap<>();
        students.values().forEach(s -> classes.computeIfAbsent(s.classId(),
                id -> organization.schoolClass(id).orElse(null)));
        Map<Long, HoursFigures.StudentFigures> figures = hours.of(students.keySet());
        Map<Long, List<PlacementView>> placed = placements.ofStudents(students.keySet());
        Map<Long, PositionView> positionsById = new HashMap<>();
        positions.findAll(placed.values().stream().flatMap(List::stream).map(PlacementView::positionId)
                .collect(java.util.stream.Collectors.toSet())).forEach(p -> positionsById.put(p.id(), p));
        Map<Long, ExemptionStanding> exemptions = credits.exemptions(students.keySet());
        Set<Long> recognised = credits.records(students.keySet()).keySet();
        Map<Long, DeferralStanding> deferrals = credits.deferrals(students.keySet());

        Set<Long> touchedClasses = new HashSet<>(jdbc.sql("SELECT DISTINCT class_id FROM sts_student"
                + " WHERE student_id IN (:ids)").param("ids", ids).query(Long.class).list());
        jdbc.sql("DELETE FROM sts_hours WHERE student_id IN (:ids)").param("ids", ids).update();
        jdbc.sql("DELETE FROM sts_placement WHERE student_id IN (:ids)").param("ids", ids).update();
        List<Long> gone = ids.stream().filter(id -> !students.containsKey(id)).toList();
        if (!gone.isEmpty()) {
            jdbc.sql("DELETE FROM sts_student WHERE student_id IN (:ids)").param("ids", gone).update();
        }

        List<Object[]> studentRows = new ArrayList<>();
        List<Object[]> hourRows = new ArrayList<>();
        List<Object[]> placementRows = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        for (Student s : students.values()) {
            SchoolClass c = classes.get(s.classId());
            HoursFigures.StudentFigures f = figures.get(s.id());
            if (c == null || f == null) {
                continue;
            }
            touchedClasses.add(c.id());
            ExemptionStanding ex = exemptions.get(s.id());
            BigDecimal offset = Standing.offsetHours(ex);
            Standing standing = Standing.of(f, ex, recognised.contains(s.id()));
            DeferralStanding d = deferrals.get(s.id());
            studentRows.add(new Object[] {s.id(), c.collegeId(), c.majorId(), c.id(), c.cohort(), s.status().name(),
                    f.requiredHours(), f.countedHours(), f.waitingHours(), f.expectedHours(), f.completed(), f.behind(),
                    f.projectedShort(), ex == null ? null : ex.kind().name(), offset, recognised.contains(s.id()),
                    d == null ? null : d.released() ? "RELEASED" : "DEFERRED", standing.completed(),
                    standing.onTrack(), standing.atRisk(), at});
            Map<List<Object>, BigDecimal> sums = new HashMap<>();
            for (HoursFigures.CountedGroup g : f.counted()) {
                sums.merge(List.of(g.workMonth(), g.enteredMonth(), TimeOfWork.of(g.dayKind()), g.source().name()),
                        g.hours(), BigDecimal::add);
            }
            sums.forEach((k, h) -> hourRows.add(new Object[] {s.id(), month((YearMonth) k.get(0)),
                    month((YearMonth) k.get(1)), ((TimeOfWork) k.get(2)).name(), k.get(3), c.collegeId(), c.majorId(), c.id(),
                    c.cohort(), h}));
            for (PlacementView p : placed.getOrDefault(s.id(), List.of())) {
                PositionView pos = positionsById.get(p.positionId());
                if (pos == null) {
                    continue;
                }
                placementRows.add(new Object[] {p.id(), s.id(), c.collegeId(), c.majorId(), c.id(), c.cohort(), pos.id(),
                        Optional.ofNullable(pos.type()).orElse("FIXED"), pos.bank().name(), pos.onCampus(),
                        pos.employerId(), pos.employerName(),
                        Date.valueOf(LocalDate.ofInstant(p.createdAt(), clock.getZone())), p.active()});
            }
        }
        batch.batchUpdate("INSERT INTO sts_student (student_id, college_id, major_id, class_id, cohort, status,"
                + " required_hours, counted_hours, waiting_hours, expected_hours, hours_done, behind, projected_short,"
                + " exemption, offset_hours, recognised, deferral, completed, on_track, at_risk, refreshed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (student_id) DO UPDATE SET college_id = EXCLUDED.college_id,"
                + " major_id = EXCLUDED.major_id, class_id = EXCLUDED.class_id, cohort = EXCLUDED.cohort,"
                + " status = EXCLUDED.status, required_hours = EXCLUDED.required_hours,"
                + " counted_hours = EXCLUDED.counted_hours, waiting_hours = EXCLUDED.waiting_hours,"
                + " expected_hours = EXCLUDED.expected_hours, hours_done = EXCLUDED.hours_done,"
                + " behind = EXCLUDED.behind, projected_short = EXCLUDED.projected_short,"
                + " exemption = EXCLUDED.exemption, offset_hours = EXCLUDED.offset_hours,"
                + " recognised = EXCLUDED.recognised, deferral = EXCLUDED.deferral, completed = EXCLUDED.completed,"
                + " on_track = EXCLUDED.on_track, at_risk = EXCLUDED.at_risk, refreshed_at = EXCLUDED.refreshed_at",
                studentRows);
        batch.batchUpdate("INSERT INTO sts_hours (student_id, work_month, entered_month, time_kind, source_kind,"
                + " college_id, major_id, class_id, cohort, hours) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", hourRows);
        batch.batchUpdate("INSERT INTO sts_placement (placement_id, student_id, college_id, major_id, class_id,"
                + " cohort, position_id, position_type, bank, on_campus, employer_id, employer_name, placed_on, active)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", placementRows);
        if (!touchedClasses.isEmpty()) {
            // the per-class sums the dashboards read, rebuilt for every class that lost or gained a student's hours
            jdbc.sql("DELETE FROM sts_class_hours WHERE class_id IN (:ids)").param("ids", touchedClasses).update();
            jdbc.sql("INSERT INTO sts_class_hours (class_id, college_id, major_id, cohort, work_month, time_kind,"
                    + " source_kind, hours) SELECT class_id, min(college_id), min(major_id), min(cohort), work_month,"
                    + " time_kind, source_kind, sum(hours) FROM sts_hours WHERE class_id IN (:ids)"
                    + " GROUP BY class_id, work_month, time_kind, source_kind").param("ids", touchedClasses).update();
        }
        jdbc.sql("DELETE FROM sts_dirty WHERE student_id IN (:ids) AND marked_at <= :at").param("ids", ids)
                .param("at", at).update();
        jdbc.sql("UPDATE sts_generation SET generation = generation + 1, refreshed_at = :at WHERE id = 1")
                .param("at", at).update();
    }

    private static Date month(YearMonth m) {
        return Date.valueOf(m.atDay(1));
    }
}
