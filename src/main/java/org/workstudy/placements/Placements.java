package org.workstudy.placements;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentQuery;
import org.workstudy.organization.StudentStatus;
import org.workstudy.positions.PlanActuals;
import org.workstudy.positions.PositionBank;
import org.workstudy.positions.PositionStatus;
import org.workstudy.positions.PositionView;
import org.workstudy.shared.BusinessException;

/**
 * Placements: the students on each position. The school, a college or a counselor may place a chosen list of
 * students, or a whole class, on a position in one action (统一安排): all of them or none, within the free places.
 */
@Service
public class Placements implements PlanActuals {

    static final String SELECT = "SELECT p.id, p.position_id, p.student_id, p.source, p.created_at, p.created_by,"
            + " p.ended_at FROM plc_placement p";

    private final JdbcClient jdbc;
    private final Seats seats;
    private final PositionBank positions;
    private final Roster roster;
    private final Organization organization;
    private final DataScope scope;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Placements(JdbcClient jdbc, Seats seats, PositionBank positions, Roster roster, Organization organization,
            DataScope scope, Notifications notifications, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.seats = seats;
        this.positions = positions;
        this.roster = roster;
        this.organization = organization;
        this.scope = scope;
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Places students given by 学号 (as typed on the page), all or none. The position and the user's right to arrange
     * are checked first, and a number that is unknown or outside the user's scope is refused the same way as a
     * student who cannot be placed, so that the answer tells nobody which numbers exist.
     */
    @Transactional
    public int placeByNumbers(CurrentUser user, long positionId, List<String> studentNumbers) {
        arrangeable(user, positionId);
        List<Long> ids = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String no : studentNumbers) {
            java.util.Optional<Long> id = roster.findByNumber(no).map(Student::id)
                    .filter(found -> scope.maySeeStudent(user, found));
            if (id.isPresent()) {
                ids.add(id.get());
            } else {
                refused.add(no);
            }
        }
        if (!refused.isEmpty()) {
            throw BusinessException.invalid("placements.arrange.refused", String.join("、", refused));
        }
        return place(user, positionId, ids);
    }

    /** Places these students on the position, all or none. Returns how many were placed. */
    @Transactional
    public int place(CurrentUser user, long positionId, List<Long> studentIds) {
        PositionView position = arrangeable(user, positionId);
        if (studentIds.isEmpty()) {
            throw BusinessException.invalid("placements.arrange.nobody");
        }
        List<String> problems = new ArrayList<>();
        for (long id : studentIds.stream().distinct().toList()) {
            if (!scope.maySeeStudent(user, id)) {
                problems.add(String.valueOf(id));
                continue;
            }
            Student s = roster.find(id).orElseThrow();
            SchoolClass c = organization.schoolClass(s.classId()).orElseThrow();
            if (s.status() != StudentStatus.ACTIVE || !position.admits(c.collegeId(), c.cohort())
                    || activePlacement(positionId, id)) {
                problems.add(s.studentNo() + " " + s.name());
            }
        }
        if (!problems.isEmpty()) {
            throw BusinessException.invalid("placements.arrange.refused", String.join("、", problems));
        }
        List<Long> ids = studentIds.stream().distinct().toList();
        seats.ensure(positionId, position.capacity());
        if (!seats.take(positionId, ids.size())) {
            throw BusinessException.conflict("placements.arrange.full", ids.size(), seats(position).free());
        }
        for (long studentId : ids) {
            long placementId = PlacementWriter.insert(jdbc, clock, positionId, studentId, PlacementSource.ARRANGED,
                    null, user.username()).orElseThrow();
            audit.record("placement", placementId, "arrange", Map.of("position", positionId, "student", studentId));
            events.publishEvent(new PlacementAccepted(placementId, positionId, studentId, PlacementSource.ARRANGED));
            roster.find(studentId).map(Student::accountId).ifPresent(account -> notifications.send(account,
                    "placements.notify.arranged", List.of(position.title(), position.employerName()),
                    "/my/applications"));
        }
        return ids.size();
    }

    /** Places every enrolled student of the class, all or none. */
    @Transactional
    public int placeClass(CurrentUser user, long positionId, long classId) {
        scope.requireClass(user, classId);
        List<Long> ids = new ArrayList<>();
        roster.forEach(user, new StudentQuery(null, null, classId, null, StudentStatus.ACTIVE), s -> ids.add(s.id()));
        return place(user, positionId, ids);
    }

