package org.workstudy.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workstudy.organization.RosterFixtures.STUDENT_HEADER;
import static org.workstudy.organization.RosterFixtures.in;
import static org.workstudy.organization.RosterFixtures.student;
import static org.workstudy.organization.RosterFixtures.xlsx;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Grant;
import org.workstudy.identity.NewAccount;
import org.workstudy.identity.Role;
import org.workstudy.organization.internal.RosterImport;
import org.workstudy.shared.RowError;
import org.workstudy.support.IntegrationTest;

/** The import pages through MVC and security: ADMIN only, errors shown on the page, templates downloadable. */
@IntegrationTest
class RosterPagesTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Organization organization;
    @Autowired
    Roster roster;
    @Autowired
    RosterImport imports;

    String sfx;
    List<String> classes;

    @BeforeEach
    void school() {
        sfx = RosterFixtures.unique();
        classes = RosterFixtures.classes(organization, sfx, 1);
    }

    @Test
    void anAdminSeesTheUploadPageAndImports() throws Exception {
        Cookie admin = login("ad" + sfx, Grant.school(Role.ADMIN));
        mvc.perform(get("/org/students/import").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("enctype=\"multipart/form-data\"")))
                .andExpect(content().string(Matchers.containsString("/org/students/import/template")))
                .andExpect(content().string(Matchers.containsString("身份证号")));
        mvc.perform(get("/org/staff/import").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("所带班级")));

        byte[] good = xlsx(STUDENT_HEADER, List.of(student("W" + sfx + "1", "网页导入", classes.get(0), null, null)));
        mvc.perform(multipart("/org/students/import").file(new MockMultipartFile("file", "名单.xlsx", XLSX, good))
                        .cookie(admin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/org/students/import"))
                .andExpect(flash().attribute("imported", 1));
        assertThat(roster.findByNumber("W" + sfx + "1")).isPresent();
    }

    @Test
    void errorsAreShownOnThePageAndNothingIsWritten() throws Exception {
        Cookie admin = login("ad" + sfx, Grant.school(Role.ADMIN));
        long before = roster.count();
        byte[] bad = xlsx(STUDENT_HEADER, List.of(
                student("W" + sfx + "1", "正确", classes.get(0), null, null),
                student("W" + sfx + "2", "班级错", "无此班" + sfx, null, null)));

        mvc.perform(multipart("/org/students/import").file(new MockMultipartFile("file", "名单.xlsx", XLSX, bad))
                        .cookie(admin).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"import-errors\"")))
                .andExpect(content().string(Matchers.containsString("班级“无此班" + sfx + "”不存在")))
                .andExpect(content().string(Matchers.containsString("<td class=\"text-nowrap\">3</td>")));
        assertThat(roster.count()).isEqualTo(before);

        mvc.perform(multipart("/org/students/import").file(new MockMultipartFile("file", "photo.xlsx", "image/png",
                        "not a spreadsheet".getBytes(StandardCharsets.UTF_8))).cookie(admin).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("文件不是有效的 .xlsx 表格")));
    }

    @Test
    void templatesDownloadWithTheImportColumns() throws Exception {
        Cookie admin = login("ad" + sfx, Grant.school(Role.ADMIN));
        byte[] template = mvc.perform(get("/org/students/import/template").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.containsString(
                        "filename*=UTF-8''%E5%AD%A6%E7%94%9F%E5%90%8D%E5%8D%95%E6%A8%A1%E6%9D%BF.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(RosterFixtures.header(template).values()).containsExactlyElementsOf(STUDENT_HEADER);
        // the example row is well-formed; only its fictional class is unknown
        assertThat(imports.importStudents(in(template)).errors()).extracting(RowError::messageKey)
                .containsExactly("roster.import.class.unknown");

        byte[] staff = mvc.perform(get("/org/staff/import/template").cookie(admin))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(RosterFixtures.header(staff).values()).containsExactly("工号", "姓名", "学院", "手机号", "角色",
                "所带班级");
        assertThat(imports.importStaff(in(staff)).errors()).extracting(RowError::messageKey)
                .containsOnly("roster.import.college.unknown", "roster.import.class.unknown");
    }

    @Test
    void nonAdminsAreRefused() throws Exception {
        long classId = organization.classByName(classes.get(0)).orElseThrow().id();
        Cookie counselor = login("co" + sfx, Grant.of(Role.COUNSELOR, classId));
        mvc.perform(get("/org/students/import").cookie(counselor)).andExpect(status().isForbidden());
        mvc.perform(get("/org/staff/import/template").cookie(counselor)).andExpect(status().isForbidden());
        byte[] good = xlsx(STUDENT_HEADER, List.of(student("W" + sfx + "9", "越权", classes.get(0), null, null)));
        mvc.perform(multipart("/org/students/import").file(new MockMultipartFile("file", "a.xlsx", XLSX, good))
                        .cookie(counselor).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(roster.findByNumber("W" + sfx + "9")).isEmpty();

        Cookie center = login("ce" + sfx, Grant.school(Role.CENTER_STAFF));
        mvc.perform(get("/org/staff/import").cookie(center)).andExpect(status().isForbidden());
    }

    private Cookie login(String username, Grant grant) throws Exception {
        accounts.create(new NewAccount(username, "测试" + username, "Passw0rd1", false, List.of(grant)));
        // sessions live in Spring Session JDBC: the SESSION cookie carries the login, not the mock session
        Cookie session = mvc.perform(formLogin().user(username).password("Passw0rd1")).andReturn().getResponse()
                .getCookie("SESSION");
        assertThat(session).as("signed in").isNotNull();
        return session;
    }
}
