package org.workstudy.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.shared.BusinessException;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

@IntegrationTest
class NotificationsIntegrationTest {

    private static final String KEY = "notifications.announcement";

    @Autowired
    MockMvc mvc;
    @Autowired
    Notifications notifications;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Accounts accounts;

    String student;
    long studentId;
    String other;
    long otherId;

    @BeforeEach
    void accounts() {
        student = fixtures.account(Grant.of(Role.STUDENT, 9_000_000L + Fixtures.next()));
        studentId = accounts.findByUsername(student).orElseThrow().id();
        other = fixtures.account(Grant.school(Role.CENTER_STAFF));
        otherId = accounts.findByUsername(other).orElseThrow().id();
    }

    @Test
    void aSentMessageIsCountedListedInChineseAndOpeningItMarksItReadAndFollowsTheLink() throws Exception {
        fixtures.inTransaction(() -> {
            notifications.send(studentId, KEY, List.of("工时确认", "请于周五前确认, \"三月\"的工时"), "/org/me?tab=hours");
            return null;
        });
        assertThat(notifications.unreadCount(studentId)).isEqualTo(1);
        long id = notifications.list(studentId, 0, 10).items().get(0).id();

        Cookie session = Logins.login(mvc, student, Fixtures.PASSWORD);
        mvc.perform(get("/notifications").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("【通知】工时确认：请于周五前确认, &quot;三月&quot;的工时")))
                .andExpect(content().string(containsString("/notifications/" + id + "/open")))
                .andExpect(content().string(containsString("list-group-item-primary")));

        mvc.perform(post("/notifications/" + id + "/open").cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/org/me?tab=hours"));
        assertThat(notifications.unreadCount(studentId)).isZero();
        assertThat(notifications.list(studentId, 0, 10).items().get(0).read()).isTrue();
        mvc.perform(get("/notifications").cookie(session))
                .andExpect(content().string(not(containsString("list-group-item-primary"))));
    }

    @Test
    void aMessageWithoutLinkLeadsBackToTheList() throws Exception {
        notifications.send(studentId, KEY, List.of("a", "b"), null);
        long id = notifications.list(studentId, 0, 10).items().get(0).id();
        mvc.perform(post("/notifications/" + id + "/open").cookie(Logins.login(mvc, student, Fixtures.PASSWORD))
                        .with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
    }

    @Test
    void nobodyReadsOrMarksAnotherAccountsMessage() throws Exception {
        notifications.send(studentId, KEY, List.of("私信", "仅本人可见"), "/org/me");
        long id = notifications.list(studentId, 0, 10).items().get(0).id();

        assertThatThrownBy(() -> notifications.markRead(otherId, id))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(404));
        Cookie session = Logins.login(mvc, other, Fixtures.PASSWORD);
        mvc.perform(post("/notifications/" + id + "/open").cookie(session).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/notifications").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("仅本人可见"))));
        mvc.perform(post("/api/v1/notifications/" + id + "/read").with(httpBasic(other, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/notifications").with(httpBasic(other, Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.total").value(0));
        assertThat(notifications.unreadCount(studentId)).isEqualTo(1);
    }

    @Test
    void markAllReadClearsTheCountOfOneAccountOnly() throws Exception {
        notifications.sendAll(List.of(studentId, otherId, studentId), KEY, List.of("放假", "国庆节放假安排"), null);
        notifications.send(studentId, KEY, List.of("讲座", "周三下午"), null);
        assertThat(notifications.unreadCount(studentId)).isEqualTo(2);
        assertThat(notifications.unreadCount(otherId)).isEqualTo(1);

        mvc.perform(post("/notifications/read-all").cookie(Logins.login(mvc, student, Fixtures.PASSWORD)).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(notifications.unreadCount(studentId)).isZero();
        assertThat(notifications.unreadCount(otherId)).isEqualTo(1);
    }

    @Test
    void theBellOnTheHomePageShowsTheUnreadCount() throws Exception {
        Cookie session = Logins.login(mvc, student, Fixtures.PASSWORD);
        mvc.perform(get("/").cookie(session))
                .andExpect(content().string(containsString("id=\"notifications-bell\"")))
                .andExpect(content().string(not(containsString("notifications-badge"))));
        notifications.sendAll(List.of(studentId), KEY, List.of("一", "二"), null);
        notifications.sendAll(List.of(studentId), KEY, List.of("三", "四"), null);
        mvc.perform(get("/").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"notifications-badge\">2</span>")));
    }

    @Test
    void theApiListsCountsAndMarksInTheCallersLanguage() throws Exception {
        notifications.send(studentId, KEY, List.of("Holiday", "National Day"), "/calendar");
        long id = notifications.list(studentId, 0, 10).items().get(0).id();

        mvc.perform(get("/api/v1/notifications/unread-count").with(httpBasic(student, Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unread").value(1));
        mvc.perform(get("/api/v1/notifications").param("page", "0").param("size", "5")
                        .with(httpBasic(student, Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.items[0].text").value("【通知】Holiday：National Day"));
        mvc.perform(get("/api/v1/notifications").header("Accept-Language", "en")
                        .with(httpBasic(student, Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].text").value("[Notice] Holiday: National Day"))
                .andExpect(jsonPath("$.items[0].args[1]").value("National Day"))
                .andExpect(jsonPath("$.items[0].link").value("/calendar"))
                .andExpect(jsonPath("$.items[0].read").value(false));
        mvc.perform(post("/api/v1/notifications/" + id + "/read").with(httpBasic(student, Fixtures.PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/notifications/unread-count").with(httpBasic(student, Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.unread").value(0));
    }

    @Test
    void thePageIsInEnglishWithLangEn() throws Exception {
        notifications.send(studentId, KEY, List.of("Lecture", "Wednesday"), null);
        mvc.perform(get("/notifications").param("lang", "en").cookie(Logins.login(mvc, student, Fixtures.PASSWORD)))
                .andExpect(content().string(containsString("[Notice] Lecture: Wednesday")))
                .andExpect(content().string(containsString("Mark all read")));
    }

    @Test
    void linksToOtherSitesAreRefused() {
        assertThatThrownBy(() -> notifications.send(studentId, KEY, List.of(), "https://evil.example"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(notifications.unreadCount(studentId)).isZero();
    }
}
