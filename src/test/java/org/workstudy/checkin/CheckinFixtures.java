package org.workstudy.checkin;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;

import org.springframework.stereotype.Component;
import org.workstudy.hours.HoursFixtures;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.support.Fixtures;

/** Check-ins at a given time for other modules' tests (the time-taking methods are package-private). */
@Component
public class CheckinFixtures {

    private static final BigDecimal LAT = new BigDecimal("24.479800");
    private static final BigDecimal LNG = new BigDecimal("118.089400");

    private final Checkins checkins;
    private final Fixtures fixtures;

    CheckinFixtures(Checkins checkins, Fixtures fixtures) {
        this.checkins = checkins;
        this.fixtures = fixtures;
    }

    /** Opens a shift of the setup's position at the workplace (radius 200 m), at that time. */
    public long openShift(HoursFixtures.Setup setup, Instant at) {
        return fixtures.inTransaction(() -> checkins.openShift(setup.employer(), setup.positionId(),
                new Checkins.ShiftPlace(LAT, LNG, 200), at));
    }

    /** The student scans the shift's code of that moment, at the workplace, from that device; the attendance. */
    public long scan(HoursFixtures.Setup setup, long shiftId, Student student, Instant at, String device) {
        String token = checkins.code(setup.employer(), shiftId, at).token();
        return fixtures.inTransaction(() -> checkins.scan(PlacementFixtures.signedIn(student),
                new ScanForm(token, LAT, LNG, device), at)).attendance().id();
    }

    public void closeShift(HoursFixtures.Setup setup, long shiftId, Instant at) {
        fixtures.inTransaction(() -> {
            checkins.closeShift(setup.employer(), shiftId, at);
            return null;
        });
    }

    public long requestMakeUp(Student student, long attendanceId, LocalTime endedAt, Instant at) {
        return fixtures.inTransaction(() -> checkins.requestMakeUp(PlacementFixtures.signedIn(student), attendanceId,
                endedAt, "忘记签退", at));
    }
}
