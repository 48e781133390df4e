package org.workstudy.checkin;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
import org.workstudy.organization.StudentRow;
import org.workstudy.placements.PlacementView;
import org.workstudy.placements.Placements;
import org.workstudy.positions.PositionBank;
import org.workstudy.positions.PositionView;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TextLimits;

/**
 * Check-in at the workplace. Every method checks the role and the scope: a shift is the business of those who may
 * manage its position (the employer's supervisor, the center); a student checks in only on a shift of a position they
 * are placed on, and sees only their own attendances; signals are shown to the employer (their shifts) and to the
 * counselor (their students). Out of scope answers "not found".
 *
 * <p>A check-out writes the student's report to the ledger (the counting rules apply then; a refused one keeps the
 * reason on the attendance); the employer confirms it in the ledger as any report. A make-up the employer approves is
 * written as the employer's record (counted as the employer's records are).
 */
@Service
public class Checkins {

    static final String AUDIT_SHIFT = "checkin-shift";
    static final String AUDIT_ATTENDANCE = "checkin-attendance";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int REASON_MAX = 500;
    private static final Set<Role> FIGURE_READERS = java.util.EnumSet.of(Role.CENTER_STAFF, Role.CENTER_DIRECTOR,
            Role.ADMIN, Role.LEADER);

    private final CheckinStore store;
    private final PositionBank positions;
    private final Placements placements;
    private final HoursLedger ledger;
    private final Roster roster;
    private final DataScope scope;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration step;
    private final int makeUpDays;
    private volatile ShiftCodes codes;

    Checkins(CheckinStore store, PositionBank positions, Placements placements, HoursLedger ledger, Roster roster,
            DataScope scope, AuditTrail audit, Clock clock,
            @Value("${workstudy.checkin.step-seconds:30}") int stepSeconds,
            @Value("${workstudy.checkin.make-up-days:3}") int makeUpDays) {
        this.store = store;
        this.positions = positions;
        this.placements = placements;
        this.ledger = ledger;
        this.roster = roster;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.step = Duration.ofSeconds(stepSeconds);
        this.makeUpDays = makeUpDays;
    }

    /** The workplace of a shift: all three or none (then nothing is compared). */
    public record ShiftPlace(BigDecimal latitude, BigDecimal longitude, Integer radiusM) {
    }

    /** The code the supervisor's page shows now, and when the page should fetch the next one. */
    public record ShiftCode(long shiftId, String token, String fallback, Instant refreshAt, Instant expiresAt) {
    }

    /** What a scan did: CHECKED_IN or CHECKED_OUT, and the attendance as it stands. */
    public record ScanOutcome(String outcome, Attendance attendance) {
    }

    /** May this user open shifts at all (the navigation, the list page)? */
    public static boolean mayOpenShifts(CurrentUser user) {
        return user.acts(Role.EMPLOYER) || user.acts(Role.CENTER_STAFF) || user.acts(Role.ADMIN);
    }

    /** May this user read the school's check-in figures (statistics): the center, administrators, leaders. */
    public static boolean mayReadFigures(CurrentUser user) {
        return user.activeRole() != null && FIGURE_READERS.contains(user.activeRole());
    }

    /** The school's check-in figures per month from the month {@code from} to the month {@code until} (statistics); empty months left out. */
    @Transactional(readOnly = true)
    public List<CheckinMonth> figures(CurrentUser user, YearMonth from, YearMonth until) {
        if (!mayReadFigures(user)) {
            throw BusinessException.forbidden();
        }
        return store.months(from.atDay(1).atStartOfDay(ZONE).toInstant(),
                until.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant());
    }

    // ================================================================== shifts

    @Transactional
    public long openShift(CurrentUser user, long positionId, ShiftPlace place) {
        return openShift(user, positionId, place, clock.instant());
    }

    long openShift(CurrentUser user, long positionId, ShiftPlace place, Instant at) {
        PositionView p = managed(user, positionId);
        ShiftPlace checked = checkPlace(place);
        long id = store.openShift(p.id(), p.employerId(), user.username(), at, checked.latitude(),
                checked.longitude(), checked.radiusM());
        Map<String, Object> trail = new LinkedHashMap<>();
        trail.put("position", p.id());
        trail.put("radius", checked.radiusM());
        audit.record(AUDIT_SHIFT, id, "open", trail);
        return id;
    }

