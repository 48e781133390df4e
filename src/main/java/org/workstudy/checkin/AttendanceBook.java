package org.workstudy.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.workstudy.audit.AuditTrail;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.NewWorkRecord;
import org.workstudy.hours.RecordProblem;
import org.workstudy.hours.SourceKind;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementView;
import org.workstudy.placements.Placements;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TextLimits;

/**
 * Attendances: a student's check-in and check-out by scanning, the make-up of a missed check-out and the employer's
 * decision, and who reads which of them. A student sees only their own; signals are shown to the employer (their
 * shifts) and to the counselor and staff (their students).
 */
@Service
class AttendanceBook {

    static final String AUDIT_ATTENDANCE = "checkin-attendance";
    private static final int REASON_MAX = 500;

    private final CheckinStore store;
    private final ShiftDesk shifts;
    private final AttendanceViews views;
    private final Placements placements;
    private final HoursLedger ledger;
    private final Roster roster;
    private final DataScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    AttendanceBook(CheckinStore store, ShiftDesk shifts, AttendanceViews views, Placements placements,
            HoursLedger ledger, Roster roster, DataScope scope, AuditTrail audit, Clock clock) {
        this.store = store;
        this.shifts = shifts;
        this.views = views;
        this.placements = placements;
        this.ledger = ledger;
        this.roster = roster;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    Checkins.ScanOutcome scan(CurrentUser user, ScanForm form, Instant at) {
        Student student = self(user);
        Checkins.ShiftPlace where = Workplace.checkLocation(form);
        String device = Workplace.checkDevice(form.device());
        ShiftCodes.Read read = shifts.codes().read(form.code(), at);
        CheckinStore.ShiftRow shift = store.shift(read.shiftId())
                .orElseThrow(() -> BusinessException.invalid("checkin.code.invalid").field("code"));
        if (shift.closedAt() != null || shift.openedAt().isAfter(at)) {
            throw BusinessException.invalid("checkin.shift.closed").field("code");
        }
        PlacementView placement = placements.ofStudent(student.id()).stream()
                .filter(p -> p.positionId() == shift.positionId() && p.active()).findFirst()
                .orElseThrow(() -> BusinessException.invalid("checkin.not-placed").field("code"));
        Integer distance = Workplace.metres(shift, where);
        roster.lock(student.id()); // two scans of one student (two tabs, a double tap) run one after the other
        Optional<CheckinStore.AttendanceRow> existing = store.attendance(shift.id(), student.id());
        if (existing.isEmpty()) {
            long id = store.checkIn(shift.id(), student.id(), placement.id(), at, read.step(), read.byCode(),
                    where.latitude(), where.longitude(), distance, device);
            audit.record(AUDIT_ATTENDANCE, id, "check-in", trail(shift, read, distance));
            return new Checkins.ScanOutcome("CHECKED_IN", view(id));
        }
        CheckinStore.AttendanceRow a = existing.get();
        if (a.outAt() != null || a.makeUpId() != null) {
            throw BusinessException.conflict("checkin.already-out").field("code");
        }
        if (read.step() <= a.inStep()) {
            // the code that checked in cannot check out: a new one is shown every step
            throw BusinessException.invalid("checkin.code.used").field("code");
        }
        Outcome outcome = writeRecord(user, student.id(), a.placementId(), a.inAt(), at, shift);
        store.checkOut(a.id(), at, read.step(), read.byCode(), where.latitude(), where.longitude(), distance, device,
                outcome.entryId, outcome.refusalKey, outcome.refusalArgs);
        Map<String, Object> trail = trail(shift, read, distance);
        trail.put("entry", outcome.entryId);
        trail.put("refused", outcome.refusalKey);
        audit.record(AUDIT_ATTENDANCE, a.id(), "check-out", trail);
        return new Checkins.ScanOutcome("CHECKED_OUT", view(a.id()));
    }

    /** The student's own attendances, newest first. */
    List<Attendance> mine(CurrentUser user) {
        return views.views(store.ofStudent(self(user).id(), 50));
    }

    /** The attendances of a shift the user manages, with their signals. */
    List<Attendance> ofShift(CurrentUser user, long shiftId) {
        shifts.managedShift(user, shiftId);
        return views.views(store.ofShift(shiftId));
    }

    long requestMakeUp(CurrentUser user, long attendanceId, LocalTime endedAt, String reason, Instant at) {
        Student student = self(user);
        CheckinStore.AttendanceRow a = store.attendance(attendanceId).filter(x -> x.studentId() == student.id())
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (a.outAt() != null || a.makeUpId() != null) {
            throw BusinessException.conflict("checkin.already-out");
        }
        if (endedAt == null) {
            throw BusinessException.invalid("checkin.make-up.end-required").field("endedAt");
        }
        String why = TextLimits.require("reason", reason == null ? "" : reason.strip(), REASON_MAX);
        if (why.isEmpty()) {
            throw BusinessException.invalid("checkin.make-up.reason-required").field("reason");
        }
        CheckinStore.ShiftRow shift = store.shift(a.shiftId()).orElseThrow();
        if (shift.closedAt() == null || shift.closedAt().isAfter(at)) {
            throw BusinessException.conflict("checkin.make-up.shift-open");
        }
        if (at.isAfter(views.makeUpUntil(shift))) {
            throw BusinessException.invalid("checkin.make-up.too-late", views.makeUpDays());
        }
        LocalDateTime in = LocalDateTime.ofInstant(a.inAt(), Checkins.ZONE);
        LocalDateTime end = in.toLocalDate().atTime(endedAt);
        if (!end.isAfter(in)) {
            end = end.plusDays(1);
        }
        Instant ends = end.atZone(Checkins.ZONE).toInstant();
        if (ends.isAfter(at)) {
            throw BusinessException.invalid("checkin.make-up.future").field("endedAt");
        }
        if (ends.isAfter(shift.closedAt())) {
            throw BusinessException.invalid("checkin.make-up.after-close",
                    LocalDateTime.ofInstant(shift.closedAt(), Checkins.ZONE).toLocalTime().withNano(0).toString())
                    .field("endedAt");
        }
        long id = store.requestMakeUp(a.id(), ends, why, at);
        audit.record(AUDIT_ATTENDANCE, a.id(), "make-up-requested", Map.of("makeUp", id, "endsAt", ends.toString()));
        return id;
    }

    void decideMakeUp(CurrentUser user, long makeUpId, boolean approve, String note, Instant now) {
        CheckinStore.AttendanceRow a = store.attendanceOfMakeUp(makeUpId)
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        CheckinStore.ShiftRow shift = shifts.managedShift(user, a.shiftId());
        String text = note == null ? "" : TextLimits.require("note", note.strip(), REASON_MAX);
        if (a.makeUpApproved() != null) {
            throw BusinessException.conflict("checkin.make-up.decided");
        }
        Long entryId = null;
        if (approve) {
            Outcome outcome = writeRecord(user, a.studentId(), a.placementId(), a.inAt(), a.makeUpEndsAt(), shift);
            if (outcome.refusalKey != null) {
                throw BusinessException.invalid(outcome.refusalKey, (Object[]) outcome.refusalArgs.split("\u001f", -1));
            }
            entryId = outcome.entryId;
            store.madeUp(a.id(), a.makeUpEndsAt(), entryId);
        } else if (text.isEmpty()) {
            throw BusinessException.invalid("checkin.make-up.note-required").field("note");
        }
        if (!store.decideMakeUp(makeUpId, approve, user.username(), now, text.isEmpty() ? null : text, entryId)) {
            throw BusinessException.conflict("checkin.make-up.decided");
        }
        audit.record(AUDIT_ATTENDANCE, a.id(), approve ? "make-up-approved" : "make-up-rejected",
                Map.of("makeUp", makeUpId, "entry", entryId == null ? "" : entryId));
    }

    /** Make-up requests waiting for this employer (or the center). */
    List<Attendance> pendingMakeUps(CurrentUser user) {
        if (!ShiftDesk.mayOpenShifts(user)) {
            throw BusinessException.forbidden();
        }
        return views.views(store.since(clock.instant().minus(Duration.ofDays(views.makeUpDays() + 30L)),
                user.acts(Role.EMPLOYER) ? user.activeScopeIds() : null, null)).stream()
                .filter(x -> x.makeUp() != null && "PENDING".equals(x.makeUp().status())).toList();
    }

    /**
     * Attendances of the last 30 days with a signal, for those who look at them: the employer (their shifts), the
     * counselor and college and school staff (their students). Nothing is decided by a signal.
     */
    List<Attendance> signals(CurrentUser user) {
        Instant since = clock.instant().minus(Duration.ofDays(30));
        List<CheckinStore.AttendanceRow> rows;
        if (user.acts(Role.EMPLOYER)) {
            rows = store.since(since, user.activeScopeIds(), null);
        } else if (user.acts(Role.STUDENT)) {
            throw BusinessException.forbidden();
        } else {
            rows = store.since(since, null, scope.condition(user, null, "a.student_id"));
        }
        return views.views(rows).stream().filter(x -> !x.signals().isEmpty()).toList();
    }

    /** The ledger's answer to a check-in/out: the entry, or why it was refused (arguments joined by U+001F). */
    private record Outcome(Long entryId, String refusalKey, String refusalArgs) {
    }

    private Outcome writeRecord(CurrentUser user, long studentId, long placementId, Instant from, Instant until,
            CheckinStore.ShiftRow shift) {
        LocalDateTime in = LocalDateTime.ofInstant(from, Checkins.ZONE).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime out = LocalDateTime.ofInstant(until, Checkins.ZONE).truncatedTo(ChronoUnit.MINUTES);
        if (!out.isAfter(in)) {
            return new Outcome(null, "checkin.too-short", "");
        }
        if (Duration.between(in, out).compareTo(Duration.ofHours(24)) >= 0) {
            return new Outcome(null, "checkin.too-long", "");
        }
        NewWorkRecord record = new NewWorkRecord(studentId, SourceKind.PLACEMENT, placementId, in.toLocalDate(),
                in.toLocalTime(), out.toLocalTime(), null, "签到签退 #" + shift.id());
        List<RecordProblem> problems = ledger.check(user, List.of(record));
        if (!problems.isEmpty()) {
            RecordProblem p = problems.get(0);
            return new Outcome(null, p.messageKey(), p.args().stream().map(String::valueOf)
                    .collect(Collectors.joining("\u001f")));
        }
        return new Outcome(ledger.record(user, record), null, null);
    }

    private Attendance view(long attendanceId) {
        return views.views(List.of(store.attendance(attendanceId).orElseThrow())).get(0);
    }

    private Map<String, Object> trail(CheckinStore.ShiftRow shift, ShiftCodes.Read read, Integer distance) {
        Map<String, Object> trail = new LinkedHashMap<>();
        trail.put("shift", shift.id());
        trail.put("byCode", read.byCode());
        trail.put("distance", distance);
        return trail;
    }

    private Student self(CurrentUser user) {
        if (!user.acts(Role.STUDENT)) {
            throw BusinessException.forbidden();
        }
        return roster.ofAccount(user.accountId()).orElseThrow(BusinessException::forbidden);
    }
}
