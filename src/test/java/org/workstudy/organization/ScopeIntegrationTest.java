package org.workstudy.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

/** A person sees the students of their scope and nobody else's, whatever id they type, in pages and in the API. */
@IntegrationTest
class ScopeIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Roster roster;

    long collegeA;
    long classA;
    long classA2;
    long studentA;
    long studentA2;
    long studentB;

    @BeforeEach
    void school() {
        collegeA = fixtures.college();
        classA = fixtures.schoolClass(collegeA);
        classA2 = fixtures.schoolClass(collegeA);
        studentA = fixtures.student(classA);
        studentA2 = fixtures.student(classA2);
        studentB = fixtures.student(fixtures.schoolClass(fixtures.college()));
    }

    @Test
    void aCounselorSeesTheirClassButNotAnotherCollegesStudentByPageOrApi() throws Exception {
        String counselor = fixtures.account(Grant.of(Role.COUNSELOR, classA));
        Cookie session = Logins.login(mvc, counselor, Fixtures.PASSWORD);
        mvc.perform(get("/org/students/" + studentA).cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/org/students/" + studentB).cookie(session)).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(roster.find(studentB).orElseThrow().name()))));
        mvc.perform(get("/org/students/" + studentA2).cookie(session)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/students/" + studentA).with(httpBasic(counselor, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.phone").value("138****0000"));
        mvc.perform(get("/api/v1/students/" + studentB).with(httpBasic(counselor, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/org/classes/" + classA2).cookie(session)).andExpect(status().isNotFound());
    }

    @Test
    void problemDetailsSpeakTheCallersLanguage() throws Exception {
        String counselor = fixtures.account(Grant.of(Role.COUNSELOR, classA));
        mvc.perform(get("/api/v1/students/" + studentB).with(httpBasic(counselor, Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.detail").value("未找到该记录。"));
        mvc.perform(get("/api/v1/students/" + studentB).header("Accept-Language", "en-US,en;q=0.9")
                .with(httpBasic(counselor, Fixtures.PASSWORD))).andExpect(jsonPath("$.detail").value("No such record."));
    }

    @Test
    void aCounselorsListHoldsOnlyTheirClass() throws Exception {
        String counselor = fixtures.account(Grant.of(Role.COUNSELOR, classA));
        mvc.perform(get("/api/v1/students").param("size", "200").with(httpBasic(counselor, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(studentA));
    }

    @Test
    void aViceDeanSeesTheWholeCollegeAndNothingElse() throws Exception {
        String viceDean = fixtures.account(Grant.of(Role.VICE_DEAN, collegeA));
        mvc.perform(get("/api/v1/students").param("size", "200").with(httpBasic(viceDean, Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.total").value(2));
        Cookie session = Logins.login(mvc, viceDean, Fixtures.PASSWORD);
        mvc.perform(get("/org/students/" + studentA2).cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/org/students/" + studentB).cookie(session)).andExpect(status().isNotFound());
    }

    @Test
    void aStudentSeesOnlyThemselvesAndNoStaffPages() throws Exception {
        Student s = roster.find(studentA).orElseThrow();
        String password = fixtures.password(s.studentNo());
        mvc.perform(get("/api/v1/students/" + studentA).with(httpBasic(s.studentNo(), password)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.studentNo").value(s.studentNo()));
        mvc.perform(get("/api/v1/students/" + studentA2).with(httpBasic(s.studentNo(), password)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/classes").with(httpBasic(s.studentNo(), password)))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void anEmployerSeesNoStudents() throws Exception {
        String employer = fixtures.account(Grant.of(Role.EMPLOYER, 1L));
        mvc.perform(get("/api/v1/students").with(httpBasic(employer, Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.total").value(0));
        Cookie session = Logins.login(mvc, employer, Fixtures.PASSWORD);
        mvc.perform(get("/org/students").cookie(session)).andExpect(status().isForbidden());
    }

    @Test
    void schoolWideRolesSeeEveryone() throws Exception {
        String leader = fixtures.account(Grant.school(Role.LEADER));
        Cookie session = Logins.login(mvc, leader, Fixtures.PASSWORD);
        mvc.perform(get("/org/students/" + studentB).cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("138****0000")));
        assertThat(roster.count()).isGreaterThanOrEqualTo(3);
    }
}
