package org.workstudy.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.shared.BusinessException;
import org.workstudy.statistics.internal.Dashboard;
import org.workstudy.statistics.internal.PlacementDrill;
import org.workstudy.statistics.internal.StatisticsPages;
import org.workstudy.statistics.internal.StudentDrill;
import org.workstudy.statistics.internal.StudentLine;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * Statistics hold only what the viewer may see: a counselor their classes, a vice dean their college, a student
 * themselves; a college, major or class outside the scope is "not found", in figures, lists and exports alike.
 */
@IntegrationTest
class StatisticsScopeTest {

    @Autowired
    Fixtures school;
    @Autowired
    StatisticsRefresh refresh;
    @Autowired
    StatisticsPages figures;
    @Autowired
    org.workstudy.organization.Organization organization;

    long collegeA;
    long collegeB;
    long classA1;
    long classA2;
    long classB1;
    List<Long> a1;
    List<Long> a2;
    List<Long> b1;

    @BeforeEach
    void twoColleges() {
        collegeA = school.college();
        collegeB = school.college();
        classA1 = school.schoolClass(collegeA);
        classA2 = school.schoolClass(collegeA);
        classB1 = school.schoolClass(collegeB);
        a1 = List.of(school.student(classA1), school.student(classA1), school.student(classA1));
        a2 = List.of(school.student(classA2), school.student(classA2));
        b1 = List.of(school.student(classB1));
        refresh.refresh(concat(a1, a2, b1));
    }

    private static final StatsFilter YEAR = new StatsFilter("2025-2026", null, null, null, null);

    @Test
    void aCounselorsFiguresHoldOnlyTheirClasses() {
        CurrentUser counselor = user(Role.COUNSELOR, Grant.of(Role.COUNSELOR, classA1));
        Dashboard d = figures.dashboard(counselor, YEAR);
        assertThat(d.level()).isEqualTo("CLASSES");
        assertThat(d.totals().students()).isEqualTo(3);
        assertThat(d.byClass()).extracting(Dashboard.Group::id).containsExactly(classA1);
        assertThat(d.byCollege()).isEmpty();
        assertThat(ids(figures.students(counselor, YEAR, StudentDrill.all(), 0, 50).items()))
                .containsExactlyInAnyOrderElementsOf(a1);
        // no hours yet: nobody has completed, everyone in the 2024 cohort is behind the pace of today
        assertThat(d.totals().completed()).isZero();
    }

    @Test
    void aCounselorAskingForAClassOrCollegeOutsideTheirScopeIsAnsweredNotFound() {
        CurrentUser counselor = user(Role.COUNSELOR, Grant.of(Role.COUNSELOR, classA1));
        assertNotFound(() -> figures.dashboard(counselor, new StatsFilter("2025-2026", null, null, null, classA2)));
        assertNotFound(() -> figures.students(counselor, new StatsFilter("2025-2026", null, collegeB, null, null),
                StudentDrill.all(), 0, 50));
        long majorOfB = organization.schoolClass(classB1).orElseThrow().majorId();
        assertNotFound(() -> figures.placements(counselor, new StatsFilter("2025-2026", null, null, majorOfB, null),
                PlacementDrill.all(), 0, 50));
        long ownMajor = organization.schoolClass(classA1).orElseThrow().majorId();
        assertThat(figures.dashboard(counselor, new StatsFilter("2025-2026", null, null, ownMajor, null)).totals()
                .students()).isEqualTo(3);
    }

    @Test
    void aViceDeansFiguresHoldOnlyTheirCollege() {
        CurrentUser viceDean = user(Role.VICE_DEAN, Grant.of(Role.VICE_DEAN, collegeA));
        Dashboard d = figures.dashboard(viceDean, YEAR);
        assertThat(d.level()).isEqualTo("COLLEGE");
        assertThat(d.totals().students()).isEqualTo(5);
        assertThat(d.byClass()).extracting(Dashboard.Group::id).containsExactlyInAnyOrder(classA1, classA2);
        assertThat(d.byMajor()).hasSize(2);
        assertThat(ids(figures.students(viceDean, YEAR, new StudentDrill("behind", null, null, null, null, false),
                0, 50).items())).containsExactlyInAnyOrderElementsOf(concat(a1, a2));
        List<Long> exported = new java.util.ArrayList<>();
        figures.forEachStudent(viceDean, YEAR, StudentDrill.all(), s -> exported.add(s.studentId()));
        assertThat(exported).containsExactlyInAnyOrderElementsOf(concat(a1, a2));
        assertNotFound(() -> figures.dashboard(viceDean, new StatsFilter("2025-2026", null, collegeB, null, null)));
        assertNotFound(() -> figures.students(viceDean, new StatsFilter("2025-2026", null, null, null, classB1),
                StudentDrill.all(), 0, 50));
    }

    @Test
    void theCenterSeesEveryCollegeAndMayNarrowToOne() {
        CurrentUser center = user(Role.CENTER_STAFF, Grant.school(Role.CENTER_STAFF));
        Dashboard all = figures.dashboard(center, YEAR);
        assertThat(all.level()).isEqualTo("SCHOOL");
        assertThat(all.byCollege()).extracting(Dashboard.Group::id).contains(collegeA, collegeB);
        Dashboard b = figures.dashboard(center, YEAR.withCollege(collegeB));
        assertThat(b.level()).isEqualTo("COLLEGE");
        assertThat(b.totals().students()).isEqualTo(1);
    }

    @Test
    void aStudentSeesOnlyThemselvesAndEmployersNothing() {
        long me = a1.get(0);
        CurrentUser student = user(Role.STUDENT, Grant.of(Role.STUDENT, me));
        Dashboard d = figures.dashboard(student, YEAR);
        assertThat(d.level()).isEqualTo("SELF");
        assertThat(d.totals().students()).isEqualTo(1);
        assertThat(ids(figures.students(student, YEAR, StudentDrill.all(), 0, 50).items())).containsExactly(me);
        assertNotFound(() -> figures.dashboard(student, new StatsFilter("2025-2026", null, null, null, classA1)));
        CurrentUser employer = user(Role.EMPLOYER, Grant.of(Role.EMPLOYER, 1L));
        assertThatThrownBy(() -> figures.dashboard(employer, YEAR))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void aNewStudentAppearsInTheFiguresAfterTheNextRunAndCachedFiguresMoveWithIt() {
        CurrentUser viceDean = user(Role.VICE_DEAN, Grant.of(Role.VICE_DEAN, collegeA));
        assertThat(figures.dashboard(viceDean, YEAR).totals().students()).isEqualTo(5);
        long late = school.student(classA2);
        assertThat(figures.dashboard(viceDean, YEAR).totals().students()).isEqualTo(5); // not summarised yet
        assertThat(refresh.refreshDue(100_000)).isGreaterThanOrEqualTo(1);
        assertThat(figures.dashboard(viceDean, YEAR).totals().students()).isEqualTo(6);
        assertThat(ids(figures.students(viceDean, YEAR, StudentDrill.all(), 0, 50).items())).contains(late);
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    private static Set<Long> ids(List<StudentLine> lines) {
        return lines.stream().map(StudentLine::studentId).collect(Collectors.toSet());
    }

    @SafeVarargs
    private static List<Long> concat(List<Long>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    private static CurrentUser user(Role role, Grant grant) {
        return new CurrentUser(900_000 + Fixtures.next(), "stats-" + role, "统计测试", role, List.of(grant));
    }
}
