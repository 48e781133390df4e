package org.workstudy.positions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.workstudy.places.Divisions;
import org.workstudy.positions.internal.PositionEvent;
import org.workstudy.shared.PageResult;

/** SQL of positions and their events. */
@Repository
class PositionStore {

    static final String SELECT = "SELECT p.id, p.bank, p.bank_college_id, p.employer_id, e.name, e.on_campus, p.title,"
            + " p.description, p.type, p.time_kinds, p.place, p.city, p.capacity, p.hours_per_shift, p.hourly_pay,"
            + " p.work_from, p.work_to, p.opens_at, p.closes_at, p.eligible_colleges, p.eligible_cohorts,"
            + " p.selection_mode, p.safety_notes, p.status, p.division_code"
            + " FROM pos_position p JOIN pos_employer e ON e.id = p.employer_id";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Divisions divisions;

    PositionStore(JdbcClient jdbc, Clock clock, Divisions divisions) {
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A restriction of a search to what a user may see; null fields restrict nothing. */
    record Restriction(Set<Long> bankCollegeIds, Set<Long> employerIds, boolean nothing) {
        static Restriction none() {
            return new Restriction(null, null, false);
        }
    }

    /** A form's place is a division code (checked by the workflow); the city column holds its label for lists. */
    private String label(String divisionCode) {
        return divisions.find(divisionCode).map(org.workstudy.places.Division::label).orElse(divisionCode);
    }

    Optional<PositionView> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(PositionStore::view).optional();
    }

