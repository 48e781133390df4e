package org.workstudy.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

/**
 * Assessment shows each viewer their scope only, decided on the server: a vice dean ranks the colleges but sees the
 * counselors, classes and report of their own college only (another college's report is 404, in the API and the
 * printable page); a counselor sees themselves and their classes and no college; a student has no assessment. A
 * malformed or future month is a 400 problem naming the field.
 */
@IntegrationTest
class AssessmentScopeTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures school;

    long collegeA;
    long collegeB;
    long classA1;
    long classA2;
    long classB1;
    String month;

    @BeforeEach
    void twoColleges() {
        collegeA = school.college();
        collegeB = school.college();
        classA1 = school.schoolClass(collegeA);
        classA2 = school.schoolClass(collegeA);
        classB1 = school.schoolClass(collegeB);
        school.student(classA1);
        school.student(classA2);
        school.student(classB1);
        month = YearMonth.now().toString();
    }

    @Test
    void aViceDeanRanksTheCollegesButSeesOnlyTheirOwnCollegesCounselorsClassesAndReport() throws Exception {
        String viceDean = school.account(Grant.of(Role.VICE_DEAN, collegeA));
        String counselorA = school.account(Grant.of(Role.COUNSELOR, classA1));
        String counselorB = school.account(Grant.of(Role.COUNSELOR, classB1));
        mvc.perform(get("/api/v1/assessment/months/" + month).with(httpBasic(viceDean, Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("COLLEGE"))
                .andExpect(jsonPath("$.colleges[?(@.subjectId == " + collegeB + ")]", hasSize(1)))
                .andExpect(jsonPath("$.colleges[?(@.subjectId == " + collegeA + ")].own", everyItem(is(true))))
                .andExpect(jsonPath("$.classes[*].collegeId", everyItem(is((int) collegeA))))
                .andExpect(jsonPath("$.classes", hasSize(2)))
                .andExpect(jsonPath("$.counselors[*].collegeId", everyItem(is((int) collegeA))))
                .andExpect(jsonPath("$.counselors[?(@.name == '" + displayName(counselorB) + "')]", hasSize(0)));
        assertThat(counselorA).isNotBlank();

        mvc.perform(get("/api/v1/assessment/colleges/" + collegeA + "/months/" + month)
                        .with(httpBasic(viceDean, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.college.subjectId").value(collegeA))
                .andExpect(jsonPath("$.classes", hasSize(2)));
        mvc.perform(get("/api/v1/assessment/colleges/" + collegeB + "/months/" + month)
                .with(httpBasic(viceDean, Fixtures.PASSWORD))).andExpect(status().isNotFound());
        Cookie session = Logins.login(mvc, viceDean, Fixtures.PASSWORD);
        mvc.perform(get("/assessment/colleges/" + collegeB + "/report").param("month", month).cookie(session))
                .andExpect(status().isNotFound());
        mvc.perform(get("/assessment/colleges/" + collegeA + "/report").param("month", month).cookie(session))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("assessment-print.css")));
    }

    @Test
    void aCounselorSeesThemselvesAndTheirClassesOnlyAndNoCollegeReport() throws Exception {
        String counselor = school.account(Grant.of(Role.COUNSELOR, classA1));
        school.account(Grant.of(Role.COUNSELOR, classA2));
        mvc.perform(get("/api/v1/assessment/months/" + month).with(httpBasic(counselor, Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("COUNSELOR"))
                .andExpect(jsonPath("$.school").doesNotExist())
                .andExpect(jsonPath("$.colleges", hasSize(0)))
                .andExpect(jsonPath("$.counselors", hasSize(1)))
                .andExpect(jsonPath("$.counselors[0].own").value(true))
                .andExpect(jsonPath("$.classes", hasSize(1)))
                .andExpect(jsonPath("$.classes[0].subjectId").value(classA1));
        mvc.perform(get("/api/v1/assessment/colleges/" + collegeA + "/months/" + month)
                .with(httpBasic(counselor, Fixtures.PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void theCenterSeesEveryCollegeAndAStudentNothing() throws Exception {
        String center = school.account(Grant.school(Role.CENTER_STAFF));
        mvc.perform(get("/api/v1/assessment/months/" + month).with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.level").value("SCHOOL"))
                .andExpect(jsonPath("$.school.kind").value("SCHOOL"))
                .andExpect(jsonPath("$.frozen").isBoolean())
                .andExpect(jsonPath("$.colleges[?(@.subjectId == " + collegeA + ")]", hasSize(1)))
                .andExpect(jsonPath("$.colleges[?(@.subjectId == " + collegeB + ")]", hasSize(1)));
        mvc.perform(get("/api/v1/assessment/colleges/" + collegeB + "/months/" + month)
                .with(httpBasic(center, Fixtures.PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/assessment/colleges/999999999/months/" + month)
                .with(httpBasic(center, Fixtures.PASSWORD))).andExpect(status().isNotFound());
    }

    @Test
    void aBadMonthIsAProblemNamingTheField() throws Exception {
        String center = school.account(Grant.school(Role.CENTER_STAFF));
        for (String bad : new String[] {"2026-13", "2026-1", "abc", YearMonth.now().plusMonths(1).toString()}) {
            mvc.perform(get("/api/v1/assessment/months/" + bad).with(httpBasic(center, Fixtures.PASSWORD)))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("month"))
                    .andExpect(jsonPath("$.detail", containsString(bad)));
        }
        mvc.perform(get("/api/v1/assessment/years/2025-2027").with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("academicYear"));
        Cookie session = Logins.login(mvc, center, Fixtures.PASSWORD);
        mvc.perform(get("/assessment").param("month", "2026-13").cookie(session))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("格式不正确")));
    }

    private String displayName(String username) {
        return username; // fixtures' accounts are named after their username; no other college's name may show
    }
}
