package org.workstudy.checkin.internal;

import java.util.List;

import org.workstudy.checkin.Attendance;
import org.workstudy.identity.CurrentUser;
import org.workstudy.positions.PositionView;

/**
 * What check-in's own pages and API read besides {@code Checkins}: the shift lists, who checked in, a student's own
 * attendances, the make-ups waiting and the signals. No other module needs these, so they live here and not on the
 * module's facade. Every method checks the user's role and data scope; ids outside it answer "not found".
 */
public interface CheckinPages {

    /** May this user open shifts at all (the navigation, the list page)? */
    boolean mayOpenShifts(CurrentUser user);

    /** The shifts of the last 30 days the user may manage: an employer's, or all for the center. */
    List<Shift> shifts(CurrentUser user);

    /** A shift the user may manage. */
    Shift shift(CurrentUser user, long shiftId);

    /** The positions the user may open a shift for (an employer's published ones; the center's: all published). */
    List<PositionView> positionsFor(CurrentUser user);

    /** The attendances of a shift the user may manage, with their signals. */
    List<Attendance> attendances(CurrentUser user, long shiftId);

    /** The student's own attendances, newest first. */
    List<Attendance> mine(CurrentUser user);

    /** Make-up requests waiting for this employer (or the center). */
    List<Attendance> pendingMakeUps(CurrentUser user);

    /** Attendances of the last 30 days with a signal: the employer's shifts, the staff's students. */
    List<Attendance> signals(CurrentUser user);
}
