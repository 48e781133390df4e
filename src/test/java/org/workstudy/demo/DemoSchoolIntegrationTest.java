package org.workstudy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.credits.Certificates;
import org.workstudy.credits.ExemptionStatus;
import org.workstudy.credits.Exemptions;
import org.workstudy.credits.GraduationAudit;
import org.workstudy.credits.GraduationFilter;
import org.workstudy.credits.GraduationRow;
import org.workstudy.credits.GraduationStatus;
import org.workstudy.credits.NoticeBoard;
import org.workstudy.credits.RecognitionBasis;
import org.workstudy.hours.ClassProgressRow;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.Progress;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentStatus;
import org.workstudy.placements.SelfArrangedStatus;
import org.workstudy.placements.SelfArrangedView;
import org.workstudy.placements.SelfArrangedWork;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

/**
 * The demo school shows what the README promises: each named demo person is in their state by the application's own
 * progress, audit and workflow services, and can sign in with the demo password.
 */
@IntegrationTest
class DemoSchoolIntegrationTest {

    private static final CurrentUser CENTER = new CurrentUser(0, "center-t", "中心", Role.CENTER_DIRECTOR,
            List.of(Grant.school(Role.CENTER_DIRECTOR)));
    private static final CurrentUser ACADEMIC = new CurrentUser(0, "jiaowu-t", "教务", Role.ACADEMIC_AFFAIRS,
            List.of(Grant.school(Role.ACADEMIC_AFFAIRS)));

    @Autowired DemoSchool demo;
    @Autowired HoursLedger ledger;
    @Autowired GraduationAudit graduation;
    @Autowired SelfArrangedWork selfArranged;
    @Autowired Exemptions exemptions;
    @Autowired NoticeBoard notices;
    @Autowired Certificates certificates;
    @Autowired Roster roster;
    @Autowired Organization organization;
    @Autowired MockMvc mvc;

    private Student person(String state) {
        Student s = demo.people().get(state);
        assertThat(s).as("demo person " + state).isNotNull();
        return roster.find(s.id()).orElseThrow();
    }

    private CurrentUser counselorOf(Student s) {
        long account = organization.counselorsOf(s.classId()).get(0);
        return new CurrentUser(account, "c", "c", Role.COUNSELOR, List.of(Grant.of(Role.COUNSELOR, s.classId())));
    }

    private ClassProgressRow progressRow(Student s) {
        return ledger.classProgress(counselorOf(s), s.classId()).stream().filter(r -> r.studentId() == s.id())
                .findFirst().orElseThrow();
    }

    @Test
    void theFifthSemesterStudentsAreCompleteBehindAndAtRisk() {
        Progress complete = ledger.progress(CENTER, person("complete").id());
        assertThat(complete.completed()).isTrue();
        assertThat(complete.currentSemester()).isEqualTo(5);
        ClassProgressRow behind = progressRow(person("behind"));
        assertThat(behind.behind()).isTrue();
        assertThat(behind.waitingEntries()).isGreaterThanOrEqualTo(2); // the employer's record, the report
        ClassProgressRow atRisk = progressRow(person("at-risk"));
        assertThat(atRisk.behind()).isTrue();
        assertThat(atRisk.hours()).isLessThan(new BigDecimal("60"));
    }

    @Test
    void selfArrangedWorkOutOfTheCityWaitsForTheViceDeanAndOneCertificateIsVerified() {
        List<SelfArrangedView> waiting = selfArranged.ofStudent(person("out-of-city-waiting").id());
        assertThat(waiting).singleElement().satisfies(w -> {
            assertThat(w.outOfCity()).isTrue();
            assertThat(w.status()).isEqualTo(SelfArrangedStatus.WAITING_VICE_DEAN);
        });
        List<SelfArrangedView> verified = selfArranged.ofStudent(person("out-of-city-verified").id());
        assertThat(verified).singleElement().satisfies(w -> {
            assertThat(w.outOfCity()).isTrue();
            assertThat(w.certificateVerified()).isTrue();
        });
    }

