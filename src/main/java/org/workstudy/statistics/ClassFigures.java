package org.workstudy.statistics;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.organization.Roster;

/**
 * Per-class counts from statistics' summary for the whole school (no user, no scope check: the caller decides who may
 * see the result). Used by assessment, which freezes them month by month; the definitions of the standings are
 * those of {@link Standing}, and the hours are counted hours by the month they were entered ({@code sts_hours}).
 * The standings of a past day ({@link #standingsAsOf}) are computed from the owners, not the summary.
 */
@Service
public class ClassFigures {

    /**
     * A class's students not withdrawn, how many of them are on track (completed counts as on track) and how many are
     * at risk (behind the even pace or short by the projection, not completed).
     */
    public record ClassStanding(long classId, long collegeId, long students, long onTrack, long atRisk) {
    }

    /**
     * A class's counted hours whose record was entered in a month: all of them, and those worked in the same month
     * (entered by the end of the month they were worked in).
     */
    public record ClassEntries(long classId, long collegeId, BigDecimal enteredHours, BigDecimal sameMonthHours) {
    }

    private final JdbcClient jdbc;
    private final Roster roster;
    private final PastStandings past;

    ClassFigures(JdbcClient jdbc, Roster roster, PastStandings past) {
        this.jdbc = jdbc;
        this.roster = roster;
        this.past = past;
    }

    /** Every class's standings as the summary holds them now. */
    @Transactional(readOnly = true)
    public List<ClassStanding> standings() {
        return jdbc.sql("SELECT class_id, college_id, count(*), count(*) FILTER (WHERE on_track),"
                        + " count(*) FILTER (WHERE at_risk) FROM sts_student"
                        + " WHERE status <> 'WITHDRAWN' GROUP BY class_id, college_id ORDER BY class_id")
                .query((rs, n) -> new ClassStanding(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    /**
     * Every class's standings as they stood at the end of {@code asOf} (a month frozen late), by the same
     * {@link Standing} rule, computed from the owners rather than the summary: see {@link PastStandings} for what is
     * reconstructed (hours entered and worked by that day, the pace of that day) and what is today's.
     */
    @Transactional(readOnly = true)
    public List<ClassStanding> standingsAsOf(LocalDate asOf) {
        return standingsAsOf(List.of(asOf)).get(asOf);
    }

    /**
     * {@link #standingsAsOf(LocalDate)} for several days in one pass over the students (batches of
     * {@code StatisticsRefresh.CHUNK}, the ledger read once per batch); each day maps to its standings.
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, List<ClassStanding>> standingsAsOf(Collection<LocalDate> days) {
        Map<LocalDate, Map<Long, long[]>> counts = new TreeMap<>(); // day -> class -> college, students, on track, risk
        days.forEach(d -> counts.put(d, new TreeMap<>()));
        List<Long> ids = roster.studentIds(null);
        for (int from = 0; from < ids.size(); from += StatisticsRefresh.CHUNK) {
            past.of(ids.subList(from, Math.min(ids.size(), from + StatisticsRefresh.CHUNK)), counts.keySet())
                    .forEach((day, students) -> students.values().forEach(p -> {
                        long[] n = counts.get(day).computeIfAbsent(p.classId(), k -> new long[] {p.collegeId(), 0,
                                0, 0});
                        n[1]++;
                        n[2] += p.standing().onTrack() ? 1 : 0;
                        n[3] += p.standing().atRisk() ? 1 : 0;
                    }));
        }
        Map<LocalDate, List<ClassStanding>> out = new HashMap<>();
        counts.forEach((day, byClass) -> out.put(day, byClass.entrySet().stream()
                .map(e -> new ClassStanding(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[3]))
                .toList()));
        return out;
    }

    /** Every class's counted hours entered in the month. */
    @Transactional(readOnly = true)
    public List<ClassEntries> enteredIn(YearMonth month) {
        return jdbc.sql("SELECT class_id, college_id, sum(hours), coalesce(sum(hours) FILTER"
                        + " (WHERE work_month = entered_month), 0) FROM sts_hours WHERE entered_month = ?"
                        + " GROUP BY class_id, college_id ORDER BY class_id")
                .param(Date.valueOf(month.atDay(1)))
                .query((rs, n) -> new ClassEntries(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4)))
                .list();
    }

    /** The first month in which a counted record was entered, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<YearMonth> firstEnteredMonth() {
        return jdbc.sql("SELECT min(entered_month) FROM sts_hours").query((rs, n) -> rs.getDate(1)).optional()
                .filter(java.util.Objects::nonNull).map(d -> YearMonth.from(d.toLocalDate()));
    }
}
