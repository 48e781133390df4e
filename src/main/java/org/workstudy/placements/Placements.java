package org.workstudy.placements;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
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
import org.workstudy.organization.StudentCondition;
import org.workstudy.organization.StudentQuery;
import org.workstudy.organization.StudentScope;
import org.workstudy.organization.StudentStatus;
import org.workstudy.placements.internal.SeatCount;
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

    private final PlacementStore store;
    private final Seats seats;
    private final PositionBank positions;
    private final Roster roster;
    private final Organization organization;
    private final DataScope scope;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Placements(PlacementStore store, Seats seats, PositionBank positions, Roster roster, Organization organization,
            DataScope scope, Notifications notifications, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
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

    /**
     * Places these students on the position, all or none. Returns how many were placed. Set-based: the students, their
     * scope, classes and current placements are read in a few queries for the whole list (a class or a college's
     * cohort), the audit entries and messages written in batches; only the placement rows are one statement each.
     */
    @Transactional
    public int place(CurrentUser user, long positionId, List<Long> studentIds) {
        PositionView position = arrangeable(user, positionId);
        if (studentIds.isEmpty()) {
            throw BusinessException.invalid("placements.arrange.nobody");
        }
        List<Long> ids = studentIds.stream().distinct().toList();
        Set<Long> visible = scope.visibleStudents(user, ids);
        Map<Long, Student> students = roster.findAll(ids);
        Map<Long, java.util.Optional<SchoolClass>> classes = new java.util.HashMap<>();
        Set<Long> placed = store.activeAmong(positionId, ids);
        List<String> problems = new ArrayList<>();
        for (long id : ids) {
            Student s = students.get(id);
            if (!visible.contains(id) || s == null) {
                problems.add(String.valueOf(id));
                continue;
            }
            SchoolClass c = classes.computeIfAbsent(s.classId(), organization::schoolClass).orElseThrow();
            if (s.status() != StudentStatus.ACTIVE || !position.admits(c.collegeId(), c.cohort())
                    || placed.contains(id)) {
                problems.add(s.studentNo() + " " + s.name());
            }
        }
        if (!problems.isEmpty()) {
            throw BusinessException.invalid("placements.arrange.refused", String.join("、", problems));
        }
        seats.ensure(positionId, position.capacity());
        if (!seats.take(positionId, ids.size())) {
            throw BusinessException.conflict("placements.arrange.full", ids.size(), seats(position).free());
        }
        Map<Object, Object> trail = new java.util.LinkedHashMap<>();
        List<Long> accounts = new ArrayList<>();
        for (long studentId : ids) {
            long placementId = store.place(positionId, studentId, PlacementSource.ARRANGED, null, user.username())
                    .orElseThrow();
            events.publishEvent(new PlacementAccepted(placementId, positionId, studentId, PlacementSource.ARRANGED));
            trail.put(placementId, Map.of("position", positionId, "student", studentId));
            Long account = students.get(studentId).accountId();
            if (account != null) {
                accounts.add(account);
            }
        }
        audit.recordAll("placement", "arrange", trail);
        notifications.sendAll(accounts, "placements.notify.arranged", List.of(position.title(),
                position.employerName()), "/my/applications");
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
        return views(store.ofStudent(studentId));
    }

    /**
     * Placements of many students (one query per 5,000), newest first per student; students without any are left
     * out.
     */
    public Map<Long, List<PlacementView>> ofStudents(java.util.Collection<Long> studentIds) {
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(studentIds));
        Map<Long, List<PlacementView>> out = new java.util.LinkedHashMap<>();
        views(store.ofStudents(ids)).forEach(v -> out.computeIfAbsent(v.studentId(), k -> new ArrayList<>()).add(v));
        return out;
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
        List<PlacementView> rows = store.ofPosition(positionId);
        if (!manages) {
            Set<Long> visible = scope.visibleStudents(user, rows.stream().map(PlacementView::studentId).toList());
            rows = rows.stream().filter(r -> visible.contains(r.studentId())).toList();
        }
        return views(rows);
    }

    /**
     * Ends every placement of a cancelled position at the moment of the cancellation, with its reason: hours dated
     * after that day are refused (as after a withdrawal), and each student and their counselors are told. Runs once
     * per cancellation (placements already ended are left alone).
     */
    @Transactional
    public int endAllOfCancelled(long positionId, String reason, Instant at) {
        String why = reason == null || reason.isBlank() ? "—" : reason.strip();
        Instant when = at == null ? clock.instant() : at;
        List<PlacementView> open = store.activeOn(positionId);
        if (open.isEmpty()) {
            return 0;
        }
        String title = positions.find(positionId).map(PositionView::title).orElse("");
        String day = java.time.LocalDate.ofInstant(when, clock.getZone()).toString();
        for (PlacementView p : open) {
            store.end(p.id(), why, when.atZone(clock.getZone()).toOffsetDateTime());
            audit.record("placement", p.id(), "end", Map.of("position", positionId, "student", p.studentId(),
                    "reason", why, "on", day));
            roster.find(p.studentId()).ifPresent(s -> {
                if (s.accountId() != null) {
                    notifications.send(s.accountId(), "placements.notify.position-cancelled",
                            List.of(title, day, why), "/my/applications");
                }
                organization.counselorsOf(s.classId()).forEach(counselor -> notifications.send(counselor,
                        "placements.notify.position-cancelled-counselor",
                        List.of(s.studentNo() + " " + s.name(), title, day, why), "/org/students/" + s.id()));
            });
        }
        return open.size();
    }

    public boolean activePlacement(long positionId, long studentId) {
        return store.isActive(positionId, studentId);
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
        return placedBetween(collegeId, from, to);
    }

    /**
     * Placements made from {@code from} up to (not including) {@code to}, of the whole school (null) or one college's
     * students (for assessment, which counts them against the annual plan month by month).
     */
    @Transactional(readOnly = true)
    public long placedBetween(Long collegeId, Instant from, Instant to) {
        StudentCondition students = scope.condition(new StudentScope(true, Set.of(), Set.of(), Set.of()),
                new StudentQuery(null, collegeId, null, null, null), "p.student_id");
        return store.countMade(students, from.atZone(clock.getZone()).toOffsetDateTime(),
                to.atZone(clock.getZone()).toOffsetDateTime());
    }

    /** Hours are the hours module's figure ({@code HoursPlanActuals}). */
    @Override
    public BigDecimal hours(Long collegeId, String academicYear) {
        return null;
    }

    private List<PlacementView> views(List<PlacementView> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, PositionView> byPosition = new java.util.HashMap<>();
        positions.findAll(rows.stream().map(PlacementView::positionId).distinct().toList())
                .forEach(p -> byPosition.put(p.id(), p));
        Map<Long, Student> students = roster.findAll(rows.stream().map(PlacementView::studentId).toList());
        return rows.stream().map(r -> {
            PositionView p = byPosition.get(r.positionId());
            Student s = students.get(r.studentId());
            return new PlacementView(r.id(), r.positionId(), p == null ? "" : p.title(),
                    p == null ? "" : p.employerName(), r.studentId(), s == null ? null : s.studentNo(),
                    s == null ? null : s.name(), r.source(),
                    r.createdAt(), r.createdBy(), r.endedAt(), r.endedReason());
        }).toList();
    }
}
