package org.workstudy.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TextLimits;

/**
 * 学籍异动: dated changes of a student's status and class, entered by administrators (page, API, roster import),
 * each in the audit trail. A change into a class moves the student's data scope with them (the new class's
 * counselor sees the whole register, the old one no longer does); their hours stay theirs. The enrolment cohort, and
 * with it the policy version, never changes.
 *
 * <p>Rules: changes are entered in date order (a change may not take effect before the student's latest one) and
 * not ahead of time (effective today at the latest); 休学 needs a planned last day on or after its first; 复学 only
 * for a suspended student, after the suspension began; 转专业 into a class of another major, 转学院 into a class of
 * another college, 留级 into a class of a later cohort, each for a student in study (在读); 退学 for a student in
 * study or suspended; 毕业 for a student in study. The target class must be an open (active) class.
 */
@Service
public class StatusHistory {

    static final String AUDIT = "student-status";
    static final int REASON_MAX = 200;

    private final StatusChangeStore store;
    private final Roster roster;
    private final Organization organization;
    private final DataScope scope;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    StatusHistory(StatusChangeStore store, Roster roster, Organization organization, DataScope scope, Accounts accounts,
            AuditTrail audit, Clock clock) {
        this.store = store;
        this.roster = roster;
        this.organization = organization;
        this.scope = scope;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Administrators record changes. */
    public static boolean mayRecord(CurrentUser user) {
        return user.acts(Role.ADMIN);
    }

    /** Records one change (administrators); returns its id. */
    @Transactional
    public long record(CurrentUser user, NewStatusChange change) {
        requireRecorder(user);
        if (change == null) {
            throw BusinessException.invalid("error.required");
        }
        scope.requireStudent(user, change.studentId());
        store.lockStudents(List.of(change.studentId()));
        List<Problem> problems = check(List.of(change));
        if (!problems.isEmpty()) {
            throw problems.get(0).error();
        }
        return write(user, change);
    }

    /** A change of a batch that was refused: its index in the batch and why. */
    public record Problem(int index, BusinessException error) {
    }

    /**
     * Checks a batch (in order: a student's 休学 and later 复学 may both be in it) against the students' current
     * state and each other, without writing: the refused changes, empty when all pass.
     */
    @Transactional(readOnly = true)
    public List<Problem> check(List<NewStatusChange> changes) {
        Map<Long, State> states = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            NewStatusChange c = changes.get(i);
            try {
                State state = states.containsKey(c.studentId()) ? states.get(c.studentId()) : load(c.studentId());
                states.put(c.studentId(), state);
                states.put(c.studentId(), next(state, c));
            } catch (BusinessException e) {
                problems.add(new Problem(i, e));
            }
        }
        return problems;
    }

    /**
     * Records a batch (the roster import's 异动 sheet) in one transaction, all or nothing: refused with the first
     * problem when any change is refused (callers show {@link #check} row by row first). Ids in order.
     */
    @Transactional
    public List<Long> recordAll(CurrentUser user, List<NewStatusChange> changes) {
        requireRecorder(user);
        store.lockStudents(changes.stream().map(NewStatusChange::studentId).distinct().sorted().toList());
        List<Problem> problems = check(changes);
        if (!problems.isEmpty()) {
            throw problems.get(0).error();
        }
        List<Long> ids = new ArrayList<>();
        for (NewStatusChange c : changes) {
            ids.add(write(user, c));
        }
        return ids;
    }

    /** A student's changes, oldest first; "not found" outside the user's scope. */
    @Transactional(readOnly = true)
    public List<StatusChange> historyOf(CurrentUser user, long studentId) {
        scope.requireStudent(user, studentId);
        return store.ofStudent(studentId);
    }

    /** A student's changes, oldest first, for a page that has checked the scope already (the register). */
    @Transactional(readOnly = true)
    public List<StatusChange> changesOf(long studentId) {
        return store.ofStudent(studentId);
    }

    /** The most recent changes of the school (administrators' page), newest first. */
    @Transactional(readOnly = true)
    public List<StatusChange> recent(CurrentUser user, int limit) {
        requireRecorder(user);
        return store.recent(Math.max(1, limit));
    }

