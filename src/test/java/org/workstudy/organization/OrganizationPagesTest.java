package org.workstudy.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

/** Administrators keep the organisation through the pages; bad input gets a Chinese message and writes nothing. */
@IntegrationTest
class OrganizationPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Organization organization;
    @Autowired
    Roster roster;
    @Autowired
    StaffDirectory staff;
    @Autowired
    Accounts accounts;

    Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = Logins.login(mvc, fixtures.account(Grant.school(Role.ADMIN)), Fixtures.PASSWORD);
    }

    @Test
    void anAdministratorRenamesAndDeactivatesAClass() throws Exception {
        long college = fixtures.college();
        long classId = fixtures.schoolClass(college);
        SchoolClass c = organization.schoolClass(classId).orElseThrow();
        mvc.perform(post("/org/structure/classes").cookie(admin).with(csrf()).param("id", String.valueOf(classId))
                .param("majorId", String.valueOf(c.majorId())).param("cohort", "2025")
                .param("name", c.name() + "改").param("active", "false"))
                .andExpect(flash().attribute("flash", "action.saved"));
        SchoolClass after = organization.schoolClass(classId).orElseThrow();
        assertThat(after.name()).isEqualTo(c.name() + "改");
        assertThat(after.cohort()).isEqualTo(2025);
        assertThat(after.active()).isFalse();
        mvc.perform(get("/org/structure").param("collegeId", String.valueOf(college)).cookie(admin))
                .andExpect(status().isOk()).andExpect(content().string(containsString(c.name() + "改")));
    }

    @Test
    void aDuplicateCollegeIsRefusedWithAMessage() throws Exception {
        College existing = organization.college(fixtures.college()).orElseThrow();
        int before = organization.colleges().size();
        mvc.perform(post("/org/structure/colleges").cookie(admin).with(csrf()).param("code", existing.code())
                .param("name", "另一个学院")).andExpect(flash().attribute("errorKey", "organization.duplicate"));
        assertThat(organization.colleges()).hasSize(before);
    }

    @Test
    void aStudentFormWithABadPhoneShowsTheReasonAndWritesNothing() throws Exception {
        long classId = fixtures.schoolClass(fixtures.college());
        long before = roster.count();
        mvc.perform(post("/org/students/new").cookie(admin).with(csrf()).param("studentNo", "F20240001")
                .param("name", "张三").param("gender", "MALE").param("classId", String.valueOf(classId))
                .param("enrolmentTerm", "2024-2025-1").param("status", "ACTIVE").param("phone", "12345")
                .param("idCardNo", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("手机号应为11位大陆手机号码")));
        assertThat(roster.count()).isEqualTo(before);
        mvc.perform(post("/org/students/new").cookie(admin).with(csrf()).param("studentNo", "F20240001")
                .param("name", "张三").param("gender", "MALE").param("classId", String.valueOf(classId))
                .param("enrolmentTerm", "2024-2025-1").param("status", "ACTIVE").param("phone", "13912345678")
                .param("idCardNo", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("issued-code")));
        assertThat(roster.findByNumber("F20240001")).isPresent();
    }

    @Test
    void anAdministratorAddsAStaffMemberWithCollegeRolesAndNamesTheClassCounselor() throws Exception {
        long college = fixtures.college();
        long classId = fixtures.schoolClass(college);
        String no = "S" + Fixtures.next();
        mvc.perform(post("/org/staff/new").cookie(admin).with(csrf()).param("staffNo", no).param("name", "王老师")
                .param("collegeId", String.valueOf(college)).param("phone", "")
                .param("initialPassword", "Start1234").param("roles", "VICE_DEAN"))
                .andExpect(status().is3xxRedirection());
        Staff member = staff.findByNumber(no).orElseThrow();
        assertThat(accounts.grantsOf(member.accountId())).containsExactly(Grant.of(Role.VICE_DEAN, college));
        mvc.perform(post("/org/classes/" + classId + "/counselors").cookie(admin).with(csrf())
                .param("accountIds", String.valueOf(member.accountId()))).andExpect(status().is3xxRedirection());
        assertThat(organization.counselorsOf(classId)).containsExactly(member.accountId());
        mvc.perform(post("/org/staff/" + member.id() + "/active").cookie(admin).with(csrf()).param("active", "false"));
        assertThat(accounts.find(member.accountId()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void aCounselorCannotEditTheOrganisation() throws Exception {
        long classId = fixtures.schoolClass(fixtures.college());
        Cookie counselor = Logins.login(mvc, fixtures.account(Grant.of(Role.COUNSELOR, classId)), Fixtures.PASSWORD);
        mvc.perform(get("/org/structure").cookie(counselor)).andExpect(status().isForbidden());
        mvc.perform(post("/org/structure/colleges").cookie(counselor).with(csrf()).param("code", "ZZ")
                .param("name", "非法学院")).andExpect(status().isForbidden());
        mvc.perform(get("/org/students/new").cookie(counselor)).andExpect(status().isForbidden());
        mvc.perform(get("/org/classes/" + classId).cookie(counselor)).andExpect(status().isOk());
    }
}
