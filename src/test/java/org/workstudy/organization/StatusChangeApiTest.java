package org.workstudy.organization;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/** The 学籍异动 API: administrators record, staff in scope read, out of scope is 404, a broken rule names its field. */
@IntegrationTest
class StatusChangeApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures school;
    @Autowired
    Roster roster;
    @Autowired
    Clock clock;

    @Test
    void anAdministratorRecordsAndACounselorOfTheClassReadsAndAnotherGetsNotFound() throws Exception {
        long college = school.college();
        long classA = school.schoolClass(college);
        long classB = school.schoolClass(college);
        long student = school.student(classA);
        String admin = school.account(Grant.school(Role.ADMIN));
        String counselorA = school.account(Grant.of(Role.COUNSELOR, classA));
        String counselorB = school.account(Grant.of(Role.COUNSELOR, classB));
        String today = LocalDate.now(clock).toString();

        mvc.perform(post("/api/v1/students/" + student + "/status-changes").with(httpBasic(admin, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"SUSPEND\",\"effectiveOn\":\"" + today + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("untilOn"));
        mvc.perform(post("/api/v1/students/" + student + "/status-changes")
                        .with(httpBasic(counselorA, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"TRANSFER_MAJOR\",\"effectiveOn\":\"" + today + "\",\"toClassId\":" + classB
                                + "}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/students/" + student + "/status-changes").with(httpBasic(admin, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"TRANSFER_MAJOR\",\"effectiveOn\":\"" + today + "\",\"toClassId\":" + classB
                                + ",\"reason\":\"转专业\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("TRANSFER_MAJOR"))
                .andExpect(jsonPath("$.toClassId").value(classB));

        // the student moved: the new class's counselor reads the history, the old one gets 404
        mvc.perform(get("/api/v1/students/" + student + "/status-changes")
                        .with(httpBasic(counselorB, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(get("/api/v1/students/" + student + "/status-changes")
                        .with(httpBasic(counselorA, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
    }
}