    /** Placements of a student, newest first. */
    public List<PlacementView> ofStudent(long studentId) {
        return views(jdbc.sql(SELECT + " WHERE p.student_id = ? ORDER BY p.created_at DESC").param(studentId)
                .query(Placements::row).list());
    }

    /**
     * Placements on a position: all of them for those who manage it (its employer, the center, its college); for
     * those who only arrange (counselors, other colleges) just the students in their scope.
     */
    public List<PlacementView> ofPosition(CurrentUser user, long positionId) {
        boolean manages = positions.mayManage(user, positionId);
        if (!manages && !mayArrange(user)) {
            throw BusinessException.notFound("error.not-found");
        }
        List<PlacementView> rows = jdbc.sql(SELECT + " WHERE p.position_id = ? ORDER BY p.created_at")
                .param(positionId).query(Placements::row).list();
        if (!manages) {
            Set<Long> visible = scope.visibleStudents(user, rows.stream().map(PlacementView::studentId).toList());
            rows = rows.stream().filter(r -> visible.contains(r.studentId())).toList();
        }
        return views(rows);
    }

    public boolean activePlacement(long positionId, long studentId) {
        return jdbc.sql("SELECT count(*) FROM plc_placement WHERE position_id = ? AND student_id = ? AND ended_at IS NULL")
                .params(positionId, studentId).query(Long.class).single() > 0;
    }

    /** Roles that arrange placements: the center, college admins and counselors (within their scope). */
    public static boolean mayArrange(CurrentUser user) {
        return user.acts(Role.CENTER_STAFF) || user.acts(Role.ADMIN) || user.acts(Role.COLLEGE_ADMIN)
                || user.acts(Role.COUNSELOR);
    }

    private PositionView arrangeable(CurrentUser user, long positionId) {
        if (!mayArrange(user)) {
            throw BusinessException.forbidden();
        }
        PositionView position = positions.find(positionId)
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (position.status() != PositionStatus.PUBLISHED) {
            throw BusinessException.invalid("placements.arrange.not-published");
        }
        boolean collegeBankOfOther = position.bankCollegeId() != null && user.acts(Role.COLLEGE_ADMIN)
                && !user.activeScopeIds().contains(position.bankCollegeId());
        if (collegeBankOfOther) {
            throw BusinessException.notFound("error.not-found");
        }
        return position;
    }

    private SeatCount seats(PositionView position) {
        return seats.counts(List.of(position.id())).getOrDefault(position.id(),
                new SeatCount(position.id(), position.capacity(), 0, 0));
    }

    /** Placements made in the academic year (September to August), for the annual plan's actual figures. */
    @Override
    public long placements(Long collegeId, String academicYear) {
        int start = Integer.parseInt(academicYear.substring(0, 4));
        Instant from = java.time.LocalDate.of(start, 9, 1).atStartOfDay(clock.getZone()).toInstant();
        Instant to = java.time.LocalDate.of(start + 1, 9, 1).atStartOfDay(clock.getZone()).toInstant();
        String college = collegeId == null ? "" : " AND s.class_id IN (SELECT id FROM org_class WHERE college_id = "
                + collegeId + ")";
        return jdbc.sql("SELECT count(*) FROM plc_placement p JOIN org_student s ON s.id = p.student_id"
                        + " WHERE p.created_at >= ? AND p.created_at < ?" + college)
                .params(from.atZone(clock.getZone()).toOffsetDateTime(), to.atZone(clock.getZone()).toOffsetDateTime())
                .query(Long.class).single();
    }

    /** Hours are the hours module's figure ({@code HoursPlanActuals}). */
    @Override
    public BigDecimal hours(Long collegeId, String academicYear) {
        return null;
    }

    private List<PlacementView> views(List<PlacementView> rows) {
        Map<Long, PositionView> byPosition = new java.util.HashMap<>();
        positions.findAll(rows.stream().map(PlacementView::positionId).distinct().toList())
                .forEach(p -> byPosition.put(p.id(), p));
        return rows.stream().map(r -> {
            PositionView p = byPosition.get(r.positionId());
            Student s = roster.find(r.studentId()).orElseThrow();
            return new PlacementView(r.id(), r.positionId(), p == null ? "" : p.title(),
                    p == null ? "" : p.employerName(), r.studentId(), s.studentNo(), s.name(), r.source(),
                    r.createdAt(), r.createdBy(), r.endedAt());
        }).toList();
    }

    static PlacementView row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Timestamp ended = rs.getTimestamp(7);
        return new PlacementView(rs.getLong(1), rs.getLong(2), null, null, rs.getLong(3), null, null,
                PlacementSource.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getString(6),
                ended == null ? null : ended.toInstant());
    }
}
