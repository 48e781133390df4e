package org.workstudy.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StudentRow;
import org.workstudy.positions.PositionBank;
import org.workstudy.positions.PositionView;

/**
 * Attendances as the pages and the API show them: with their position, student, signals (computed when read, never
 * stored) and whether a make-up may be asked for now, which depends on {@code workstudy.checkin.make-up-days}.
 */
@Component
class AttendanceViews {

    private final CheckinStore store;
    private final PositionBank positions;
    private final Roster roster;
    private final Clock clock;
    private final int makeUpDays;

    AttendanceViews(CheckinStore store, PositionBank positions, Roster roster, Clock clock,
            @Value("${workstudy.checkin.make-up-days:3}") int makeUpDays) {
        this.store = store;
        this.positions = positions;
        this.roster = roster;
        this.clock = clock;
        this.makeUpDays = makeUpDays;
    }

    /** How many days after a shift ended a missed check-out may still be made up. */
    int makeUpDays() {
        return makeUpDays;
    }

    // the last moment a make-up of a missed check-out may be asked for: make-up-days after the shift ended
    Instant makeUpUntil(CheckinStore.ShiftRow shift) {
        return shift.closedAt().plus(Duration.ofDays(makeUpDays));
    }

    List<Attendance> views(List<CheckinStore.AttendanceRow> rows) {
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
