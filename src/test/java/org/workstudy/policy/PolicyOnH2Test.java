package org.workstudy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.support.Logins;

/**
 * Creating a version on the embedded H2 database (the row lock and the insert are plain SQL, but H2 is the default
 * of `run`). Same configuration as EmbeddedH2SmokeTest, so the two share one application context.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:file:./target/h2-smoke/workstudy-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "workstudy.demo.students=120"})
@AutoConfigureMockMvc
class PolicyOnH2Test {

    @Autowired
    MockMvc mvc;
    @Autowired
    Policies policies;

    @Test
    void anAdministratorCreatesAVersionOnH2() throws Exception {
        Cookie admin = Logins.login(mvc, "admin", "Demo1234");
        mvc.perform(get("/admin/policy").cookie(admin)).andExpect(status().isOk());
        mvc.perform(get("/admin/policy/new").cookie(admin)).andExpect(status().isOk());
        int cohort = policies.earliestNewCohort();
        mvc.perform(post("/admin/policy").cookie(admin).with(csrf()).param("name", cohort + "版")
                        .param("fromCohort", String.valueOf(cohort)).param("courseName", "勤工助学")
                        .param("credits", "2").param("requiredHours", "300").param("hoursPerDay", "4")
                        .param("semesterWindow", "5").param("homeCity", "厦门").param("offsetHoursPerCredit", "150")
                        .param("partialOffsetAllowed", "false").param("noticeWorkingDays", "5")
                        .param("eveningFrom", "18:30").param("capDayHours", "8").param("capTermWeekHours", "8")
                        .param("capTermMonthHours", "40"))
                .andExpect(redirectedUrlPattern("/admin/policy/*"));
        PolicyVersion v = policies.forCohort(cohort).orElseThrow();
        assertThat(v.requiredHours()).isEqualByComparingTo("300");
        assertThat(v.eveningFrom()).hasToString("18:30");
        assertThat(v.partialOffsetAllowed()).isFalse();
    }
}
