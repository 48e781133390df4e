package org.workstudy.checkin;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.shared.BusinessException;

/**
 * Check-in at the workplace, as other modules use it: the school's figures (statistics) and the way a check-in is
 * recorded (open a shift, show its code, scan it, close the shift, make up a missed check-out). Every method checks
 * the role and the scope: a shift is the business of those who may manage its position (the employer's supervisor,
 * the center); a student checks in only on a shift of a position they are placed on. Out of scope answers "not
 * found". What only check-in's own pages read is {@code checkin.internal.CheckinPages}.
 *
 * <p>A check-out writes the student's report to the ledger (the counting rules apply then; a refused one keeps the
 * reason on the attendance); the employer confirms it in the ledger as any report. A make-up the employer approves is
 * written as the employer's record (counted as the employer's records are).
 */
@Service
public class Checkins {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Set<Role> FIGURE_READERS = EnumSet.of(Role.CENTER_STAFF, Role.CENTER_DIRECTOR, Role.ADMIN,
            Role.LEADER);

    private final CheckinStore store;
    private final ShiftDesk shifts;
    private final AttendanceBook attendances;
    private final Clock clock;

    Checkins(CheckinStore store, ShiftDesk shifts, AttendanceBook attendances, Clock clock) {
        this.store = store;
        this.shifts = shifts;
        this.attendances = attendances;
        this.clock = clock;
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

    // ================================================================== recording a check-in

    /** Opens a shift of a position the user manages (employer, center); the workplace is optional. */
    @Transactional
    public long openShift(CurrentUser user, long positionId, ShiftPlace place) {
        return openShift(user, positionId, place, clock.instant());
    }

    long openShift(CurrentUser user, long positionId, ShiftPlace place, Instant at) {
        return shifts.open(user, positionId, place, at);
    }

    /** Ends a shift: its codes stop working. */
    @Transactional
    public void closeShift(CurrentUser user, long shiftId) {
        closeShift(user, shiftId, clock.instant());
    }

    void closeShift(CurrentUser user, long shiftId, Instant at) {
        shifts.close(user, shiftId, at);
    }

    /** The code to show now on an open shift. */
    @Transactional(readOnly = true)
    public ShiftCode code(CurrentUser user, long shiftId) {
        return code(user, shiftId, clock.instant());
    }

    ShiftCode code(CurrentUser user, long shiftId, Instant at) {
        return shifts.code(user, shiftId, at);
    }

    /** A student scans (or types) a shift's code: the first scan checks in, the next (a newer code) checks out. */
    @Transactional
    public ScanOutcome scan(CurrentUser user, ScanForm form) {
        return scan(user, form, clock.instant());
    }

    ScanOutcome scan(CurrentUser user, ScanForm form, Instant at) {
        return attendances.scan(user, form, at);
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
        return attendances.requestMakeUp(user, attendanceId, endedAt, reason, at);
    }

    /** The employer approves (the record is written, the counting rules apply) or rejects (a note is required). */
    @Transactional
    public void decideMakeUp(CurrentUser user, long makeUpId, boolean approve, String note) {
        attendances.decideMakeUp(user, makeUpId, approve, note, clock.instant());
    }
}
