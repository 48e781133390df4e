package org.workstudy.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.hours.HoursFigures;
import org.workstudy.hours.HoursFixtures;
import org.workstudy.hours.HoursLedger;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Student;
import org.workstudy.support.IntegrationTest;

/**
 * The standings of a past day (a month frozen late, a closed award year) are computed from the owners by the same
 * rule as the summary: today's equal the summary's; on a past day, records entered after it do not count and the
 * pace is that day's.
 */
@IntegrationTest
class StandingsAsOfIntegrationTest {

    static final CurrentUser CENTER = new CurrentUser(0, "center-standings", "中心", Role.CENTER_STAFF,
            List.of(Grant.school(Role.CENTER_STAFF)));

    @Autowired HoursFixtures hours;
    @Autowired HoursLedger ledger;
    @Autowired HoursFigures hoursFigures;
    @Autowired StatisticsRefresh refresh;
    @Autowired ClassFigures classFigures;
    @Autowired StatisticsFigures statistics;
    @Autowired Organization organization;
    @Autowired Clock clock;

    @Test
    void aPastDayLeavesOutRecordsEnteredAfterItAndUsesThatDaysPace() {
        HoursFixtures.Setup setup = hours.placed(2);
        Student worked = setup.student();
        List<Long> ids = setup.students().stream().map(Student::id).toList();
        ledger.record(setup.counselor(), HoursFixtures.hours(worked, setup.placement(), "2025-10-18", "6"));
        refresh.refresh(ids);
        LocalDate today = LocalDate.now(clock);

        // the record was entered today: not in the figures of yesterday, in today's
        assertThat(hoursFigures.of(List.of(worked.id()), today.minusDays(1)).get(worked.id()).countedHours())
                .isEqualByComparingTo("0");
        HoursFigures.StudentFigures now = hoursFigures.of(List.of(worked.id()), today).get(worked.id());
        assertThat(now.countedHours()).isEqualByComparingTo("6");
        assertThat(now.expectedHours()).as("more than a semester's pace is expected today").isGreaterThan(now.countedHours());

        // today's standings computed from the owners are the summary's
        ClassFigures.ClassStanding summary = ofClass(classFigures.standings(), setup.classId());
        assertThat(ofClass(classFigures.standingsAsOf(today), setup.classId())).isEqualTo(summary);
        assertThat(summary.students()).isEqualTo(2);
        assertThat(summary.onTrack()).isZero();
        assertThat(summary.atRisk()).isEqualTo(2);
        // the day before the students' first semester: nothing expected yet, both on track, none at risk
        LocalDate beforeWindow = LocalDate.of(2025, 8, 31);
        ClassFigures.ClassStanding then = ofClass(classFigures.standingsAsOf(beforeWindow), setup.classId());
        assertThat(then).isEqualTo(new ClassFigures.ClassStanding(setup.classId(), summary.collegeId(), 2, 2, 0));
        // several days in one pass give the same answers
        var both = classFigures.standingsAsOf(List.of(today, beforeWindow));
        assertThat(ofClass(both.get(today), setup.classId())).isEqualTo(summary);
        assertThat(ofClass(both.get(beforeWindow), setup.classId())).isEqualTo(then);

        // the students of a scope as they stood on a past day (for a closed award year)
        long college = organization.schoolClass(setup.classId()).orElseThrow().collegeId();
        StatsFilter year = new StatsFilter("2025-2026", null, college, null, setup.classId());
        StudentStanding todays = statistics.standings(CENTER, year).stream()
                .filter(s -> s.studentId() == worked.id()).findFirst().orElseThrow();
        assertThat(todays.countedHours()).isEqualByComparingTo("6");
        assertThat(todays.onTrack()).isFalse();
        List<StudentStanding> past = statistics.standingsAsOf(CENTER, year, beforeWindow);
        assertThat(past).extracting(StudentStanding::studentId).containsExactlyInAnyOrderElementsOf(ids);
        StudentStanding pastOfWorked = past.stream().filter(s -> s.studentId() == worked.id()).findFirst()
                .orElseThrow();
        assertThat(pastOfWorked.countedHours()).isEqualByComparingTo("0");
        assertThat(pastOfWorked.expectedHours()).isEqualByComparingTo("0");
        assertThat(pastOfWorked.onTrack()).isTrue();
        assertThat(pastOfWorked.yearHours()).as("the year's hours stay the summary's").isEqualByComparingTo("6");
    }

    private static ClassFigures.ClassStanding ofClass(List<ClassFigures.ClassStanding> standings, long classId) {
        return standings.stream().filter(c -> c.classId() == classId).findFirst().orElseThrow();
    }
}
