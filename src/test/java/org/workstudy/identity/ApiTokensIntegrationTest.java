package org.workstudy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ApiTokensIntegrationTest {

    private static final Pattern TOKEN = Pattern.compile("id=\"issued-token\"[^>]*>(wst_[A-Za-z0-9_-]{43})<");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenIssuedOnThePageIsShownOnceStoredAsAHashAndSignsProgramsInWithTheActiveRole() throws Exception {
        long college = fixtures.college();
        String user = fixtures.account(Grant.of(Role.COUNSELOR, fixtures.schoolClass(college)),
                Grant.of(Role.COLLEGE_ADMIN, college));
        Cookie session = Logins.login(mvc, user, Fixtures.PASSWORD);
        // acting as counselor (the higher-ranking role first? switch explicitly so the test says which)
        mvc.perform(post("/account/role").param("role", "COUNSELOR").cookie(session).with(csrf()));
        String page = mvc.perform(post("/account/tokens").param("name", "考勤机同步").param("validDays", "30")
                        .cookie(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("令牌只显示这一次")))
                .andReturn().getResponse().getContentAsString();
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("the new token on the page").isTrue();
        String token = m.group(1);

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(user))
                .andExpect(jsonPath("$.activeRole").value("COUNSELOR"));
        // listed by its first characters only; the database keeps its SHA-256 only
        mvc.perform(get("/account/tokens").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("考勤机同步")))
                .andExpect(content().string(containsString(token.substring(0, 8) + "…")))
                .andExpect(content().string(not(containsString(token))));
        assertThat(jdbc.sql("SELECT count(*) FROM identity_api_token WHERE token_hash = ? AND last_used_at IS NOT NULL")
                .param(PersonalTokens.hash(token)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM identity_api_token WHERE token_hash LIKE ?")
                .param("%" + token.substring(4) + "%").query(Long.class).single()).isZero();
        long account = accounts.findByUsername(user).orElseThrow().id();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'api-token-issued' AND entity_id = ?")
                .param(String.valueOf(account)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTokenKeepsToTheDataScopeOfItsRole() throws Exception {
        long college = fixtures.college();
        long myClass = fixtures.schoolClass(college);
        long mine = fixtures.student(myClass);
        long elsewhere = fixtures.student(fixtures.schoolClass(fixtures.college()));
        String counselor = fixtures.account(Grant.of(Role.COUNSELOR, myClass));
        String token = issueWithBasic(counselor, "scope").token();
        mvc.perform(get("/api/v1/students/" + mine).with(bearer(token))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/students/" + elsewhere).with(bearer(token))).andExpect(status().isNotFound());
    }

    @Test
    void revokedExpiredUnknownAndDisabledTokensAreRefusedWithABearerChallengeNeverBasic() throws Exception {
        String user = fixtures.account(Grant.school(Role.CENTER_STAFF));
        Issued revoked = issueWithBasic(user, "revoked");
        mvc.perform(get("/api/v1/me").with(bearer(revoked.token()))).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/me/tokens/" + revoked.id()).with(httpBasic(user, Fixtures.PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").with(bearer(revoked.token())))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""))
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));

        Issued expired = issueWithBasic(user, "expired");
        jdbc.sql("UPDATE identity_api_token SET expires_at = now() - interval '1 minute' WHERE id = ?")
                .param(expired.id()).update();
        mvc.perform(get("/api/v1/me").with(bearer(expired.token()))).andExpect(status().isUnauthorized());

        mvc.perform(get("/api/v1/me").with(bearer("wst_" + "A".repeat(43)))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", not(containsString("Basic"))));

        Issued ofDisabled = issueWithBasic(user, "disabled");
        accounts.setEnabled(accounts.findByUsername(user).orElseThrow().id(), false);
        mvc.perform(get("/api/v1/me").with(bearer(ofDisabled.token()))).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenWhoseRoleWasTakenAwayStopsWorking() throws Exception {
        long college = fixtures.college();
        String user = fixtures.account(Grant.of(Role.COLLEGE_ADMIN, college), Grant.school(Role.LEADER));
        Issued token = issueWithBasic(user, "role");
        long id = accounts.findByUsername(user).orElseThrow().id();
        // issued acting in the first role by rank
        Role role = Role.valueOf(jdbc.sql("SELECT role FROM identity_api_token WHERE id = ?").param(token.id())
                .query(String.class).single());
        accounts.revoke(id, role == Role.LEADER ? Grant.school(Role.LEADER) : Grant.of(Role.COLLEGE_ADMIN, college));
        mvc.perform(get("/api/v1/me").with(bearer(token.token()))).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenCannotIssueTokensButListsAndRevokesOnlyItsOwnersOnes() throws Exception {
        String user = fixtures.account(Grant.school(Role.CENTER_STAFF));
        String other = fixtures.account(Grant.school(Role.CENTER_STAFF));
        Issued token = issueWithBasic(user, "program");
        Issued others = issueWithBasic(other, "other");
        mvc.perform(post("/api/v1/me/tokens").with(bearer(token.token())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"more\"}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me/tokens").with(bearer(token.token())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].name").value("program"))
                .andExpect(jsonPath("$[0].token").doesNotExist());
        mvc.perform(delete("/api/v1/me/tokens/" + others.id()).with(bearer(token.token())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me").with(bearer(others.token()))).andExpect(status().isOk());
    }

    @Test
    void aTokenWithoutANameOrWithAnImpossibleExpiryIsRefusedNamingTheField() throws Exception {
        String user = fixtures.account(Grant.school(Role.CENTER_STAFF));
        mvc.perform(post("/api/v1/me/tokens").with(httpBasic(user, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.field").value("name"));
        mvc.perform(post("/api/v1/me/tokens").with(httpBasic(user, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"validDays\":5000}"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.field").value("validDays"));
        mvc.perform(post("/api/v1/me/tokens").with(httpBasic(user, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + "长".repeat(101) + "\"}"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.field").value("name"));
        Cookie session = Logins.login(mvc, user, Fixtures.PASSWORD);
        mvc.perform(post("/account/tokens").param("name", "").cookie(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写令牌名称")));
        assertThat(jdbc.sql("SELECT count(*) FROM identity_api_token t JOIN identity_account a ON a.id = t.account_id"
                + " WHERE a.username = ?").param(user).query(Long.class).single()).isZero();
    }

    record Issued(long id, String token) {
    }

    private Issued issueWithBasic(String user, String name) throws Exception {
        String body = mvc.perform(post("/api/v1/me/tokens").with(httpBasic(user, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        var json = JsonMapper.builder().build().readTree(body);
        return new Issued(json.get("id").asLong(), json.get("token").asString());
    }

    private static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }
}