    /** The suspensions and leaving day of one student, for the counting window (no scope check: callers have one). */
    public StudyPeriods periodsOf(long studentId) {
        return periodsOf(List.of(studentId)).getOrDefault(studentId, StudyPeriods.NONE);
    }

    /**
     * The suspensions and leaving day of many students at once (one query per 10,000); students without changes
     * have {@link StudyPeriods#NONE}. No scope check: callers limit the ids.
     */
    public Map<Long, StudyPeriods> periodsOf(Collection<Long> studentIds) {
        Map<Long, List<Row>> byStudent = store.periodRows(studentIds);
        Map<Long, StudyPeriods> out = new HashMap<>();
        byStudent.forEach((id, rows) -> out.put(id, periods(rows)));
        return out;
    }

    record Row(StatusChangeKind kind, LocalDate effectiveOn, LocalDate untilOn) {
    }

    /**
     * The periods of a student's changes in date order: a 休学 lasts to the day before the next 复学, or to its
     * planned last day while none follows; the student left on the day of a 退学 or 毕业 that no later change undid.
     */
    static StudyPeriods periods(List<Row> rows) {
        List<StudyPeriods.Suspension> suspensions = new ArrayList<>();
        LocalDate leftOn = null;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.kind() == StatusChangeKind.SUSPEND) {
                LocalDate to = r.untilOn();
                for (int j = i + 1; j < rows.size(); j++) {
                    if (rows.get(j).kind() == StatusChangeKind.RESUME) {
                        to = rows.get(j).effectiveOn().minusDays(1);
                        break;
                    }
                }
                suspensions.add(new StudyPeriods.Suspension(r.effectiveOn(), to));
            }
            if (r.kind() == StatusChangeKind.WITHDRAW || r.kind() == StatusChangeKind.GRADUATE) {
                leftOn = r.effectiveOn();
            } else if (r.kind() == StatusChangeKind.RESUME) {
                leftOn = null;
            }
        }
        return new StudyPeriods(suspensions, leftOn);
    }

    // ================================================================== internals

    /** A student's state as the changes checked so far leave it. */
    private record State(long studentId, StudentStatus status, SchoolClass schoolClass, LocalDate latest,
            LocalDate suspendedOn) {
    }

    private State load(long studentId) {
        Student s = roster.find(studentId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        SchoolClass c = organization.schoolClass(s.classId()).orElseThrow();
        LocalDate latest = store.latestOn(studentId, null).orElse(null);
        LocalDate suspendedOn = s.status() != StudentStatus.SUSPENDED ? null
                : store.latestOn(studentId, StatusChangeKind.SUSPEND).orElse(latest);
        return new State(studentId, s.status(), c, latest, suspendedOn);
    }

    /** The state after the change, or the rule it breaks. */
    private State next(State s, NewStatusChange c) {
        if (c.kind() == null) {
            throw BusinessException.invalid("status.kind.required").field("kind");
        }
        if (c.effectiveOn() == null) {
            throw BusinessException.invalid("status.date.required").field("effectiveOn");
        }
        LocalDate today = LocalDate.now(clock);
        if (c.effectiveOn().isAfter(today)) {
            throw BusinessException.invalid("status.date.future", c.effectiveOn()).field("effectiveOn");
        }
        if (s.latest() != null && c.effectiveOn().isBefore(s.latest())) {
            throw BusinessException.invalid("status.date.before-latest", s.latest()).field("effectiveOn");
        }
        TextLimits.require("reason", c.reason(), REASON_MAX);
        StudentStatus now = s.status();
        SchoolClass to = s.schoolClass();
        LocalDate suspendedOn = s.suspendedOn();
        switch (c.kind()) {
            case SUSPEND -> {
                requireStatus(now, c.kind(), StudentStatus.ACTIVE);
                if (c.untilOn() == null) {
                    throw BusinessException.invalid("status.until.required").field("untilOn");
                }
                if (c.untilOn().isBefore(c.effectiveOn())) {
                    throw BusinessException.invalid("status.until.before-start", c.effectiveOn()).field("untilOn");
                }
                suspendedOn = c.effectiveOn();
            }
            case RESUME -> {
                requireStatus(now, c.kind(), StudentStatus.SUSPENDED);
                if (suspendedOn != null && !c.effectiveOn().isAfter(suspendedOn)) {
                    throw BusinessException.invalid("status.resume.not-after-suspension", suspendedOn)
                            .field("effectiveOn");
                }
                to = targetClass(c);
                suspendedOn = null;
            }
            case TRANSFER_MAJOR -> {
                requireStatus(now, c.kind(), StudentStatus.ACTIVE);
                to = targetClass(c);
                if (to.majorId() == s.schoolClass().majorId()) {
                    throw BusinessException.invalid("status.transfer.same-major").field("toClassId");
                }
            }
            case TRANSFER_COLLEGE -> {
                requireStatus(now, c.kind(), StudentStatus.ACTIVE);
                to = targetClass(c);
                if (to.collegeId() == s.schoolClass().collegeId()) {
                    throw BusinessException.invalid("status.transfer.same-college").field("toClassId");
                }
            }
            case REPEAT -> {
                requireStatus(now, c.kind(), StudentStatus.ACTIVE);
                to = targetClass(c);
                if (to.cohort() <= s.schoolClass().cohort()) {
                    throw BusinessException.invalid("status.repeat.not-later-cohort", String.valueOf(s.schoolClass().cohort()))
                            .field("toClassId");
                }
            }
            case WITHDRAW -> requireStatus(now, c.kind(), StudentStatus.ACTIVE, StudentStatus.SUSPENDED);
            case GRADUATE -> requireStatus(now, c.kind(), StudentStatus.ACTIVE);
        }
        if (!c.kind().movesClass() && c.toClassId() != null && c.toClassId() != s.schoolClass().id()) {
            throw BusinessException.invalid("status.class.not-for-kind").field("toClassId");
        }
        return new State(s.studentId(), c.kind().statusAfter(), to, c.effectiveOn(), suspendedOn);
    }

    private SchoolClass targetClass(NewStatusChange c) {
        if (c.toClassId() == null) {
            throw BusinessException.invalid("status.class.required").field("toClassId");
        }
        SchoolClass to = organization.schoolClass(c.toClassId())
                .orElseThrow(() -> BusinessException.invalid("organization.class.unknown", c.toClassId())
                        .field("toClassId"));
        if (!to.active()) {
            throw BusinessException.invalid("status.class.inactive", to.name()).field("toClassId");
        }
        return to;
    }

    private static void requireStatus(StudentStatus now, StatusChangeKind kind, StudentStatus... allowed) {
        for (StudentStatus a : allowed) {
            if (a == now) {
                return;
            }
        }
        throw BusinessException.conflict("status.not-possible",
                new DefaultMessageSourceResolvable(new String[] {"status.kind." + kind.name()}, kind.name()),
                new DefaultMessageSourceResolvable(new String[] {"organization.status." + now.name()}, now.name()))
                .field("kind");
    }

    private long write(CurrentUser user, NewStatusChange c) {
        Student before = roster.find(c.studentId()).orElseThrow();
        long toClass = c.kind().movesClass() ? c.toClassId() : before.classId();
        StudentStatus after = c.kind().statusAfter();
        long id = store.insert(c, c.kind() == StatusChangeKind.SUSPEND ? c.untilOn() : null, before, toClass, after,
                blankToNull(c.reason()), user, OffsetDateTime.now(clock));
        store.moveStudent(c.studentId(), toClass, after);
        if (before.accountId() != null && before.status() != after) {
            accounts.setEnabled(before.accountId(), after == StudentStatus.ACTIVE);
        }
        Map<String, Object> trail = new LinkedHashMap<>();
        trail.put("student", c.studentId());
        trail.put("kind", c.kind().name());
        trail.put("effectiveOn", c.effectiveOn().toString());
        if (c.kind() == StatusChangeKind.SUSPEND) {
            trail.put("untilOn", c.untilOn().toString());
        }
        trail.put("fromClass", before.classId());
        trail.put("toClass", toClass);
        trail.put("status", before.status().name() + " → " + after.name());
        if (blankToNull(c.reason()) != null) {
            trail.put("reason", c.reason().strip());
        }
        audit.record(AUDIT, id, c.kind().name().toLowerCase().replace('_', '-'), trail);
        return id;
    }

    private static void requireRecorder(CurrentUser user) {
        if (!mayRecord(user)) {
            throw BusinessException.forbidden();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
