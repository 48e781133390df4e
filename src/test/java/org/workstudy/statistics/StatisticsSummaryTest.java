package org.workstudy.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.demo.DemoSchool;
import org.workstudy.hours.ClassProgressRow;
import org.workstudy.hours.HoursLedger;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.statistics.internal.Dashboard;
import org.workstudy.statistics.internal.StatisticsPages;
import org.workstudy.statistics.internal.StudentDrill;
import org.workstudy.statistics.internal.StudentLine;
import org.workstudy.support.IntegrationTest;

/**
 * The summary says what the ledger says: for a class of the demo school (hours, corrections, waiting entries), each
 * student's counted hours, even-pace expectation and warning in statistics equal the counselor's class progress.
 */
@IntegrationTest
class StatisticsSummaryTest {

    @Autowired DemoSchool demo;
    @Autowired HoursLedger ledger;
    @Autowired StatisticsRefresh refresh;
    @Autowired StatisticsPages figures;

    @Test
    void eachStudentsFiguresEqualTheCounselorsClassProgress() {
        long classId = demo.people().get("behind").classId();
        CurrentUser counselor = new CurrentUser(990_001, "stats-summary", "统计", Role.COUNSELOR,
                List.of(Grant.of(Role.COUNSELOR, classId)));
        List<ClassProgressRow> progress = ledger.classProgress(counselor, classId);
        refresh.refresh(progress.stream().map(ClassProgressRow::studentId).toList());

        StatsFilter filter = new StatsFilter(figures.currentYear(), null, null, null, classId);
        Map<Long, StudentLine> lines = figures.students(counselor, filter, StudentDrill.all(), 0, 500).items()
                .stream().collect(Collectors.toMap(StudentLine::studentId, Function.identity()));
        assertThat(lines.keySet()).containsExactlyInAnyOrderElementsOf(
                progress.stream().map(ClassProgressRow::studentId).toList());
        assertThat(progress).anyMatch(p -> p.hours().signum() > 0);
        for (ClassProgressRow p : progress) {
            StudentLine s = lines.get(p.studentId());
            assertThat(s.countedHours()).as(p.studentNo()).isEqualByComparingTo(p.hours());
            assertThat(s.expectedHours()).as(p.studentNo()).isEqualByComparingTo(p.expectedHours());
            if (s.exemption() == null && !s.recognised()) {
                assertThat(s.atRisk()).as(p.studentNo()).isEqualTo(p.atRisk());
                assertThat(s.completed()).as(p.studentNo()).isEqualTo(p.completed());
            }
        }
        Dashboard d = figures.dashboard(counselor, filter);
        assertThat(d.totals().students()).isEqualTo(progress.size());
        assertThat(d.totals().atRisk()).isEqualTo(lines.values().stream().filter(StudentLine::atRisk).count());
    }
}
