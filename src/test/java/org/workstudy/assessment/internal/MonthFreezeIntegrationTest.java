package org.workstudy.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workstudy.hours.HoursFixtures;
import org.workstudy.hours.HoursLedger;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Student;
import org.workstudy.statistics.ClassFigures;
import org.workstudy.statistics.StatisticsRefresh;
import org.workstudy.support.IntegrationTest;

/**
 * A frozen month never moves: freezing the month, then entering a late record (work of an earlier month), leaves
 * the frozen figures as they were while the record counts, live, in the month it was entered. The job freezes each
 * closed month once, however often and on however many instances it runs.
 *
 * <p>The test freezes the open month itself (the job freezes only closed months, and pages always show the open month
 * live): records written by a test are always entered now, so the open month is the only month whose snapshot can
 * hold them. The snapshot is read from the store, as the pages read it once the month has closed.
 */
@IntegrationTest
class MonthFreezeIntegrationTest {

    @Autowired HoursFixtures hours;
    @Autowired HoursLedger ledger;
    @Autowired StatisticsRefresh refresh;
    @Autowired MonthFreeze freeze;
    @Autowired FreezeJob job;
    @Autowired MonthCalculator calculator;
    @Autowired AssessmentFigures figures;
    @Autowired Organization organization;
    @Autowired JdbcClient jdbc;
    @Autowired AssessmentStore store;
    @Autowired Assessments assessments;
    @Autowired ClassFigures classFigures;

    static final CurrentUser CENTER = new CurrentUser(0, "center-asof", "中心", Role.CENTER_STAFF,
            List.of(Grant.school(Role.CENTER_STAFF)));

    @Test
    void aLateRecordLeavesTheFrozenMonthAsItWasAndCountsInTheMonthItIsEntered() {
        HoursFixtures.Setup setup = hours.placed(1);
        Student s = setup.student();
        long college = organization.schoolClass(setup.classId()).orElseThrow().collegeId();
        // work of the summer vacation, entered now: late for its month, so in this month's denominator only
        ledger.record(setup.counselor(), HoursFixtures.hours(s, setup.placement(), "2026-07-20", "6"));
        refresh.refresh(List.of(s.id()));
        YearMonth month = figures.currentMonth();

        assertThat(freeze.freeze(month)).isTrue();
        assertThat(freeze.freeze(month)).as("a month is frozen once").isFalse();
        assertThat(store.frozen(month).orElseThrow().reconstructed()).as("frozen on time").isFalse();
        SubjectFigures frozen = frozen(college, month);
        assertThat(frozen.frozen()).isTrue();
        Figure register = frozen.figure(Metric.REGISTER_TIMELY).orElseThrow();
        assertThat(register.numerator()).isEqualByComparingTo("0");
        assertThat(register.denominator()).isEqualByComparingTo("6");
        assertThat(frozen.figure(Metric.ON_TRACK).orElseThrow().denominator()).isEqualByComparingTo("1");
        assertThat(frozen.figure(Metric.PLACEMENTS_PLAN).orElseThrow().numerator()).isEqualByComparingTo("1");
        long rows = jdbc.sql("SELECT count(*) FROM asm_figure WHERE month = ?")
                .param(java.sql.Date.valueOf(month.atDay(1))).query(Long.class).single();

        // a late record arrives after the freeze
        ledger.record(setup.counselor(), HoursFixtures.hours(s, setup.placement(), "2026-07-21", "4"));
        refresh.refresh(List.of(s.id()));

        SubjectFigures after = frozen(college, month);
        assertThat(after).isEqualTo(frozen);
        assertThat(jdbc.sql("SELECT count(*) FROM asm_figure WHERE month = ?")
                .param(java.sql.Date.valueOf(month.atDay(1))).query(Long.class).single()).isEqualTo(rows);
        // ... and counts in the month it was entered, as the live computation of that month shows
        SubjectFigures open = figures.of(SubjectKind.COLLEGE, college, month).orElseThrow();
        assertThat(open.frozen()).as("the open month is shown live").isFalse();
        Figure live = open.figure(Metric.REGISTER_TIMELY).orElseThrow();
        assertThat(live.denominator()).isEqualByComparingTo("10");
        assertThat(live.numerator()).isEqualByComparingTo("0");
        // the class's own snapshot and the stored rows cannot be changed behind the page's back
        assertThatThrownBy(() -> jdbc.sql("UPDATE asm_figure SET numerator = 99 WHERE month = ?")
                .param(java.sql.Date.valueOf(month.atDay(1))).update()).hasMessageContaining("frozen");
    }

