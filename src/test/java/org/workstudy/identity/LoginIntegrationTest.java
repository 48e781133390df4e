package org.workstudy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.identity.internal.SignInThrottle;
import org.workstudy.organization.Roster;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

@IntegrationTest
class LoginIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Accounts accounts;
    @Autowired
    Roster roster;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPersonSignsInAndLandsOnTheHomePageOfTheirRole() throws Exception {
        String user = fixtures.account(Grant.school(Role.CENTER_STAFF));
        Cookie session = Logins.login(mvc, user, Fixtures.PASSWORD);
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("勤工助学中心")));
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() throws Exception {
        String user = fixtures.account(Grant.school(Role.LEADER));
        mvc.perform(formLogin().user(user).password("wrong-1234")).andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(get("/login").param("error", "bad")).andExpect(content().string(containsString("用户名或密码错误")));
    }

    @Test
    void failuresThrottleOnlyTheClientThatMadeThemAndUnknownNamesAnswerTheSame() throws Exception {
        String user = fixtures.account(Grant.school(Role.LEADER));
        String nobody = "nobody" + Fixtures.next();
        for (String name : new String[] {user, nobody}) {
            for (int i = 0; i < 5; i++) {
                mvc.perform(signIn(name, "wrong-1234", "10.9.0.1"))
                        .andExpect(redirectedUrl("/login?error=bad"));
            }
            // that client now waits, whatever it sends and whether or not the account exists
            mvc.perform(signIn(name, Fixtures.PASSWORD, "10.9.0.1"))
                    .andExpect(redirectedUrl("/login?error=throttled"))
                    .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]?")));
        }
        // the owner, elsewhere, is not locked out
        mvc.perform(signIn(user, Fixtures.PASSWORD, "10.9.0.2"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/login").param("error", "throttled"))
                .andExpect(content().string(containsString("登录失败次数过多")));
        // both in the audit trail
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'signin-failed' AND changes LIKE ?")
                .param("%\"" + user + "\"%").query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'signin-throttled' AND changes LIKE ?")
                .param("%\"" + nobody + "\"%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theApiThrottlesBasicSignInsPerClientWithRetryAfter() throws Exception {
        String user = fixtures.account(Grant.school(Role.LEADER));
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(user, "wrong-1234")).with(from("10.9.1.1")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic(user, Fixtures.PASSWORD)).with(from("10.9.1.1")))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        mvc.perform(get("/api/v1/me").with(httpBasic(user, Fixtures.PASSWORD)).with(from("10.9.1.2")))
                .andExpect(status().isOk());
        // even admin cannot be kept out by someone else's failures
        AccountView admin = accounts.findByUsername("admin").orElseThrow();
        assertThat(admin.lockedUntil()).isNull();
    }

    @Test
    void anAdministratorSeesAndClearsTheThrottlesOfAnAccount() throws Exception {
        String user = fixtures.account(Grant.school(Role.LEADER));
        for (int i = 0; i < 6; i++) {
            mvc.perform(signIn(user, "wrong-1234", "10.9.2.1"));
        }
        long id = accounts.findByUsername(user).orElseThrow().id();
        Cookie admin = Logins.login(mvc, fixtures.account(Grant.school(Role.ADMIN)), Fixtures.PASSWORD);
        mvc.perform(get("/admin/accounts/" + id).cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("10.9.2.1")))
                .andExpect(content().string(containsString("登录失败与限制")));
        mvc.perform(post("/admin/accounts/" + id + "/unlock").cookie(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(signIn(user, Fixtures.PASSWORD, "10.9.2.1"))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'signin-throttle-cleared'"
                + " AND changes LIKE ?").param("%\"" + user + "\"%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theHourlyCleanupForgetsFailuresOlderThanADayButKeepsRecentOnesAndBlocks(
            @Autowired SignInThrottle throttle, @Autowired java.time.Clock clock) throws Exception {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
        String old = "gone" + Fixtures.next();
        String recent = "kept" + Fixtures.next();
        String blocked = "held" + Fixtures.next();
        mvc.perform(signIn(old, "wrong-1234", "10.9.3.1"));
        mvc.perform(signIn(recent, "wrong-1234", "10.9.3.1"));
        mvc.perform(signIn(blocked, "wrong-1234", "10.9.3.1"));
        // 25 hours ago, and (for the third) still blocked for the next minute
        jdbc.sql("UPDATE idn_signin_throttle SET last_failure_at = ? WHERE username IN (?, ?)")
                .params(now.minusHours(25), old, blocked).update();
        jdbc.sql("UPDATE idn_signin_throttle SET blocked_until = ? WHERE username = ?")
                .params(now.plusMinutes(1), blocked).update();
        mvc.perform(signIn(recent, "wrong-1234", "10.9.3.2"));
        jdbc.sql("UPDATE idn_signin_throttle SET last_failure_at = ? WHERE username = ? AND client = '10.9.3.1'")
                .params(now.minusHours(23), recent).update();

        // What the hourly job (SignInThrottleCleanup, under its ShedLock lock) runs with the default 24 hours; called
        // directly, since the lock would skip a call made while the scheduled run holds it.
        throttle.forgetOlderThan(java.time.Duration.ofHours(24));

        assertThat(jdbc.sql("SELECT username || ' ' || client FROM idn_signin_throttle WHERE username IN (?, ?, ?)"
                + " ORDER BY 1").params(old, recent, blocked).query(String.class).list())
                .containsExactly(blocked + " 10.9.3.1", recent + " 10.9.3.1", recent + " 10.9.3.2");
    }

    private static org.springframework.test.web.servlet.RequestBuilder signIn(String username, String password,
            String address) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void aPasswordGivenBySomeoneElseMustBeChangedBeforeAnythingElseAndTheApiRefusesIt() throws Exception {
        String user = "init" + Fixtures.next();
        accounts.create(new NewAccount(user, "新教师", "Start2026go", true, List.of(Grant.school(Role.LEADER))));
        mvc.perform(get("/api/v1/me").with(httpBasic(user, "Start2026go"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("not set its own password")));
        Cookie session = Logins.login(mvc, user, "Start2026go");
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", "Start2026go")
                .param("next", "short").param("repeat", "short"))
                .andExpect(content().string(containsString("密码至少8位")));
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", "Start2026go")
                .param("next", "password1").param("repeat", "password1"))
                .andExpect(content().string(containsString("常见密码")));
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", "Start2026go")
                .param("next", "NewPass99").param("repeat", "NewPass99")).andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(accounts.findByUsername(user).orElseThrow().mustChangePassword()).isFalse();
        mvc.perform(get("/api/v1/me").with(httpBasic(user, "NewPass99"))).andExpect(status().isOk());
    }

    @Test
    void aPersonWithTwoRolesSwitchesTheActiveOne() throws Exception {
        long college = fixtures.college();
        long schoolClass = fixtures.schoolClass(college);
        String user = fixtures.account(Grant.of(Role.COLLEGE_ADMIN, college), Grant.of(Role.COUNSELOR, schoolClass));
        Cookie session = Logins.login(mvc, user, Fixtures.PASSWORD);
        mvc.perform(get("/").cookie(session)).andExpect(content().string(containsString("（学院勤工助学负责人）")));
        mvc.perform(post("/account/role").cookie(session).with(csrf()).param("role", "COUNSELOR"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(session)).andExpect(content().string(containsString("（辅导员）")));
        // A role the person does not hold cannot be taken.
        mvc.perform(post("/account/role").cookie(session).with(csrf()).param("role", "ADMIN"))
                .andExpect(status().isForbidden());
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        String user = fixtures.account(Grant.school(Role.LEADER));
        Cookie session = Logins.login(mvc, user, Fixtures.PASSWORD);
        mvc.perform(post("/account/role").cookie(session).param("role", "LEADER")).andExpect(status().isForbidden());
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void sessionsLiveInTheDatabase() throws Exception {
        String user = fixtures.account(Grant.school(Role.LEADER));
        Logins.login(mvc, user, Fixtures.PASSWORD);
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(user)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** Sessions are written back only when something changed (web/SessionTouchLimit): pages read them only. */
    @Test
    void pagesWithinAMinuteLeaveTheStoredSessionAlone() throws Exception {
        String user = fixtures.account(Grant.school(Role.LEADER));
        jakarta.servlet.http.Cookie session = Logins.login(mvc, user, Fixtures.PASSWORD);
        long signedIn = lastAccess(user);
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(lastAccess(user)).isEqualTo(signedIn);
        // Two minutes later (moved back in the store), the next page moves the last access again
        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - 120000,"
                + " expiry_time = expiry_time - 120000 WHERE principal_name = ?").param(user).update();
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(lastAccess(user)).isGreaterThan(signedIn - 120000);
    }

    private long lastAccess(String user) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE principal_name = ?").param(user)
                .query(Long.class).single();
    }

    @Test
    void pagesNeedASignIn() throws Exception {
        mvc.perform(get("/org/students")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theApiAnswersProblemDetailsWithoutCredentials() throws Exception {
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
    }

    @Test
    void onlyAdministratorsReachTheAdministrationPages() throws Exception {
        String leader = fixtures.account(Grant.school(Role.LEADER));
        Cookie session = Logins.login(mvc, leader, Fixtures.PASSWORD);
        mvc.perform(get("/admin/accounts").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").cookie(session)).andExpect(status().isForbidden());
        String admin = fixtures.account(Grant.school(Role.ADMIN));
        Cookie adminSession = Logins.login(mvc, admin, Fixtures.PASSWORD);
        mvc.perform(get("/admin/accounts").cookie(adminSession).param("q", leader)).andExpect(status().isOk())
                .andExpect(content().string(containsString(leader)));
    }
}
