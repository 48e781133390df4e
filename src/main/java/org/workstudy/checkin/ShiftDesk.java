package org.workstudy.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.workstudy.audit.AuditTrail;
import org.workstudy.checkin.internal.Shift;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.positions.PositionBank;
import org.workstudy.positions.PositionQuery;
import org.workstudy.positions.PositionStatus;
import org.workstudy.positions.PositionView;
import org.workstudy.shared.BusinessException;

/**
 * Shifts: opened and closed by those who may manage the position (the employer's supervisor, the center), the
 * rotating code they show, and the scope check every shift page and make-up decision runs first.
 */
@Service
class ShiftDesk {

    static final String AUDIT_SHIFT = "checkin-shift";

    private final CheckinStore store;
    private final PositionBank positions;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration step;
    private volatile ShiftCodes codes;

    ShiftDesk(CheckinStore store, PositionBank positions, AuditTrail audit, Clock clock,
            @Value("${workstudy.checkin.step-seconds:30}") int stepSeconds) {
        this.store = store;
        this.positions = positions;
        this.audit = audit;
        this.clock = clock;
        this.step = Duration.ofSeconds(stepSeconds);
    }

    /** May this user open shifts at all (the navigation, the list page)? */
    static boolean mayOpenShifts(CurrentUser user) {
        return user.acts(Role.EMPLOYER) || user.acts(Role.CENTER_STAFF) || user.acts(Role.ADMIN);
    }

    long open(CurrentUser user, long positionId, Checkins.ShiftPlace place, Instant at) {
        PositionView p = managed(user, positionId);
        Checkins.ShiftPlace checked = Workplace.checkPlace(place);
        long id = store.openShift(p.id(), p.employerId(), user.username(), at, checked.latitude(),
                checked.longitude(), checked.radiusM());
        Map<String, Object> trail = new LinkedHashMap<>();
        trail.put("position", p.id());
        trail.put("radius", checked.radiusM());
        audit.record(AUDIT_SHIFT, id, "open", trail);
        return id;
    }

    void close(CurrentUser user, long shiftId, Instant at) {
        CheckinStore.ShiftRow s = managedShift(user, shiftId);
        store.closeShift(s.id(), at);
        audit.record(AUDIT_SHIFT, s.id(), "close", Map.of("position", s.positionId()));
    }

    Checkins.ShiftCode code(CurrentUser user, long shiftId, Instant at) {
        CheckinStore.ShiftRow s = managedShift(user, shiftId);
        if (s.closedAt() != null) {
            throw BusinessException.conflict("checkin.shift.closed");
        }
        ShiftCodes c = codes();
        long now = c.stepAt(at);
        return new Checkins.ShiftCode(s.id(), c.token(s.id(), now), c.fallback(s.id()), c.nextAt(now),
                c.expiresAt(now));
    }

    /** The shifts of the last 30 days the user may manage: an employer's, or all for the center. */
    List<Shift> shifts(CurrentUser user) {
        if (!mayOpenShifts(user)) {
            throw BusinessException.forbidden();
        }
        Instant since = clock.instant().minus(Duration.ofDays(30));
        return shiftViews(store.shifts(user.acts(Role.EMPLOYER) ? user.activeScopeIds() : null, since));
    }

    Shift shift(CurrentUser user, long shiftId) {
        return shiftViews(List.of(managedShift(user, shiftId))).get(0);
    }

    /** The positions the user may open a shift for (an employer's published ones; the center's: all published). */
    List<PositionView> positionsFor(CurrentUser user) {
        if (!mayOpenShifts(user)) {
            throw BusinessException.forbidden();
        }
        List<PositionView> out = new ArrayList<>();
        Collection<Long> employers = user.acts(Role.EMPLOYER) ? user.activeScopeIds()
                : Collections.singletonList(null);
        for (Long employer : employers) {
            out.addAll(positions.search(new PositionQuery(null, null, null, PositionStatus.PUBLISHED, employer, null,
                    null, null, null), 0, 200).items());
        }
        return out;
    }

    /** The shift, if the user may manage its position; else "not found". */
    CheckinStore.ShiftRow managedShift(CurrentUser user, long shiftId) {
        CheckinStore.ShiftRow s = store.shift(shiftId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (!mayOpenShifts(user) || !positions.mayManage(user, s.positionId())) {
            throw BusinessException.notFound("error.not-found");
        }
        return s;
    }

    /** The codes signed with the school's key (read, or made, on first use). */
    ShiftCodes codes() {
        ShiftCodes c = codes;
        if (c == null) {
            c = new ShiftCodes(store.secret(), step);
            codes = c;
        }
        return c;
    }

    private PositionView managed(CurrentUser user, long positionId) {
        if (!mayOpenShifts(user) || !positions.mayManage(user, positionId)) {
            throw BusinessException.notFound("error.not-found");
        }
        return positions.find(positionId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
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
}