    @Test
    void exemptionsStandInEveryStateAndTheRunningNoticeHasAnObjectionWaiting() {
        Map<ExemptionStatus, Long> states = exemptions.inScope(CENTER, null, 1000).stream()
                .collect(Collectors.groupingBy(e -> e.status(), Collectors.counting()));
        assertThat(states.keySet()).contains(ExemptionStatus.SUBMITTED, ExemptionStatus.WAITING_DIRECTOR,
                ExemptionStatus.RETURNED, ExemptionStatus.REJECTED, ExemptionStatus.WITHDRAWN,
                ExemptionStatus.IN_NOTICE, ExemptionStatus.FINAL);
        Student inNotice = person("exemption-in-notice");
        assertThat(exemptions.inScope(CENTER, ExemptionStatus.IN_NOTICE, 1000))
                .anySatisfy(e -> assertThat(e.studentId()).isEqualTo(inNotice.id()));
        assertThat(notices.openObjections(CENTER)).isNotEmpty();
    }

    @Test
    void theLatestGraduatedCohortShowsEveryStatusAndItsGraduatesHaveVerifiableCertificates() {
        Student deferred = person("deferred-make-up");
        int cohort = organization.schoolClass(deferred.classId()).orElseThrow().cohort();
        List<GraduationRow> rows = graduation.audit(ACADEMIC, cohort, GraduationFilter.all()).rows();
        Set<GraduationStatus> statuses = rows.stream().map(GraduationRow::status)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(GraduationStatus.class)));
        // recognised students are COMPLETED whatever the basis: the exempt and offset ones show it on their certificate
        assertThat(statuses).contains(GraduationStatus.COMPLETED, GraduationStatus.DEFERRED, GraduationStatus.MADE_UP);
        Set<RecognitionBasis> bases = rows.stream().filter(r -> r.status() == GraduationStatus.COMPLETED)
                .flatMap(r -> certificate(r.studentId()).stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RecognitionBasis.class)));
        assertThat(bases).contains(RecognitionBasis.HOURS, RecognitionBasis.EXEMPT, RecognitionBasis.OFFSET);
        assertThat(status(rows, deferred)).isEqualTo(GraduationStatus.DEFERRED);
        assertThat(rows.stream().filter(r -> r.studentId() == deferred.id()).findFirst().orElseThrow().makeUpHours())
                .isPositive();
        assertThat(status(rows, person("released"))).isEqualTo(GraduationStatus.MADE_UP);
        Student graduate = person("graduate");
        assertThat(graduate.status()).isEqualTo(StudentStatus.GRADUATED);
        String code = certificates.of(ACADEMIC, graduate.id()).code();
        assertThat(certificates.verify(code)).isPresent();
    }

    /** The basis of the student's certificate; other tests' cohort-2023 students may have none. */
    private java.util.Optional<RecognitionBasis> certificate(long studentId) {
        try {
            return java.util.Optional.of(certificates.of(ACADEMIC, studentId).basis());
        } catch (org.workstudy.shared.BusinessException e) {
            return java.util.Optional.empty();
        }
    }

    private static GraduationStatus status(List<GraduationRow> rows, Student s) {
        return rows.stream().filter(r -> r.studentId() == s.id()).findFirst().orElseThrow().status();
    }

    @Test
    void theSameSchoolOnTheSameDayPlansTheSameHistoryAndTheDemoPeopleAreThoseItChose() {
        Map<String, String> first = demo.replan().planOnly();
        Map<String, String> second = demo.replan().planOnly();
        assertThat(first).hasSizeGreaterThanOrEqualTo(300).isEqualTo(second);
        demo.people().forEach((state, s) -> {
            String planned = first.get(s.studentNo());
            String role = state.equals("deferred-make-up") ? "makeup" : state;
            assertThat(planned).as(state).startsWith(role + " ");
        });
    }

    @Test
    void theDemoPeopleSignInWithTheDemoPassword() throws Exception {
        for (String state : List.of("complete", "behind", "out-of-city-waiting", "exemption-in-notice",
                "deferred-make-up")) {
            assertThat(Logins.login(mvc, person(state).studentNo(), DemoSchool.PASSWORD)).as(state).isNotNull();
        }
        assertThat(Logins.login(mvc, "huizhan", DemoSchool.PASSWORD)).isNotNull();
    }
}