    @Transactional
    public void closeShift(CurrentUser user, long shiftId) {
        closeShift(user, shiftId, clock.instant());
    }

    void closeShift(CurrentUser user, long shiftId, Instant at) {
        CheckinStore.ShiftRow s = managedShift(user, shiftId);
        store.closeShift(s.id(), at);
        audit.record(AUDIT_SHIFT, s.id(), "close", Map.of("position", s.positionId()));
    }

    /** The shifts of the last 30 days the user may manage: an employer's, or all for the center. */
    @Transactional(readOnly = true)
    public List<Shift> shifts(CurrentUser user) {
        if (!mayOpenShifts(user)) {
            throw BusinessException.forbidden();
        }
        Instant since = clock.instant().minus(Duration.ofDays(30));
        List<CheckinStore.ShiftRow> rows = store.shifts(user.acts(Role.EMPLOYER) ? user.activeScopeIds() : null,
                since);
        return shiftViews(rows);
    }

    @Transactional(readOnly = true)
    public Shift shift(CurrentUser user, long shiftId) {
        return shiftViews(List.of(managedShift(user, shiftId))).get(0);
    }

    /** The positions the user may open a shift for (an employer's published ones; the center's: all published). */
    @Transactional(readOnly = true)
    public List<PositionView> positionsFor(CurrentUser user) {
        if (!mayOpenShifts(user)) {
            throw BusinessException.forbidden();
        }
        List<PositionView> out = new ArrayList<>();
        Collection<Long> employers = user.acts(Role.EMPLOYER) ? user.activeScopeIds() : java.util.Collections
                .singletonList(null);
        for (Long employer : employers) {
            out.addAll(positions.search(new org.workstudy.positions.PositionQuery(null, null, null,
                    org.workstudy.positions.PositionStatus.PUBLISHED, employer, null, null, null, null), 0, 200)
                    .items());
        }
        return out;
    }

    /** The code to show now on an open shift. */
    @Transactional(readOnly = true)
    public ShiftCode code(CurrentUser user, long shiftId) {
        return code(user, shiftId, clock.instant());
    }

    ShiftCode code(CurrentUser user, long shiftId, Instant at) {
        CheckinStore.ShiftRow s = managedShift(user, shiftId);
        if (s.closedAt() != null) {
            throw BusinessException.conflict("checkin.shift.closed");
        }
        ShiftCodes c = codes();
        long now = c.stepAt(at);
        return new ShiftCode(s.id(), c.token(s.id(), now), c.fallback(s.id()), c.nextAt(now), c.expiresAt(now));
    }

    /** The attendances of a shift, with their signals. */
    @Transactional(readOnly = true)
    public List<Attendance> attendances(CurrentUser user, long shiftId) {
        managedShift(user, shiftId);
        return views(store.ofShift(shiftId));
    }

    // ================================================================== students

    @Transactional
    public ScanOutcome scan(CurrentUser user, ScanForm form) {
        return scan(user, form, clock.instant());
    }