    @Test
    void aMonthFrozenLateTakesTheStandingsOfItsLastDayAndSaysSo() {
        HoursFixtures.Setup setup = hours.placed(1);
        Student s = setup.student();
        long college = organization.schoolClass(setup.classId()).orElseThrow().collegeId();
        ledger.record(setup.counselor(), HoursFixtures.hours(s, setup.placement(), "2025-10-18", "6"));
        refresh.refresh(List.of(s.id()));
        // today the student is behind the even pace (6 hours of more than a semester's worth expected)
        ClassFigures.ClassStanding today = classFigures.standings().stream()
                .filter(c -> c.classId() == setup.classId()).findFirst().orElseThrow();
        assertThat(today.onTrack()).isZero();
        // a month closed long ago (before the student's window: nothing was expected then), frozen only now
        YearMonth month = YearMonth.of(2002, 1 + (int) (System.nanoTime() % 12));

        assertThat(freeze.freeze(month)).isTrue();

        assertThat(store.frozen(month).orElseThrow().reconstructed()).isTrue();
        SubjectFigures ofClass = store.figures(month).stream()
                .filter(f -> f.kind() == SubjectKind.CLASS && f.subjectId() == setup.classId()).findFirst()
                .orElseThrow();
        Figure onTrack = ofClass.figure(Metric.ON_TRACK).orElseThrow();
        assertThat(onTrack.numerator()).as("on track at the month's end").isEqualByComparingTo("1");
        assertThat(onTrack.denominator()).isEqualByComparingTo("1");
        assertThat(figures.month(month).period().reconstructedMonths()).containsExactly(month);
        // the page and the printable report say so
        CollegeReport report = assessments.college(CENTER, college, month);
        assertThat(report.reconstructed()).isTrue();
        assertThat(report.standingsDay()).isEqualTo(month.atEndOfMonth());
        Ranking ranking = assessments.month(CENTER, month);
        assertThat(ranking.standingsDay()).isEqualTo(month.atEndOfMonth());
        assertThat(assessments.year(CENTER, AssessmentFigures.academicYearOf(month)).reconstructedMonths())
                .containsExactly(month.toString());
    }

    private SubjectFigures frozen(long college, YearMonth month) {
        return store.figures(month).stream().filter(f -> f.kind() == SubjectKind.COLLEGE && f.subjectId() == college)
                .findFirst().orElseThrow();
    }

    @Test
    void theJobFreezesEachClosedMonthOnceAndASecondRunChangesNothing() {
        job.freezeClosedMonths();
        assertThat(freeze.due()).as("every closed month is frozen after a run").isEmpty();
        long months = jdbc.sql("SELECT count(*) FROM asm_month").query(Long.class).single();
        long rows = jdbc.sql("SELECT count(*) FROM asm_figure").query(Long.class).single();
        job.freezeClosedMonths();
        assertThat(freeze.freezeDue()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM asm_month").query(Long.class).single()).isEqualTo(months);
        assertThat(jdbc.sql("SELECT count(*) FROM asm_figure").query(Long.class).single()).isEqualTo(rows);
        YearMonth previous = figures.currentMonth().minusMonths(1);
        assertThat(figures.month(previous).period().frozen()).isTrue();
        assertThat(figures.month(figures.currentMonth()).subjects()).isNotEmpty();
    }

    @Test
    void twoInstancesFreezingTheSameMonthAtOnceFreezeItOnce() throws Exception {
        // before any data: never due; January to August, so its academic year (2000-2001) is not the one of the
        // month another test freezes late in 2002 (whose year must list only that month)
        YearMonth month = YearMonth.of(2001, 1 + (int) Math.floorMod(System.nanoTime(), 8L));
        int instances = 2;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                Callable<Boolean> run = () -> {
                    start.await();
                    return freeze.freeze(month);
                };
                runs.add(pool.submit(run));
            }
            start.countDown();
            int froze = 0;
            for (Future<Boolean> r : runs) {
                froze += r.get() ? 1 : 0;
            }
            assertThat(froze).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        long schoolRows = jdbc.sql("SELECT count(*) FROM asm_figure WHERE month = ? AND subject_kind = 'SCHOOL'")
                .param(java.sql.Date.valueOf(month.atDay(1))).query(Long.class).single();
        assertThat(schoolRows).isEqualTo(Metric.values().length);
    }
}
