package org.workstudy.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy versions. {@link #forCohort} answers which numbers apply to a cohort; a cohort before the first
 * version's (2016 by default) has no work-study requirement.
 */
@Service
public class Policies {

    private static final String SELECT = "SELECT id, from_cohort, name, course_name, credits, required_hours,"
            + " hours_per_day, semester_window, home_city, offset_hours_per_credit, partial_offset_allowed,"
            + " notice_working_days, evening_from, cap_day_hours, cap_term_week_hours, cap_term_month_hours, note,"
            + " created_by, created_at FROM pol_version";

    private final JdbcClient jdbc;

    Policies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every version, oldest first, each with the last cohort it covers. */
    @Transactional(readOnly = true)
    public List<PolicyVersion> versions() {
        List<PolicyVersion> rows = jdbc.sql(SELECT + " ORDER BY from_cohort").query(Policies::row).list();
        List<PolicyVersion> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            PolicyVersion v = rows.get(i);
            Integer to = i + 1 < rows.size() ? rows.get(i + 1).fromCohort() - 1 : null;
            out.add(new PolicyVersion(v.id(), v.fromCohort(), to, v.name(), v.courseName(), v.credits(),
                    v.requiredHours(), v.hoursPerDay(), v.semesterWindow(), v.homeCity(), v.offsetHoursPerCredit(),
                    v.partialOffsetAllowed(), v.noticeWorkingDays(), v.eveningFrom(), v.capDayHours(),
                    v.capTermWeekHours(), v.capTermMonthHours(), v.note(), v.createdBy(), v.createdAt()));
        }
        return out;
    }

    /** The version the cohort enrolled under; empty for a cohort before the first version. */
    @Transactional(readOnly = true)
    public Optional<PolicyVersion> forCohort(int cohort) {
        return versions().stream().filter(v -> v.covers(cohort)).findFirst();
    }

    /** The newest version (the one new cohorts enrol under). */
    @Transactional(readOnly = true)
    public PolicyVersion newest() {
        List<PolicyVersion> all = versions();
        return all.get(all.size() - 1);
    }

    private static PolicyVersion row(ResultSet rs, int n) throws SQLException {
        return new PolicyVersion(rs.getLong(1), rs.getInt(2), null, rs.getString(3), rs.getString(4),
                rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getInt(8), rs.getString(9),
                rs.getBigDecimal(10), rs.getBoolean(11), rs.getInt(12), rs.getTime(13).toLocalTime(),
                rs.getBigDecimal(14), rs.getBigDecimal(15), rs.getBigDecimal(16), rs.getString(17), rs.getString(18),
                rs.getTimestamp(19).toInstant());
    }
}
