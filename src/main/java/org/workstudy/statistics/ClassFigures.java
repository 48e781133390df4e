package org.workstudy.statistics;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-class counts from statistics' summary for the whole school (no user, no scope check: the caller decides who may
 * see the result). Used by assessment, which freezes them month by month; the definitions of the standings are
 * those of {@link Standing}, and the hours are counted hours by the month they were entered ({@code sts_hours}).
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

    ClassFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
