package org.workstudy.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workstudy.organization.RosterFixtures.STUDENT_HEADER;
import static org.workstudy.organization.RosterFixtures.student;
import static org.workstudy.organization.RosterFixtures.xlsx;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.identity.Activations;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.internal.ActivationSheetFiles;
import org.workstudy.organization.internal.RosterImport;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

import com.lowagie.text.pdf.PdfReader;

/** Imported students get their codes from the class activation sheet, in the counselor's scope only. */
@IntegrationTest
class ActivationSheetIntegrationTest {

    private static final String CODE = "[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}";

    @Autowired
    MockMvc mvc;
    @Autowired
    RosterImport imports;
    @Autowired
    Organization organization;
    @Autowired
    Roster roster;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Activations activations;
    @Autowired
    ActivationSheetFiles files;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCounselorsSheetListsCodesForTheirClassOnlyAndEachCodeSignsItsStudentIn() throws Exception {
        String sfx = RosterFixtures.unique();
        List<String> classes = RosterFixtures.classes(organization, sfx, 2);
        List<String> mine = List.of("A" + sfx + "1", "A" + sfx + "2", "A" + sfx + "3");
        List<String> theirs = List.of("B" + sfx + "1", "B" + sfx + "2");
        ImportResult imported = imports.importStudents(RosterFixtures.in(xlsx(STUDENT_HEADER, List.of(
                student(mine.get(0), "甲", classes.get(0), null, RosterFixtures.idCard(11)),
                student(mine.get(1), "乙", classes.get(0), null, null),
                student(theirs.get(0), "丙", classes.get(1), null, RosterFixtures.idCard(12)),
                student(mine.get(2), "丁", classes.get(0), null, null),
                student(theirs.get(1), "戊", classes.get(1), null, null)))));
        assertThat(imported.errors()).isEmpty();
        long classA = organization.classByName(classes.get(0)).orElseThrow().id();
        long classB = organization.classByName(classes.get(1)).orElseThrow().id();
        Cookie counselor = Logins.login(mvc, fixtures.account(Grant.of(Role.COUNSELOR, classA)), Fixtures.PASSWORD);

        mvc.perform(get("/org/classes/" + classA).cookie(counselor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("本班有 3 名学生尚未激活账户")));
        byte[] sheet = mvc.perform(post("/org/classes/" + classA + "/activation-sheet").param("format", "xlsx")
                        .cookie(counselor).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")))
                .andReturn().getResponse().getContentAsByteArray();
        List<Map<Integer, String>> rows = RosterFixtures.read(sheet);
        assertThat(rows).extracting(r -> r.get(0)).containsExactlyElementsOf(mine);
        assertThat(rows).extracting(r -> r.get(2)).allMatch(c -> c.matches(CODE));
        for (Map<Integer, String> row : rows) {
            assertThat(activations.check(row.get(0), row.get(2))).isEqualTo(Activations.Check.VALID);
        }

        // another class's sheet does not exist for this counselor, and nothing is issued there
        mvc.perform(post("/org/classes/" + classB + "/activation-sheet").param("format", "xlsx").cookie(counselor)
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/org/classes/" + classB + "/activation-sheet").param("format", "pdf").cookie(counselor)
                .with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM identity_activation v JOIN identity_account a ON a.id = v.account_id"
                + " WHERE a.username IN (:names)").param("names", theirs).query(Long.class).single()).isZero();
        // a vice dean of the college sees the class but hands out no codes
        long college = organization.schoolClass(classA).orElseThrow().collegeId();
        Cookie viceDean = Logins.login(mvc, fixtures.account(Grant.of(Role.VICE_DEAN, college)), Fixtures.PASSWORD);
        mvc.perform(post("/org/classes/" + classA + "/activation-sheet").param("format", "xlsx").cookie(viceDean)
                .with(csrf())).andExpect(status().isForbidden());

        // one student activates; the next sheet (PDF) gives the others new codes and the old ones stop working
        activations.activate(mine.get(1), rows.get(1).get(2), "Xiamen2026go");
        if (files.pdfAvailable()) {
            byte[] pdf = mvc.perform(post("/org/classes/" + classA + "/activation-sheet").param("format", "pdf")
                            .cookie(counselor).with(csrf()))
                    .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(new PdfReader(pdf).getNumberOfPages()).isEqualTo(1);
        } else {
            mvc.perform(post("/org/classes/" + classA + "/activation-sheet").param("format", "xlsx").cookie(counselor)
                    .with(csrf())).andExpect(status().isOk());
        }
        assertThat(activations.check(mine.get(0), rows.get(0).get(2))).isEqualTo(Activations.Check.WRONG);
        mvc.perform(get("/org/classes/" + classA).cookie(counselor))
                .andExpect(content().string(containsString("本班有 2 名学生尚未激活账户")));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'class' AND action = 'activation-sheet'"
                + " AND entity_id = ?").param(String.valueOf(classA)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anAdministratorAddingOneStudentSeesTheirCodeOnce() throws Exception {
        long classId = fixtures.schoolClass(fixtures.college());
        String no = "N" + RosterFixtures.unique();
        Cookie admin = Logins.login(mvc, fixtures.account(Grant.school(Role.ADMIN)), Fixtures.PASSWORD);
        String page = mvc.perform(post("/org/students/new").cookie(admin).with(csrf()).param("studentNo", no)
                        .param("name", "新生").param("gender", "MALE").param("classId", String.valueOf(classId))
                        .param("enrolmentTerm", "2024-2025-1").param("status", "ACTIVE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher shown = Pattern.compile("id=\"issued-code\">(" + CODE + ")<").matcher(page);
        assertThat(shown.find()).isTrue();
        assertThat(activations.check(no, shown.group(1))).isEqualTo(Activations.Check.VALID);

        // the student's page offers a new code while the account waits; a counselor of another class sees nothing
        long id = roster.findByNumber(no).orElseThrow().id();
        mvc.perform(get("/org/students/" + id).cookie(admin)).andExpect(content().string(containsString("issue-code")));
        Cookie stranger = Logins.login(mvc, fixtures.account(Grant.of(Role.COUNSELOR,
                fixtures.schoolClass(fixtures.college()))), Fixtures.PASSWORD);
        mvc.perform(post("/org/students/" + id + "/activation-code").cookie(stranger).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(activations.check(no, shown.group(1))).isEqualTo(Activations.Check.VALID);

        // the student sets a password meanwhile: asking for another code brings the administrator back to the
        // student's page, which says why (not an error page)
        activations.activate(no, shown.group(1), "Xiamen2026go");
        mvc.perform(post("/org/students/" + id + "/activation-code").cookie(admin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/org/students/" + id))
                .andExpect(flash().attribute("errorKey", "organization.activation.already-activated"));
        mvc.perform(get("/org/students/" + id).cookie(admin).flashAttr("errorKey",
                        "organization.activation.already-activated"))
                .andExpect(content().string(containsString("该学生已设置密码")));
    }
}
