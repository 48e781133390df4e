package org.workstudy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.workstudy.audit.AuditTrail;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

/** A student's first sign-in with an activation code, its one-time use and expiry, the API's refusal, a reset. */
@IntegrationTest
class ActivationIntegrationTest {

    private static final String CHOSEN = "Gulangyu2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Roster roster;
    @Autowired
    Accounts accounts;
    @Autowired
    Activations activations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    AuditTrail audit;
    @Autowired
    Clock clock;

    private Student newStudent() {
        return roster.find(fixtures.student(fixtures.schoolClass(fixtures.college()))).orElseThrow();
    }

    @Test
    void theFirstSignInWithTheCodeSetsAPasswordAndTheCodeWorksOnce() throws Exception {
        Student s = newStudent();
        String code = fixtures.activationCode(s.studentNo());

        // the sign-in form with 学号 and code leads to the activation page, with both filled in
        MvcResult signIn = mvc.perform(formLogin().user(s.studentNo()).password(code))
                .andExpect(redirectedUrl("/activate")).andReturn();
        Cookie started = signIn.getResponse().getCookie("SESSION");
        mvc.perform(get("/activate").cookie(started)).andExpect(status().isOk())
                .andExpect(content().string(containsString("激活码正确")))
                .andExpect(content().string(containsString("value=\"" + code + "\"")));

        // a weak password is refused with its reason, and the code stays good
        mvc.perform(post("/activate").with(csrf()).param("username", s.studentNo()).param("code", code)
                        .param("next", "password1").param("repeat", "password1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("常见密码")));
        mvc.perform(post("/activate").with(csrf()).param("username", s.studentNo()).param("code", code)
                        .param("next", "x" + s.studentNo() + "x").param("repeat", "x" + s.studentNo() + "x"))
                .andExpect(content().string(containsString("不能包含用户名")));
        assertThat(activations.check(s.studentNo(), code)).isEqualTo(Activations.Check.VALID);

        // the chosen password is set and the person is signed in
        MvcResult done = mvc.perform(post("/activate").with(csrf()).param("username", s.studentNo())
                        .param("code", code.toLowerCase().replace("-", " ")).param("next", CHOSEN).param("repeat", CHOSEN))
                .andExpect(redirectedUrl("/")).andReturn();
        Cookie session = done.getResponse().getCookie("SESSION");
        mvc.perform(get("/org/me").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString(s.studentNo())));
        assertThat(accounts.findByUsername(s.studentNo()).orElseThrow().awaitingActivation()).isFalse();

        // the code is spent: neither the activation page nor the sign-in form takes it again
        mvc.perform(post("/activate").with(csrf()).param("username", s.studentNo()).param("code", code)
                        .param("next", "Another2026").param("repeat", "Another2026"))
                .andExpect(content().string(containsString("账号或激活码不正确")));
        mvc.perform(formLogin().user(s.studentNo()).password(code)).andExpect(redirectedUrl("/login?error=bad"));
        Logins.login(mvc, s.studentNo(), CHOSEN);
        mvc.perform(get("/api/v1/me").with(httpBasic(s.studentNo(), CHOSEN))).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(s.studentNo()));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'account' AND action = 'activate'"
                + " AND entity_id = ?").param(String.valueOf(s.accountId())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theApiRefusesAnAccountThatHasNotSetAPassword() throws Exception {
        Student s = newStudent();
        String code = fixtures.activationCode(s.studentNo());
        String derived = s.idCardNo().substring(12);
        for (String tried : new String[] {code, derived, s.studentNo()}) {
            mvc.perform(get("/api/v1/me").with(httpBasic(s.studentNo(), tried))).andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.detail").value(containsString("/activate")));
        }
        // and no page either: without a password there is no session to be had
        mvc.perform(formLogin().user(s.studentNo()).password(derived)).andExpect(redirectedUrl("/login?error=bad"));
    }

    @Test
    void anExpiredCodeIsRefused() {
        Student s = newStudent();
        String code = fixtures.activationCode(s.studentNo());
        Activations dayTwentyNine = at(Duration.ofDays(29));
        Activations dayThirtyOne = at(Duration.ofDays(31));
        assertThat(dayTwentyNine.check(s.studentNo(), code)).isEqualTo(Activations.Check.VALID);
        assertThat(dayThirtyOne.check(s.studentNo(), code)).isEqualTo(Activations.Check.EXPIRED);
        assertThatThrownBy(() -> dayThirtyOne.activate(s.studentNo(), code, CHOSEN))
                .hasMessageContaining("identity.activation.expired");
        assertThat(accounts.findByUsername(s.studentNo()).orElseThrow().awaitingActivation()).isTrue();
    }

    @Test
    void aNewCodeReplacesTheOldOneAndEachIssueIsAudited() {
        Student s = newStudent();
        String first = fixtures.activationCode(s.studentNo());
        String second = fixtures.activationCode(s.studentNo());
        assertThat(second).isNotEqualTo(first);
        assertThat(activations.check(s.studentNo(), first)).isEqualTo(Activations.Check.WRONG);
        assertThat(activations.check(s.studentNo(), second)).isEqualTo(Activations.Check.VALID);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'account'"
                        + " AND action = 'issue-activation-code' AND entity_id = ?")
                .param(String.valueOf(s.accountId())).query(Long.class).single()).isEqualTo(2);
        // only the hash is kept
        assertThat(jdbc.sql("SELECT code_hash FROM identity_activation WHERE account_id = ?").param(s.accountId())
                .query(String.class).single()).isEqualTo(ActivationCode.hash(second)).doesNotContain(second);
    }

    @Test
    void anAdministratorsResetIssuesANewCodeInsteadOfAKnownPassword() throws Exception {
        Student s = newStudent();
        fixtures.activate(s.studentNo());
        Logins.login(mvc, s.studentNo(), Fixtures.ACTIVATED_PASSWORD);
        Cookie admin = Logins.login(mvc, fixtures.account(Grant.school(Role.ADMIN)), Fixtures.PASSWORD);

        String page = mvc.perform(post("/admin/accounts/" + s.accountId() + "/password").cookie(admin).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher shown = Pattern.compile("id=\"issued-code\">([^<]+)<").matcher(page);
        assertThat(shown.find()).isTrue();
        String code = shown.group(1);

        // the old password no longer works; the code leads to a new one
        mvc.perform(formLogin().user(s.studentNo()).password(Fixtures.ACTIVATED_PASSWORD))
                .andExpect(redirectedUrl("/login?error=bad"));
        assertThat(accounts.findByUsername(s.studentNo()).orElseThrow().awaitingActivation()).isTrue();
        mvc.perform(formLogin().user(s.studentNo()).password(code)).andExpect(redirectedUrl("/activate"));
        activations.activate(s.studentNo(), code, CHOSEN);
        Logins.login(mvc, s.studentNo(), CHOSEN);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'account'"
                        + " AND action = 'reset-password' AND entity_id = ?")
                .param(String.valueOf(s.accountId())).query(Long.class).single()).isEqualTo(1);
    }

    private Activations at(Duration later) {
        return new Activations(jdbc, jdbcTemplate, passwords, accounts, audit, Clock.offset(clock, later), 30);
    }
}
