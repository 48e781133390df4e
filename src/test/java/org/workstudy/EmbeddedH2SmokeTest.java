package org.workstudy;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.support.Logins;

/**
 * The zero-setup default: the embedded H2 file database, migrations, the demo school, sign-in and the main pages —
 * what `./mvnw spring-boot:run` gives a newcomer.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:file:./target/h2-smoke/workstudy-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "workstudy.demo.students=120"})
@AutoConfigureMockMvc
class EmbeddedH2SmokeTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theDemoSchoolRunsOnTheEmbeddedDatabase() throws Exception {
        Cookie admin = Logins.login(mvc, "admin", "Demo1234");
        for (String page : new String[] {"/", "/org/students", "/org/classes", "/org/structure", "/org/staff",
                "/admin/accounts", "/admin/audit", "/admin/calendar", "/account/password", "/notifications",
                "/org/students/import"}) {
            mvc.perform(get(page).cookie(admin)).andExpect(status().isOk());
        }
        mvc.perform(get("/org/classes").cookie(admin)).andExpect(content().string(containsString("信息工程学院")));
        Cookie counselor = Logins.login(mvc, "fdy012", "Demo1234");
        mvc.perform(get("/org/students").cookie(counselor)).andExpect(status().isOk());
        mvc.perform(get("/calendar").cookie(counselor)).andExpect(status().isOk());
    }
}
