package org.workstudy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workstudy.hours.HoursFixtures;
import org.workstudy.hours.HoursLedger;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Organization;
import org.workstudy.organization.SchoolClass;
import org.workstudy.policy.internal.PolicyForm;
import org.workstudy.policy.internal.PolicyProblem;
import org.workstudy.policy.internal.PolicyRefused;
import org.workstudy.shared.BusinessException;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;
import org.workstudy.hours.internal.LedgerPages;

/**
 * Policy versions on PostgreSQL: created by administrators by page and API (nobody else), refused without a trace
 * when a rule is broken, one winner when two administrators race — and the wiring: a student of a cohort under a
 * newer version sees that version's numbers in progress, a 2024 student still the 2016 version's.
 */
@IntegrationTest
class PolicyIntegrationTest {

    static final CurrentUser ADMIN = new CurrentUser(0, "admin-test", "管理员测试", Role.ADMIN,
            List.of(Grant.school(Role.ADMIN)));
    static final CurrentUser CENTER = new CurrentUser(0, "center-test", "中心测试", Role.CENTER_STAFF,
            List.of(Grant.school(Role.CENTER_STAFF)));

    @Autowired
    Policies policies;
    @Autowired
    HoursLedger ledger;
    @Autowired
    LedgerPages pages;
    @Autowired
    HoursFixtures hoursFixtures;
    @Autowired
    Organization organization;
    @Autowired
    Fixtures school;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void aStudentOfALaterCohortIsCountedAgainstItsOwnVersionAndA2024StudentAgainst2016() {
        int cohort = policies.earliestNewCohort();
        PolicyVersion v = policies.create(ADMIN, PolicyRulesTest.form(cohort));
        assertThat(v.requiredHours()).isEqualByComparingTo("300");
        long college = school.college();
        long major = organization.saveMajor(null, college, "PM" + Fixtures.next(), "政策专业" + Fixtures.next(), true);
        long laterClass = organization.saveClass(null, major, cohort, cohort + "级政策测试班" + Fixtures.next(), true);
        long later = school.student(laterClass);
        long of2024 = school.student(school.schoolClass(college));

        assertThat(pages.progress(CENTER, later).requiredHours()).isEqualByComparingTo("300");
        assertThat(ledger.settings(later).hoursPerDay()).isEqualByComparingTo("4");
        assertThat(ledger.settings(later).dayHours()).isEqualByComparingTo("8");
        assertThat(pages.progress(CENTER, of2024).requiredHours()).isEqualByComparingTo("360");
        assertThat(ledger.settings(of2024).hoursPerDay()).isEqualByComparingTo("6");

        // the class now exists: its cohort has enrolled, and no later version may claim it
        assertThat(policies.earliestNewCohort()).isEqualTo(cohort + 1);
        assertThat(policies.forCohort(2024).orElseThrow().requiredHours()).isEqualByComparingTo("360");
        assertThat(policies.forCohort(cohort).orElseThrow().id()).isEqualTo(v.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'policy-version' AND entity_id = ?")
                .param(String.valueOf(v.id())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aStudentOfACohortBeforeTheFirstVersionCannotBeGivenHours() {
        var x = hoursFixtures.placed(1);
        SchoolClass c = organization.schoolClass(x.classId()).orElseThrow();
        organization.saveClass(c.id(), c.majorId(), 2015, c.name(), true);
        assertThatThrownBy(() -> ledger.record(x.counselor(), HoursFixtures.work(x.student(), x.placement(),
                "2025-10-18", "09:00", "12:00"))).hasMessageContaining("policy.cohort.none");
        // their register still opens, against the first version's numbers for reference
        assertThat(pages.progress(x.counselor(), x.student().id()).hours()).isEqualByComparingTo("0");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hrs_entry WHERE student_id = ?").param(x.student().id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anEarlierOrEnrolledCohortOrBadNumbersAreRefusedAndNothingIsWritten() {
        int before = count();
        assertThatThrownBy(() -> policies.create(ADMIN, PolicyRulesTest.form(2016)))
                .isInstanceOf(PolicyRefused.class).hasMessageContaining("policy.error.cohort-not-after-newest");
        int enrolled = policies.lastEnrolledCohort();
        if (enrolled > newestFrom()) {
            assertThatThrownBy(() -> policies.create(ADMIN, PolicyRulesTest.form(enrolled)))
                    .hasMessageContaining("policy.error.cohort-enrolled");
        }
        PolicyForm f = PolicyRulesTest.form(policies.earliestNewCohort());
        PolicyForm bad = new PolicyForm(f.name(), f.fromCohort(), f.courseName(), f.credits(), f.requiredHours(),
                new java.math.BigDecimal("25"), 0, f.homeCity(), f.offsetHoursPerCredit(), f.partialOffsetAllowed(),
                31, f.eveningFrom(), f.capDayHours(), f.capTermWeekHours(), f.capTermMonthHours(), f.note());
        PolicyRefused refused = org.junit.jupiter.api.Assertions.assertThrows(PolicyRefused.class,
                () -> policies.create(ADMIN, bad));
        assertThat(refused.problems()).extracting(PolicyProblem::field)
                .containsExactlyInAnyOrder("hoursPerDay", "semesterWindow", "noticeWorkingDays");
        assertThatThrownBy(() -> policies.create(CENTER, f)).isInstanceOf(BusinessException.class)
                .hasMessageContaining("error.forbidden");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void twoAdministratorsCreatingTheSameCohortAtOnceOnlyOneWins() throws Exception {
        int cohort = policies.earliestNewCohort();
        int before = count();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<String> create = () -> {
                    start.await();
                    try {
                        policies.create(ADMIN, PolicyRulesTest.form(cohort));
                        return "created";
                    } catch (BusinessException e) {
                        return e.messageKey();
                    }
                };
                results.add(pool.submit(create));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> r : results) {
                outcomes.add(r.get());
            }
            assertThat(outcomes).containsOnlyOnce("created");
            assertThat(outcomes).filteredOn(o -> !o.equals("created")).singleElement()
                    .isIn("policy.error.cohort-not-after-newest", "policy.error.cohort-taken");
        } finally {
            pool.shutdown();
        }
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void anAdministratorCreatesAVersionByThePageAndOthersMayOnlyRead() throws Exception {
        String admin = school.account(Grant.school(Role.ADMIN));
        Cookie session = Logins.login(mvc, admin, Fixtures.PASSWORD);
        // prefilled from the newest version, at the earliest cohort allowed
        String required = policies.newest().requiredHours().stripTrailingZeros().toPlainString();
        mvc.perform(get("/admin/policy/new").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + required + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "value=\"" + policies.earliestNewCohort() + "\"")));

        int before = count();
        mvc.perform(form(post("/admin/policy").cookie(session), 2016)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("policy-errors")));
        mvc.perform(form(post("/admin/policy").cookie(session), policies.earliestNewCohort(), "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("每天折合小时数的格式不正确")));
        assertThat(count()).isEqualTo(before);

        int cohort = policies.earliestNewCohort();
        mvc.perform(form(post("/admin/policy").cookie(session), cohort))
                .andExpect(redirectedUrlPattern("/admin/policy/*"));
        assertThat(policies.newest().fromCohort()).isEqualTo(cohort);
        assertThat(policies.newest().createdBy()).isEqualTo(admin);
        mvc.perform(get("/admin/policy").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(cohort + "级起")));
        mvc.perform(get("/admin/policy/" + policies.newest().id()).cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("300 小时（75 天，每天 4 小时）")));

        String center = school.account(Grant.school(Role.CENTER_STAFF));
        Cookie staff = Logins.login(mvc, center, Fixtures.PASSWORD);
        mvc.perform(form(post("/admin/policy").cookie(staff), cohort + 1)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/policy").cookie(staff)).andExpect(status().isForbidden());
        mvc.perform(get("/policy").cookie(staff)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(cohort + "级起")));
        String counselor = school.account(Grant.of(Role.COUNSELOR, school.schoolClass(school.college())));
        mvc.perform(get("/policy").cookie(Logins.login(mvc, counselor, Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void theApiReadsVersionsAndCohortsAndOnlyAdministratorsCreate() throws Exception {
        String admin = school.account(Grant.school(Role.ADMIN));
        String center = school.account(Grant.school(Role.CENTER_STAFF));
        mvc.perform(get("/api/v1/policy/versions").with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].fromCohort").value(2016));
        mvc.perform(get("/api/v1/policy/cohorts/2020").with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.fromCohort").value(2016))
                .andExpect(jsonPath("$.requiredHours").value(360.0));
        mvc.perform(get("/api/v1/policy/cohorts/2015").with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:workstudy:policy.api.none"));

        int before = count();
        int cohort = policies.earliestNewCohort();
        mvc.perform(post("/api/v1/policy/versions").with(httpBasic(center, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json(cohort, "4"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/policy/versions").with(httpBasic(admin, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json(2016, "25")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "fromCohort", "hoursPerDay")));
        assertThat(count()).isEqualTo(before);

        mvc.perform(post("/api/v1/policy/versions").with(httpBasic(admin, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json(cohort, "4")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.fromCohort").value(cohort))
                .andExpect(jsonPath("$.requiredHours").value(300.0));
        mvc.perform(get("/api/v1/policy/cohorts/" + (cohort + 5)).with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.fromCohort").value(cohort))
                .andExpect(jsonPath("$.toCohort").doesNotExist());
        String student = school.account(Grant.of(Role.STUDENT, school.student(school.schoolClass(school.college()))));
        mvc.perform(get("/api/v1/policy/versions").with(httpBasic(student, Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        assertThat(count()).isEqualTo(before + 1);
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder post, int cohort) {
        return form(post, cohort, "4");
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder post, int cohort,
            String hoursPerDay) {
        return post.with(csrf()).param("name", cohort + "版").param("fromCohort", String.valueOf(cohort))
                .param("courseName", "勤工助学").param("credits", "2").param("requiredHours", "300")
                .param("hoursPerDay", hoursPerDay).param("semesterWindow", "5").param("homeCity", "厦门")
                .param("offsetHoursPerCredit", "150").param("partialOffsetAllowed", "true")
                .param("noticeWorkingDays", "5").param("eveningFrom", "18:30").param("capDayHours", "8")
                .param("capTermWeekHours", "8").param("capTermMonthHours", "40").param("note", "测试");
    }

    private static String json(int cohort, String hoursPerDay) {
        return "{\"name\":\"" + cohort + "版\",\"fromCohort\":" + cohort + ",\"courseName\":\"勤工助学\",\"credits\":2,"
                + "\"requiredHours\":300,\"hoursPerDay\":" + hoursPerDay + ",\"semesterWindow\":5,"
                + "\"homeCity\":\"厦门\",\"offsetHoursPerCredit\":150,\"partialOffsetAllowed\":true,"
                + "\"noticeWorkingDays\":5,\"eveningFrom\":\"18:30\",\"capDayHours\":8,\"capTermWeekHours\":8,"
                + "\"capTermMonthHours\":40,\"note\":\"API\"}";
    }

    private int count() {
        return jdbc.sql("SELECT COUNT(*) FROM pol_version").query(Integer.class).single();
    }

    private int newestFrom() {
        return policies.newest().fromCohort();
    }
}
