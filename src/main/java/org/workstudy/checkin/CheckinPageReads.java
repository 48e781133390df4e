package org.workstudy.checkin;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.checkin.internal.CheckinPages;
import org.workstudy.checkin.internal.Shift;
import org.workstudy.identity.CurrentUser;
import org.workstudy.positions.PositionView;

/**
 * {@link CheckinPages} over the package-private shift desk and attendance book: here in the root, since those are not
 * visible from {@code checkin.internal}, while the interface lives there so that no other module sees it.
 */
@Service
class CheckinPageReads implements CheckinPages {

    private final ShiftDesk shifts;
    private final AttendanceBook attendances;

    CheckinPageReads(ShiftDesk shifts, AttendanceBook attendances) {
        this.shifts = shifts;
        this.attendances = attendances;
    }

    @Override
    public boolean mayOpenShifts(CurrentUser user) {
        return ShiftDesk.mayOpenShifts(user);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Shift> shifts(CurrentUser user) {
        return shifts.shifts(user);
    }

    @Override
    @Transactional(readOnly = true)
    public Shift shift(CurrentUser user, long shiftId) {
        return shifts.shift(user, shiftId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<PositionView> positionsFor(CurrentUser user) {
        return shifts.positionsFor(user);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Attendance> attendances(CurrentUser user, long shiftId) {
        return attendances.ofShift(user, shiftId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Attendance> mine(CurrentUser user) {
        return attendances.mine(user);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Attendance> pendingMakeUps(CurrentUser user) {
        return attendances.pendingMakeUps(user);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Attendance> signals(CurrentUser user) {
        return attendances.signals(user);
    }
}
