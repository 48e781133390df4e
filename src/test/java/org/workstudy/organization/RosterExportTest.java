package org.workstudy.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workstudy.organization.RosterFixtures.STUDENT_HEADER;
import static org.workstudy.organization.RosterFixtures.in;
import static org.workstudy.organization.RosterFixtures.student;
import static org.workstudy.organization.RosterFixtures.xlsx;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.NewAccount;
import org.workstudy.identity.Role;
import org.workstudy.organization.internal.RosterExport;
import org.workstudy.organization.internal.RosterImport;
import org.workstudy.shared.BusinessException;
import org.workstudy.support.IntegrationTest;

@IntegrationTest
class RosterExportTest {

    @Autowired
    RosterExport exports;
    @Autowired
    RosterImport imports;
    @Autowired
    Organization organization;
    @Autowired
    Roster roster;
    @Autowired
    Accounts accounts;
    @Autowired
    MockMvc mvc;

    String sfx;
    List<String> classes;
    long classA;

    @BeforeEach
    void school() {
        sfx = RosterFixtures.unique();
        classes = RosterFixtures.classes(organization, sfx, 2);
        classA = organization.classByName(classes.get(0)).orElseThrow().id();
        ImportResult result = imports.importStudents(in(xlsx(STUDENT_HEADER, List.of(
                student("E" + sfx + "1", "甲班一", classes.get(0), "13800000001", RosterFixtures.idCard(1)),
                student("E" + sfx + "2", "甲班二", classes.get(0), "13800000002", null),
                student("E" + sfx + "3", "乙班一", classes.get(1), "13800000003", null)))));
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void aCounselorExportsOnlyTheirClassWithMaskedPersonalData() {
        CurrentUser counselor = new CurrentUser(1, "c", "辅导员", Role.COUNSELOR,
                List.of(Grant.of(Role.COUNSELOR, classA)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        exports.exportStudents(counselor, StudentQuery.all(), out);

        assertThat(RosterFixtures.header(out.toByteArray()).values()).containsExactlyElementsOf(STUDENT_HEADER);
        List<Map<Integer, String>> rows = RosterFixtures.read(out.toByteArray());
        assertThat(rows).extracting(r -> r.get(0)).containsExactly("E" + sfx + "1", "E" + sfx + "2");
        Map<Integer, String> first = rows.get(0);
        assertThat(first.get(1)).isEqualTo("甲班一");
        assertThat(first.get(2)).isEqualTo("女");
        assertThat(first.get(3)).isEqualTo(classes.get(0));
        assertThat(first.get(4)).isEqualTo("2024-2025-1");
        assertThat(first.get(5)).isEqualTo("在读");
        assertThat(first.get(6)).isEqualTo("138****0001");
        assertThat(first.get(7)).isEqualTo(org.workstudy.shared.Masking.idCard(RosterFixtures.idCard(1)))
                .contains("*");
    }

    @Test
    void anAdminExportsFullDataAndTheQueryFilters() {
        CurrentUser admin = new CurrentUser(1, "a", "管理员", Role.ADMIN, List.of(Grant.school(Role.ADMIN)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        exports.exportStudents(admin, new StudentQuery("E" + sfx, null, null, null, StudentStatus.ACTIVE), out);

        List<Map<Integer, String>> rows = RosterFixtures.read(out.toByteArray());
        assertThat(rows).extracting(r -> r.get(0)).containsExactly("E" + sfx + "1", "E" + sfx + "2", "E" + sfx + "3");
        assertThat(rows.get(0).get(6)).isEqualTo("13800000001");
        assertThat(rows.get(0).get(7)).isEqualTo(RosterFixtures.idCard(1));
    }

    @Test
    void studentsAndEmployersMayNotExport() {
        for (Role role : List.of(Role.STUDENT, Role.EMPLOYER)) {
            CurrentUser user = new CurrentUser(1, "s", "某人", role, List.of(Grant.of(role, 1L)));
            assertThatThrownBy(() -> exports.exportStudents(user, StudentQuery.all(), new ByteArrayOutputStream()))
                    .isInstanceOf(BusinessException.class).extracting("status").isEqualTo(403);
        }
    }

    @Test
    void exportDownloadIsScopedForACounselorAndRefusedToAStudent() throws Exception {
        Cookie counselor = login("cx" + sfx, List.of(Grant.of(Role.COUNSELOR, classA)));
        byte[] body = mvc.perform(get("/org/students/export").cookie(counselor))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        org.hamcrest.Matchers.startsWith("application/vnd.openxmlformats")))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "filename*=UTF-8''%E5%AD%A6%E7%94%9F%E5%90%8D%E5%8D%95.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        List<Map<Integer, String>> rows = RosterFixtures.read(body);
        assertThat(rows).extracting(r -> r.get(0)).containsExactly("E" + sfx + "1", "E" + sfx + "2");
        assertThat(rows).extracting(r -> r.get(6)).containsExactly("138****0001", "138****0002");

        // a filter for another class yields nothing outside the scope
        long classB = organization.classByName(classes.get(1)).orElseThrow().id();
        byte[] other = mvc.perform(get("/org/students/export").param("classId", String.valueOf(classB))
                .cookie(counselor)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(RosterFixtures.read(other)).isEmpty();

        long studentId = roster.findByNumber("E" + sfx + "1").orElseThrow().id();
        Cookie student = login("sx" + sfx, List.of(Grant.of(Role.STUDENT, studentId)));
        mvc.perform(get("/org/students/export").cookie(student))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Content-Disposition"));
    }

    private Cookie login(String username, List<Grant> grants) throws Exception {
        accounts.create(new NewAccount(username, "测试" + username, "Passw0rd1", false, grants));
        // sessions live in Spring Session JDBC: the SESSION cookie carries the login, not the mock session
        Cookie session = mvc.perform(formLogin().user(username).password("Passw0rd1")).andReturn().getResponse()
                .getCookie("SESSION");
        assertThat(session).as("signed in").isNotNull();
        return session;
    }
}
