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
import org.workstudy.credits.GraduationAudit;
import org.workstudy.exemptions.internal.ExemptionPages;
import org.workstudy.exemptions.internal.ExemptionStatus;
import org.workstudy.notices.internal.NoticePages;
import org.workstudy.certificates.Certificates;
import org.workstudy.credits.RecognitionBasis;
import org.workstudy.credits.internal.GraduationFilter;
import org.workstudy.credits.internal.GraduationRow;
import org.workstudy.credits.internal.GraduationStatus;
import org.workstudy.hours.ClassProgressRow;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.internal.Progress;
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
import org.workstudy.hours.internal.LedgerPages;

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
    @Autowired LedgerPages pages;
    @Autowired GraduationAudit graduation;
    @Autowired SelfArrangedWork selfArranged;
    @Autowired ExemptionPages exemptions;
    @Autowired NoticePages notices;
    @Autowired Certificates certificates;
    @Autowired Roster roster;
    @Autowired Organization organization;
    @Autowired MockMvc mvc;
    @Autowired org.workstudy.recognition.Recognitions recognitions;
    @Autowired org.workstudy.quality.QualityCredits quality;
    @Autowired org.workstudy.positions.AnnualPlans plans;
    @Autowired org.workstudy.positions.internal.PlanPage planPage;
    @Autowired org.workstudy.notifications.Notifications notifications;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired org.workstudy.pay.PaySheets pay;
    @Autowired org.workstudy.pay.internal.PayPages payPages;
    @Autowired java.time.Clock clock;
    @Autowired org.workstudy.assessment.internal.AssessmentFigures assessment;

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

    /**
     * The open month's 登记及时率 of the demo colleges is believable: the counselors of the quarterly classes have
     * not yet entered the running quarter (its months are entered on time), so the open month holds no months of
     * late hours entered at the demo's start (it read 0 % early in a month). Only in a quarter's first month are
     * the previous quarter's sheets entered late, by design; with nothing entered yet the figure is not measured
     * (the page shows "—").
     */
    @Test
    void theOpenMonthsRegistersOnTimeAreNotSwampedByTheRunningQuartersHours() {
        java.time.YearMonth open = assessment.currentMonth();
        Set<Long> demoColleges = organization.colleges().stream()
                .filter(c -> java.util.Arrays.stream(DemoSchool.COLLEGES).anyMatch(d -> d[1].equals(c.name())))
                .map(org.workstudy.organization.College::id).collect(Collectors.toSet());
        assertThat(demoColleges).hasSize(DemoSchool.COLLEGES.length);
        org.workstudy.assessment.internal.Figure sum = org.workstudy.assessment.internal.Figure.of(
                org.workstudy.assessment.internal.Metric.REGISTER_TIMELY, 0, 0);
        for (org.workstudy.assessment.internal.SubjectFigures s : assessment.month(open).subjects()) {
            if (s.kind() == org.workstudy.assessment.internal.SubjectKind.COLLEGE
                    && demoColleges.contains(s.subjectId())) {
                sum = s.figure(org.workstudy.assessment.internal.Metric.REGISTER_TIMELY).map(sum::plus).orElse(sum);
            }
        }
        boolean quarterStart = (open.getMonthValue() - 1) % 3 == 0;
        if (sum.measured() && !quarterStart) {
            assertThat(sum.percent()).as("registers on time in %s: %s of %s hours", open, sum.numerator(),
                    sum.denominator()).isGreaterThanOrEqualTo(new BigDecimal("50"));
        }
    }

    @Test
    void theDemoPaidTheMonthsBeforeLastAndLastMonthsSheetWaitsForTheCenter() {
        java.time.YearMonth last = java.time.YearMonth.now(clock).minusMonths(1);
        for (java.time.YearMonth m : List.of(last.minusMonths(2), last.minusMonths(1))) {
            org.workstudy.pay.PaySheet logistics = payPages.sheets(CENTER, m).stream()
                    .filter(s -> s.employerId() == 1L).findFirst().orElseThrow();
            assertThat(logistics.status()).as(m.toString()).isEqualTo(org.workstudy.pay.SheetStatus.FROZEN);
            assertThat(pay.sheet(CENTER, logistics.id()).lines()).as(m.toString())
                    .isNotEmpty()
                    .anySatisfy(l -> assertThat(l.bankCard()).matches("6214 \\*{4} \\*{4} \\d{4}"))
                    .anySatisfy(l -> assertThat(l.bankCard()).isNullOrEmpty());
        }
        assertThat(payPages.sheets(CENTER, last)).filteredOn(s -> s.employerId() == 1L).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(org.workstudy.pay.SheetStatus.CONFIRMED));
        assertThat(payPages.totals(CENTER, last.minusMonths(1))).isNotEmpty();
    }

    /**
     * The center sees the demo's check-ins on the on-site figures page (the academic year of today, and of ten weeks
     * ago when that was another year), and the counselor of the checked-in students opens their check-in signals.
     */
    @Test
    void theOnsiteFiguresShowTheDemosCheckIns() throws Exception {
        jakarta.servlet.http.Cookie center = Logins.login(mvc, "zhongxin", DemoSchool.PASSWORD);
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        long checkIns = 0;
        for (String year : new java.util.TreeSet<>(List.of(org.workstudy.statistics.StatsFilter.yearOf(today),
                org.workstudy.statistics.StatsFilter.yearOf(today.minusWeeks(10))))) {
            String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .get("/stats/onsite").param("academicYear", year).cookie(center))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"onsite-check-ins\">(\\d+)<")
                    .matcher(page);
            assertThat(m.find()).as(year).isTrue();
            checkIns += Long.parseLong(m.group(1));
        }
        assertThat(checkIns).isPositive();
        jakarta.servlet.http.Cookie counselor = Logins.login(mvc, demo.demoStaff().get("check-in-counselor"),
                DemoSchool.PASSWORD);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/checkin/signals")
                        .cookie(counselor))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    }

    @Test
    void theFifthSemesterStudentsAreCompleteBehindAndAtRisk() {
        Progress complete = pages.progress(CENTER, person("complete").id());
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
        // a recognised student's status says what the credit rests on, as the certificate does
        assertThat(statuses).contains(GraduationStatus.COMPLETED, GraduationStatus.EXEMPT, GraduationStatus.OFFSET,
                GraduationStatus.DEFERRED, GraduationStatus.MADE_UP);
        Map<GraduationStatus, RecognitionBasis> basisOf = Map.of(GraduationStatus.COMPLETED, RecognitionBasis.HOURS,
                GraduationStatus.EXEMPT, RecognitionBasis.EXEMPT, GraduationStatus.OFFSET, RecognitionBasis.OFFSET);
        for (GraduationRow r : rows) {
            if (basisOf.containsKey(r.status())) {
                certificate(r.studentId()).ifPresent(basis -> assertThat(basis).as(r.studentNo())
                        .isEqualTo(basisOf.get(r.status())));
            }
        }
        assertThat(status(rows, deferred)).isEqualTo(GraduationStatus.DEFERRED);
        assertThat(rows.stream().filter(r -> r.studentId() == deferred.id()).findFirst().orElseThrow().makeUpHours())
                .isPositive();
        assertThat(status(rows, person("released"))).isEqualTo(GraduationStatus.MADE_UP);
        Student graduate = person("graduate");
        assertThat(graduate.status()).isEqualTo(StudentStatus.GRADUATED);
        String code = certificates.of(ACADEMIC, graduate.id()).code();
        assertThat(certificates.verify(code)).isPresent();
    }

    @Test
    void theReleasedStudentIsRecognisedByMakeUpThroughTheJointApprovalAndGraduated() {
        Student released = person("released");
        assertThat(released.status()).isEqualTo(StudentStatus.GRADUATED);
        assertThat(certificates.of(ACADEMIC, released.id()).basis()).isEqualTo(RecognitionBasis.MAKE_UP);
    }

    @Test
    void theGraduatesCertificateCodeComesFromTheDemoSeedSoItIsTheSameOnEveryFreshStart() throws Exception {
        Student graduate = person("graduate");
        org.workstudy.shared.SchoolClock clock = new org.workstudy.shared.SchoolClock(java.time.ZoneId.of("Asia/Shanghai"));
        String expected;
        try (org.workstudy.shared.SchoolClock.Travel travel = clock.travel()) {
            travel.seed(DemoHistory.SEED);
            expected = travel.at(java.time.Instant.parse("2026-01-01T00:00:00Z"),
                    () -> org.workstudy.credits.VerificationCodes.generate(clock, "certificate:" + graduate.id()));
        }
        String code = certificates.of(ACADEMIC, graduate.id()).code();
        assertThat(code).isEqualTo(org.workstudy.credits.VerificationCodes.display(expected));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(Certificates.verifyPath(
                        code)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString(graduate.studentNo().substring(0, 4))));
    }

    @Test
    void pastYearsHavePlacementsByApplicationWithWaitListsDeclinedAndWithdrawnApplications() {
        Map<String, Long> past = jdbc.sql("SELECT status, count(*) FROM plc_application"
                        + " WHERE applied_at < now() - interval '60 days' GROUP BY status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(past.keySet()).contains("ACCEPTED", "REJECTED", "WITHDRAWN", "CANCELLED");
        assertThat(jdbc.sql("SELECT count(*) FROM plc_placement WHERE source = 'APPLICATION'"
                + " AND created_at < now() - interval '60 days'").query(Long.class).single()).isPositive();
        // today's positions: applicants waiting for the employer and a wait-list
        Map<String, Long> today = jdbc.sql("SELECT status, count(*) FROM plc_application"
                        + " WHERE applied_at > now() - interval '1 day' GROUP BY status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(today.keySet()).contains("PENDING", "WAITLISTED", "ACCEPTED");
    }

    @Test
    void hoursWereCorrectedAndVoidedWithReasonsAndSelfArrangedWorkInXiamenCounts() {
        Student behind = person("behind");
        List<org.workstudy.hours.WorkRecordView> records = ledger.ofStudent(counselorOf(behind), behind.id());
        assertThat(records).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(org.workstudy.hours.EntryKind.CORRECTION);
            assertThat(r.reason()).contains("签到表");
        });
        Student complete = person("complete");
        assertThat(ledger.ofStudent(counselorOf(complete), complete.id())).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(org.workstudy.hours.EntryKind.VOID);
            assertThat(r.reason()).isNotBlank();
        });
        Student inCity = person("in-city");
        assertThat(selfArranged.ofStudent(inCity.id())).singleElement().satisfies(w -> {
            assertThat(w.outOfCity()).isFalse();
            assertThat(w.status()).isEqualTo(SelfArrangedStatus.APPROVED);
        });
        assertThat(ledger.ofStudent(counselorOf(inCity), inCity.id())).anySatisfy(r -> {
            assertThat(r.sourceKind()).isEqualTo(org.workstudy.hours.SourceKind.SELF_ARRANGED);
            assertThat(r.status()).isEqualTo(org.workstudy.hours.RecordStatus.COUNTED);
        });
    }

    @Test
    void qualityCreditsRecognitionListsAnnualPlansAndInboxesAreFilled() {
        CurrentUser center = new CurrentUser(0, "center-s", "中心", Role.CENTER_STAFF,
                List.of(Grant.school(Role.CENTER_STAFF)));
        assertThat(quality.imports(center, 20)).isNotEmpty();
        List<org.workstudy.recognition.internal.RecognitionView> lists = recognitions.list(CENTER, null, null);
        assertThat(lists).anySatisfy(r -> {
            assertThat(r.status()).isEqualTo(org.workstudy.recognition.internal.RecognitionStatus.SUBMITTED);
            assertThat(r.approvedBy()).hasSize(1); // waiting for the second approval
        });
        // one list of the fifth-semester cohort went through both approvals into its notice (other tests in this
        // shared context run the notice job later in time and may have made it final since)
        Student fifth = person("complete");
        int fifthCohort = organization.schoolClass(fifth.classId()).orElseThrow().cohort();
        assertThat(lists).anySatisfy(r -> {
            assertThat(r.submittedBy()).startsWith("fuyuanzhang");
            assertThat(r.cohort()).isEqualTo(fifthCohort);
            assertThat(r.noticeId()).isNotNull();
            assertThat(r.status()).isIn(org.workstudy.recognition.internal.RecognitionStatus.IN_NOTICE,
                    org.workstudy.recognition.internal.RecognitionStatus.FINAL);
        });
        assertThat(lists).anySatisfy(r -> assertThat(r.status())
                .isEqualTo(org.workstudy.recognition.internal.RecognitionStatus.FINAL));
        List<org.workstudy.positions.internal.PlanRow> rows = planPage.rows(center, plans.currentYear());
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.plan()).isNotNull();
            assertThat(r.plan().targetPositions()).isPositive();
            assertThat(r.actualPositions()).isPositive();
            assertThat(r.actualHours()).isPositive();
        });
        assertThat(notifications.unreadCount(person("behind").accountId())).isPositive();
        assertThat(notifications.unreadCount(person("exemption-in-notice").accountId())).isPositive();
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
        // every demo student still at school (the README's table); graduates cannot sign in, as in real life
        for (Map.Entry<String, Student> e : demo.people().entrySet()) {
            Student s = roster.find(e.getValue().id()).orElseThrow();
            if (s.status() == StudentStatus.ACTIVE) {
                assertThat(Logins.login(mvc, s.studentNo(), DemoSchool.PASSWORD)).as(e.getKey()).isNotNull();
            }
        }
        assertThat(demo.people().keySet()).contains("complete", "behind", "at-risk", "out-of-city-waiting",
                "out-of-city-verified", "in-city", "exemption-in-notice", "exemption-submitted",
                "exemption-director", "exemption-returned", "exemption-rejected", "exemption-withdrawn",
                "deferred-make-up", "released", "graduate");
        // every staff account of the README's table
        for (String username : List.of("admin", "zhuren", "zhongxin", "jiaowu", "lingdao", "fuyuanzhang01",
                "fuyuanzhang06", "xueyuan01", "fdy012", "yongren", "huizhan")) {
            assertThat(Logins.login(mvc, username, DemoSchool.PASSWORD)).as(username).isNotNull();
        }
    }
}