    List<PositionView> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE p.id IN (:ids) ORDER BY p.id").param("ids", ids)
                .query(PositionStore::view).list();
    }

    PageResult<PositionView> search(PositionQuery q, Restriction r, int page, int size) {
        size = PageResult.clampSize(size);
        page = Math.max(0, page);
        if (r.nothing()) {
            return new PageResult<>(List.of(), page, size, 0);
        }
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (q.text() != null && !q.text().isBlank()) {
            String like = "%" + q.text().trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
            where.append(" AND (lower(p.title) LIKE ? OR lower(e.name) LIKE ? OR lower(p.place) LIKE ?)");
            params.addAll(List.of(like, like, like));
        }
        if (q.bank() != null) {
            where.append(" AND p.bank = ?");
            params.add(q.bank().name());
        }
        if (q.collegeId() != null) {
            where.append(" AND p.bank_college_id = ?");
            params.add(q.collegeId());
        }
        if (q.status() != null) {
            where.append(" AND p.status = ?");
            params.add(q.status().name());
        }
        if (q.employerId() != null) {
            where.append(" AND p.employer_id = ?");
            params.add(q.employerId());
        }
        if (q.timeKind() != null) {
            where.append(" AND (',' || p.time_kinds || ',') LIKE ?");
            params.add("%," + q.timeKind().name() + ",%");
        }
        if (q.onCampus() != null) {
            where.append(" AND e.on_campus = ?");
            params.add(q.onCampus());
        }
        if (q.city() != null && !q.city().isBlank()) {
            // a division code finds its districts (350200: all of 厦门市); a name finds labels containing it
            String c = q.city().trim();
            if (c.matches("\\d{6}")) {
                where.append(" AND p.division_code LIKE ?");
                params.add(c.replaceAll("(00)+$", "") + "%");
            } else {
                where.append(" AND p.city LIKE ?");
                params.add("%" + c.replace("%", "").replace("_", "") + "%");
            }
        }
        if (q.openNow() != null) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            where.append(q.openNow() ? " AND " : " AND NOT ")
                    .append("(p.status = 'PUBLISHED' AND p.opens_at <= ? AND p.closes_at > ?)");
            params.add(now);
            params.add(now);
        }
        if (r.bankCollegeIds() != null) {
            where.append(" AND p.bank = 'COLLEGE' AND p.bank_college_id IN (").append(ids(r.bankCollegeIds()))
                    .append(")");
        }
        if (r.employerIds() != null) {
            where.append(" AND p.employer_id IN (").append(ids(r.employerIds())).append(")");
        }
        long total = jdbc.sql("SELECT count(*) FROM pos_position p JOIN pos_employer e ON e.id = p.employer_id" + where)
                .params(params).query(Long.class).single();
        PageResult<PositionView> shape = new PageResult<>(List.of(), page, size, total);
        List<PositionView> items = jdbc.sql(SELECT + where + " ORDER BY p.id DESC LIMIT " + size + " OFFSET "
                + shape.offset()).params(params).query(PositionStore::view).list();
        return new PageResult<>(items, page, size, total);
    }

    long insert(PositionForm f, ZoneId zone, String createdBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO pos_position (bank, bank_college_id, employer_id, title, description, type, time_kinds,"
                        + " place, city, capacity, hours_per_shift, hourly_pay, work_from, work_to, opens_at, closes_at,"
                        + " eligible_colleges, eligible_cohorts, selection_mode, safety_notes, status, created_at,"
                        + " created_by, division_code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(f.bank().name(), f.bankCollegeId(), f.employerId(), f.title(), f.description(),
                        f.type().name(), join(f.timeKinds()), f.place(), label(f.city()), f.capacity(), f.hoursPerShift(),
                        f.hourlyPay(), f.workFrom(), f.workTo(), f.opensAt().atZone(zone).toOffsetDateTime(),
                        f.closesAt().atZone(zone).toOffsetDateTime(), join(f.eligibleCollegeIds()),
                        join(f.eligibleCohorts()), f.selectionMode().name(), f.safetyNotes(),
                        PositionStatus.DRAFT.name(), OffsetDateTime.now(clock), createdBy, f.city())
                .update(key, "id");
        return key.getKey().longValue();
    }

    void update(long id, PositionForm f, ZoneId zone) {
        jdbc.sql("UPDATE pos_position SET employer_id = ?, title = ?, description = ?, type = ?, time_kinds = ?,"
                        + " place = ?, city = ?, capacity = ?, hours_per_shift = ?, hourly_pay = ?, work_from = ?,"
                        + " work_to = ?, opens_at = ?, closes_at = ?, eligible_colleges = ?, eligible_cohorts = ?,"
                        + " selection_mode = ?, safety_notes = ?, division_code = ? WHERE id = ?")
                .params(f.employerId(), f.title(), f.description(), f.type().name(), join(f.timeKinds()), f.place(),
                        label(f.city()), f.capacity(), f.hoursPerShift(), f.hourlyPay(), f.workFrom(), f.workTo(),
                        f.opensAt().atZone(zone).toOffsetDateTime(), f.closesAt().atZone(zone).toOffsetDateTime(),
                        join(f.eligibleCollegeIds()), join(f.eligibleCohorts()), f.selectionMode().name(),
                        f.safetyNotes(), f.city(), id)
                .update();
    }

    /** Moves the status only if it is still {@code from}; false when another request moved it first. */
    boolean moveStatus(long id, PositionStatus from, PositionStatus to) {
        String published = to == PositionStatus.PUBLISHED ? ", published_at = ?" : "";
        List<Object> params = new ArrayList<>();
        params.add(to.name());
        if (!published.isEmpty()) {
            params.add(OffsetDateTime.now(clock));
        }
        params.add(id);
        params.add(from.name());
        return jdbc.sql("UPDATE pos_position SET status = ?" + published + " WHERE id = ? AND status = ?")
                .params(params).update() == 1;
    }

    void setCapacity(long id, int capacity) {
        jdbc.sql("UPDATE pos_position SET capacity = ? WHERE id = ?").params(capacity, id).update();
    }

    void addEvent(long positionId, String actor, String actorName, String action, PositionStatus from,
            PositionStatus to, String reason) {
        jdbc.sql("INSERT INTO pos_position_event (position_id, at, actor, actor_name, action, from_status, to_status,"
                        + " reason) VALUES (?,?,?,?,?,?,?,?)")
                .params(positionId, OffsetDateTime.now(clock), actor, actorName, action,
                        from == null ? null : from.name(), to.name(), reason)
                .update();
    }

    List<PositionEvent> events(long positionId) {
        return jdbc.sql("SELECT id, at, actor, actor_name, action, from_status, to_status, reason"
                        + " FROM pos_position_event WHERE position_id = ? ORDER BY id")
                .param(positionId)
                .query((rs, n) -> new PositionEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5),
                        rs.getString(6) == null ? null : PositionStatus.valueOf(rs.getString(6)),
                        PositionStatus.valueOf(rs.getString(7)), rs.getString(8)))
                .list();
    }

    /** Positions published from {@code from} up to (not including) {@code to}, optionally of one college's bank. */
    long publishedBetween(Instant from, Instant to, Long collegeId) {
        return jdbc.sql("SELECT count(*) FROM pos_position WHERE published_at >= ? AND published_at < ?"
                        + (collegeId == null ? "" : " AND bank = 'COLLEGE' AND bank_college_id = " + collegeId))
                .params(from.atOffset(java.time.ZoneOffset.UTC), to.atOffset(java.time.ZoneOffset.UTC))
                .query(Long.class).single();
    }

    static String join(Collection<?> values) {
        return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(","));
    }

    private static String ids(Set<Long> ids) {
        return ids.isEmpty() ? "NULL" : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static <T> Set<T> split(String text, java.util.function.Function<String, T> parse) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(parse)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static PositionView view(ResultSet rs, int n) throws SQLException {
        long college = rs.getLong(3);
        Long bankCollegeId = rs.wasNull() ? null : college;
        Set<TimeKind> kinds = EnumSet.noneOf(TimeKind.class);
        kinds.addAll(split(rs.getString(10), TimeKind::valueOf));
        return new PositionView(rs.getLong(1), BankKind.valueOf(rs.getString(2)), bankCollegeId, rs.getLong(4),
                rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getString(9), kinds,
                rs.getString(11), rs.getString(12), rs.getInt(13), rs.getBigDecimal(14), rs.getBigDecimal(15),
                rs.getObject(16, LocalDate.class), rs.getObject(17, LocalDate.class),
                rs.getTimestamp(18).toInstant(), rs.getTimestamp(19).toInstant(),
                split(rs.getString(20), Long::valueOf), split(rs.getString(21), Integer::valueOf),
                SelectionMode.valueOf(rs.getString(22)), rs.getString(23), PositionStatus.valueOf(rs.getString(24)),
                rs.getString(25));
    }
}