    ScanOutcome scan(CurrentUser user, ScanForm form, Instant at) {
        Student student = self(user);
        ShiftPlace where = checkLocation(form);
        String device = checkDevice(form.device());
        ShiftCodes.Read read = codes().read(form.code(), at);
        CheckinStore.ShiftRow shift = store.shift(read.shiftId())
                .orElseThrow(() -> BusinessException.invalid("checkin.code.invalid").field("code"));
        if (shift.closedAt() != null || shift.openedAt().isAfter(at)) {
            throw BusinessException.invalid("checkin.shift.closed").field("code");
        }
        PlacementView placement = placements.ofStudent(student.id()).stream()
                .filter(p -> p.positionId() == shift.positionId() && p.active()).findFirst()
                .orElseThrow(() -> BusinessException.invalid("checkin.not-placed").field("code"));
        Integer distance = metres(shift, where);
        roster.lock(student.id()); // two scans of one student (two tabs, a double tap) run one after the other
        Optional<CheckinStore.AttendanceRow> existing = store.attendance(shift.id(), student.id());
        if (existing.isEmpty()) {
            long id = store.checkIn(shift.id(), student.id(), placement.id(), at, read.step(), read.byCode(),
                    where.latitude(), where.longitude(), distance, device);
            audit.record(AUDIT_ATTENDANCE, id, "check-in", trail(shift, read, distance));
            return new ScanOutcome("CHECKED_IN", views(List.of(store.attendance(id).orElseThrow())).get(0));
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
        return new ScanOutcome("CHECKED_OUT", views(List.of(store.attendance(a.id()).orElseThrow())).get(0));
    }

    /** The student's own attendances, newest first. */
    @Transactional(readOnly = true)
    public List<Attendance> mine(CurrentUser user) {
        return views(store.ofStudent(self(user).id(), 50));
    }

    /**
     * Asks to make up a missed check-out: the time the work ended (on the check-in's date, or the next day when
     * earlier than the check-in; never after the shift ended) and why. Only once the shift has ended (while it is
     * open the student checks out by scanning), within {@code workstudy.checkin.make-up-days} of its end.
     */
    @Transactional
    public long requestMakeUp(CurrentUser user, long attendanceId, LocalTime endedAt, String reason) {
        return requestMakeUp(user, attendanceId, endedAt, reason, clock.instant());
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
        if (at.isAfter(makeUpUntil(shift))) {
            throw BusinessException.invalid("checkin.make-up.too-late", makeUpDays);
        }
        LocalDateTime in = LocalDateTime.ofInstant(a.inAt(), ZONE);
        LocalDateTime end = in.toLocalDate().atTime(endedAt);
        if (!end.isAfter(in)) {
            end = end.plusDays(1);
        }
        Instant ends = end.atZone(ZONE).toInstant();
        if (ends.isAfter(at)) {
            throw BusinessException.invalid("checkin.make-up.future").field("endedAt");
        }
        if (ends.isAfter(shift.closedAt())) {
            throw BusinessException.invalid("checkin.make-up.after-close",
                    LocalDateTime.ofInstant(shift.closedAt(), ZONE).toLocalTime().withNano(0).toString())
                    .field("endedAt");
        }
        long id = store.requestMakeUp(a.id(), ends, why, at);
        audit.record(AUDIT_ATTENDANCE, a.id(), "make-up-requested", Map.of("makeUp", id, "endsAt", ends.toString()));
        return id;
    }

    /** The employer approves (the record is written, the counting rules apply) or rejects (a note is required). */
    @Transactional
    public void decideMakeUp(CurrentUser user, long makeUpId, boolean approve, String note) {
        CheckinStore.AttendanceRow a = store.attendanceOfMakeUp(makeUpId)
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        CheckinStore.ShiftRow shift = managedShift(user, a.shiftId());
        String text = note == null ? "" : TextLimits.require("note", note.strip(), REASON_MAX);
        if (a.makeUpApproved() != null) {
            throw BusinessException.conflict("checkin.make-up.decided");
        }
        Instant now = clock.instant();
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
    @Transactional(readOnly = true)
    public List<Attendance> pendingMakeUps(CurrentUser user) {
        if (!mayOpenShifts(user)) {
            throw BusinessException.forbidden();
        }
        return views(store.since(clock.instant().minus(Duration.ofDays(makeUpDays + 30L)),
                user.acts(Role.EMPLOYER) ? user.activeScopeIds() : null, null)).stream()
                .filter(x -> x.makeUp() != null && "PENDING".equals(x.makeUp().status())).toList();
    }

    /**
     * Attendances of the last 30 days with a signal, for those who look at them: the employer (their shifts), the
     * counselor and college and school staff (their students). Nothing is decided by a signal.
     */
    @Transactional(readOnly = true)
    public List<Attendance> signals(CurrentUser user) {
        Instant since = clock.instant().minus(Duration.ofDays(30));
        List<CheckinStore.AttendanceRow> rows;
        if (user.acts(Role.EMPLOYER)) {
            rows = store.since(since, user.activeScopeIds(), null);
        } else if (user.acts(Role.STUDENT)) {
            throw BusinessException.forbidden();
        } else {
            rows = store.since(since, null, scope.condition(user, null, "a.student_id"));
        }
        return views(rows).stream().filter(x -> !x.signals().isEmpty()).toList();
    }

    // ================================================================== internals

    /** The ledger's answer to a check-in/out: the entry, or why it was refused (arguments joined by U+001F). */
    private record Outcome(Long entryId, String refusalKey, String refusalArgs) {
    }

    private Outcome writeRecord(CurrentUser user, long studentId, long placementId, Instant from, Instant until,
            CheckinStore.ShiftRow shift) {
        LocalDateTime in = LocalDateTime.ofInstant(from, ZONE).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime out = LocalDateTime.ofInstant(until, ZONE).truncatedTo(ChronoUnit.MINUTES);
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

    private PositionView managed(CurrentUser user, long positionId) {
        if (!mayOpenShifts(user) || !positions.mayManage(user, positionId)) {
            throw BusinessException.notFound("error.not-found");
        }
        return positions.find(positionId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
    }

    private CheckinStore.ShiftRow managedShift(CurrentUser user, long shiftId) {
        CheckinStore.ShiftRow s = store.shift(shiftId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (!mayOpenShifts(user) || !positions.mayManage(user, s.positionId())) {
            throw BusinessException.notFound("error.not-found");
        }
        return s;
    }

    private static ShiftPlace checkPlace(ShiftPlace place) {
        if (place == null || (place.latitude() == null && place.longitude() == null && place.radiusM() == null)) {
            return new ShiftPlace(null, null, null);
        }
        checkCoordinates(place.latitude(), place.longitude());
        if (place.latitude() == null) {
            throw BusinessException.invalid("checkin.place.incomplete").field("latitude");
        }
        if (place.longitude() == null) {
            throw BusinessException.invalid("checkin.place.incomplete").field("longitude");
        }
        if (place.radiusM() == null || place.radiusM() < 10 || place.radiusM() > 100_000) {
            throw BusinessException.invalid("checkin.place.radius").field("radiusM");
        }
        return place;
    }

    private static ShiftPlace checkLocation(ScanForm form) {
        checkCoordinates(form.latitude(), form.longitude());
        if ((form.latitude() == null) != (form.longitude() == null)) {
            throw BusinessException.invalid("checkin.place.incomplete").field(form.latitude() == null ? "latitude"
                    : "longitude");
        }
        return new ShiftPlace(form.latitude(), form.longitude(), null);
    }

    private static void checkCoordinates(BigDecimal lat, BigDecimal lng) {
        if (lat != null && (lat.abs().compareTo(BigDecimal.valueOf(90)) > 0)) {
            throw BusinessException.invalid("checkin.place.latitude").field("latitude");
        }
        if (lng != null && (lng.abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
            throw BusinessException.invalid("checkin.place.longitude").field("longitude");
        }
    }

    private static String checkDevice(String device) {
        if (device == null || device.isBlank()) {
            return null;
        }
        if (!device.matches("[A-Za-z0-9_-]{8,64}")) {
            throw BusinessException.invalid("checkin.device.invalid").field("device");
        }
        return device;
    }

    /** Metres between the workplace and where the student was, when both are known. */
    private static Integer metres(CheckinStore.ShiftRow shift, ShiftPlace where) {
        if (shift.latitude() == null || shift.longitude() == null || where.latitude() == null) {
            return null;
        }
        return (int) Math.round(Workplace.metres(shift.latitude().doubleValue(), shift.longitude().doubleValue(),
                where.latitude().doubleValue(), where.longitude().doubleValue()));
    }

    private ShiftCodes codes() {
        ShiftCodes c = codes;
        if (c == null) {
            c = new ShiftCodes(store.secret(), step);
            codes = c;
        }
        return c;
    }

    private List<Shift> shiftViews(List<CheckinStore.ShiftRow> rows) {
        Map<Long, PositionView> byId = positions.findAll(rows.stream().map(CheckinStore.ShiftRow::positionId)
                .distinct().toList()).stream().collect(Collectors.toMap(PositionView::id, Function.identity()));
        return rows.stream().map(s -> {
            PositionView p = byId.get(s.positionId());
            return new Shift(s.id(), s.positionId(), s.employerId(), p == null ? "" : p.title(),
                    p == null ? "" : p.employerName(), s.openedBy(), s.openedAt(), s.closedAt(), s.latitude(),
                    s.longitude(), s.radiusM(), s.checkedIn(), s.checkedOut());
        }).toList();
    }

    private List<Attendance> views(List<CheckinStore.AttendanceRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, CheckinStore.ShiftRow> shifts = new HashMap<>();
        rows.stream().map(CheckinStore.AttendanceRow::shiftId).distinct()
                .forEach(id -> store.shift(id).ifPresent(s -> shifts.put(id, s)));
        Map<Long, PositionView> byId = positions.findAll(shifts.values().stream()
                .map(CheckinStore.ShiftRow::positionId).distinct().toList()).stream()
                .collect(Collectors.toMap(PositionView::id, Function.identity()));
        Map<Long, StudentRow> students = roster.rows(rows.stream().map(CheckinStore.AttendanceRow::studentId).toList());
        Set<Long> shared = store.sharedDevice(rows.stream().map(CheckinStore.AttendanceRow::id).toList());
        List<Attendance> out = new ArrayList<>();
        Instant now = clock.instant();
        for (CheckinStore.AttendanceRow a : rows) {
            CheckinStore.ShiftRow s = shifts.get(a.shiftId());
            PositionView p = s == null ? null : byId.get(s.positionId());
            StudentRow st = students.get(a.studentId());
            List<String> signals = new ArrayList<>();
            if (shared.contains(a.id())) {
                signals.add("checkin.signal.shared-device");
            }
            if (s != null && s.radiusM() != null && (far(a.inDistanceM(), s) || far(a.outDistanceM(), s))) {
                signals.add("checkin.signal.far");
            }
            if (a.inByCode() || Boolean.TRUE.equals(a.outByCode())) {
                signals.add("checkin.signal.by-code");
            }
            Attendance.MakeUp makeUp = a.makeUpId() == null ? null : new Attendance.MakeUp(a.makeUpId(),
                    a.makeUpEndsAt(), a.makeUpReason(), a.makeUpRequestedAt(), a.makeUpApproved() == null ? "PENDING"
                            : a.makeUpApproved() ? "APPROVED" : "REJECTED", a.makeUpDecidedBy(), a.makeUpNote(),
                    a.makeUpEntryId());
            out.add(new Attendance(a.id(), a.shiftId(), s == null ? 0 : s.positionId(), p == null ? "" : p.title(),
                    p == null ? "" : p.employerName(), a.studentId(), st == null ? "" : st.studentNo(),
                    st == null ? "" : st.name(), a.inAt(), a.inByCode(), a.inDistanceM(), a.outAt(), a.outByCode(),
                    a.outDistanceM(), a.entryId(), a.refusalKey(), a.refusalArgs() == null || a.refusalArgs().isEmpty()
                            ? List.of() : List.of(a.refusalArgs().split("\u001f", -1)), signals, makeUp,
                    offeredUntil(a, s, now)));
        }
        return out;
    }

    // the last moment a make-up of a missed check-out may be asked for: make-up-days after the shift ended
    private Instant makeUpUntil(CheckinStore.ShiftRow shift) {
        return shift.closedAt().plus(Duration.ofDays(makeUpDays));
    }

    // until when a make-up is offered now (an open attendance without one, of an ended shift, in time), else null
    private Instant offeredUntil(CheckinStore.AttendanceRow a, CheckinStore.ShiftRow s, Instant now) {
        if (a.outAt() != null || a.makeUpId() != null || s == null || s.closedAt() == null
                || s.closedAt().isAfter(now)) {
            return null;
        }
        Instant until = makeUpUntil(s);
        return now.isAfter(until) ? null : until;
    }

    private static boolean far(Integer distance, CheckinStore.ShiftRow s) {
        return distance != null && distance > s.radiusM();
    }
}
