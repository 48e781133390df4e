package org.workstudy.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.workstudy.shared.TermCode;

/** The calendar's rows: terms, special days, published years and the version row that orders writes. */
@Repository
class CalendarStore {

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Term> terms() {
        return jdbc.sql("SELECT id, code, starts_on, ends_on FROM cal_term ORDER BY starts_on")
                .query((rs, n) -> new Term(rs.getLong(1), TermCode.parse(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
                .list();
    }

    long insertTerm(TermCode code, LocalDate startsOn, LocalDate endsOn) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cal_term (code, starts_on, ends_on) VALUES (?,?,?)")
                .params(code.toString(), startsOn, endsOn).update(key, "id");
        return key.getKey().longValue();
    }

    void updateTerm(long id, TermCode code, LocalDate startsOn, LocalDate endsOn) {
        jdbc.sql("UPDATE cal_term SET code = ?, starts_on = ?, ends_on = ? WHERE id = ?")
                .params(code.toString(), startsOn, endsOn, id).update();
    }

    void deleteTerm(long id) {
        jdbc.sql("DELETE FROM cal_term WHERE id = ?").param(id).update();
    }

    List<SpecialDay> specialDays() {
        return jdbc.sql("SELECT special_date, kind, name FROM cal_special_day").query(CalendarStore::specialDay).list();
    }

    /** The special days of a calendar year, by date. */
    List<SpecialDay> specialDays(int year) {
        return jdbc.sql("SELECT special_date, kind, name FROM cal_special_day WHERE special_date BETWEEN ? AND ?"
                        + " ORDER BY special_date")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query(CalendarStore::specialDay).list();
    }

    Optional<SpecialDay> specialDay(LocalDate date) {
        return jdbc.sql("SELECT special_date, kind, name FROM cal_special_day WHERE special_date = ?").param(date)
                .query(CalendarStore::specialDay).optional();
    }

    void insertSpecialDay(SpecialDay day) {
        jdbc.sql("INSERT INTO cal_special_day (special_date, kind, name) VALUES (?,?,?)")
                .params(day.date(), day.kind().name(), day.name()).update();
    }

    void deleteSpecialDay(LocalDate date) {
        jdbc.sql("DELETE FROM cal_special_day WHERE special_date = ?").param(date).update();
    }

    void deleteSpecialDays(int year) {
        jdbc.sql("DELETE FROM cal_special_day WHERE special_date BETWEEN ? AND ?")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).update();
    }

    /** Years with special days whose arrangement is not entered, in order. */
    List<Integer> provisionalYearsWithSpecialDays() {
        return jdbc.sql("SELECT DISTINCT EXTRACT(YEAR FROM special_date)::INT FROM cal_special_day"
                + " WHERE EXTRACT(YEAR FROM special_date)::INT NOT IN (SELECT year FROM cal_year) ORDER BY 1")
                .query(Integer.class).list();
    }

    Set<Integer> publishedYears() {
        return new TreeSet<>(jdbc.sql("SELECT year FROM cal_year").query(Integer.class).list());
    }

    boolean isPublished(int year) {
        return jdbc.sql("SELECT count(*) FROM cal_year WHERE year = ?").param(year).query(Long.class).single() > 0;
    }

    void markPublished(int year, String source, OffsetDateTime at, String by) {
        jdbc.sql("INSERT INTO cal_year (year, source, published_at, published_by) VALUES (?,?,?,?)"
                        + " ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source,"
                        + " published_at = EXCLUDED.published_at, published_by = EXCLUDED.published_by")
                .params(year, source, at, by).update();
    }

    /** Bumps the version, taking its row lock until the transaction ends: calendar writes run one at a time. */
    void bumpVersion() {
        jdbc.sql("UPDATE cal_version SET version = version + 1 WHERE id = 1").update();
    }

    long version() {
        return jdbc.sql("SELECT version FROM cal_version WHERE id = 1").query(Long.class).single();
    }

    private static SpecialDay specialDay(ResultSet rs, int n) throws SQLException {
        return new SpecialDay(rs.getObject(1, LocalDate.class), SpecialDayKind.valueOf(rs.getString(2)),
                rs.getString(3));
    }
}
