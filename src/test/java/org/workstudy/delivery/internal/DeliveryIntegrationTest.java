package org.workstudy.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.identity.AccountView;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.Organization;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;

/**
 * Delivery against real servers: an SMTP server (GreenMail) and a local HTTP server standing in for WeCom and
 * DingTalk (their request and answer formats, DingTalk's signature checked by the server).
 */
@IntegrationTest
class DeliveryIntegrationTest {

    private static final String KEY = "notifications.announcement";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    MockMvc mvc;
    @Autowired
    Notifications notifications;
    @Autowired
    OutboxDelivery delivery;
    @Autowired
    SchoolDelivery school;
    @Autowired
    Preferences preferences;
    @Autowired
    Digests digests;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Accounts accounts;
    @Autowired
    Organization organization;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.workstudy.shared.SecretCipher cipher;
    @Autowired
    DeliveryStore store;
    @Autowired
    SecretEncryptionAtStart encryptionAtStart;

    HttpServer robots;
    /** What the robot server received: path → request bodies; and the query strings. */
    final Map<String, List<String>> received = Collections.synchronizedMap(new HashMap<>());
    final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    volatile boolean brokenAnswersError = true;
    CurrentUser admin;
    String adminName;

    @BeforeEach
    void servers() throws IOException {
        robots = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robots.createContext("/cgi-bin/webhook/send", exchange -> answer(exchange, "wecom", "{\"errcode\":0,\"errmsg\":\"ok\"}"));
        robots.createContext("/robot/send", exchange -> {
            // DingTalk checks the signature of the timestamp with the robot's secret
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            long timestamp = Long.parseLong(q.getOrDefault("timestamp", "0"));
            boolean fresh = Math.abs(System.currentTimeMillis() - timestamp) < 3_600_000L;
            boolean signed = DingTalkSign.sign(timestamp, "SECtest-secret").equals(q.get("sign"));
            answer(exchange, "dingtalk", fresh && signed ? "{\"errcode\":0,\"errmsg\":\"ok\"}"
                    : "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
        });
        robots.createContext("/broken/send", exchange -> answer(exchange, "broken", brokenAnswersError
                ? "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}" : "{\"errcode\":0,\"errmsg\":\"ok\"}"));
        robots.start();
        adminName = fixtures.account(Grant.school(Role.ADMIN));
        long adminId = accounts.findByUsername(adminName).orElseThrow().id();
        admin = new CurrentUser(adminId, adminName, "管理员", Role.ADMIN, List.of(Grant.school(Role.ADMIN)));
        fixtures.inTransaction(() -> {
            school.saveSettings(admin, new SchoolSettingsForm(true, "127.0.0.1", mail.getSmtp().getPort(), "NONE",
                    null, null, false, "workstudy@xmcollege.edu.cn", true));
            return null;
        });
        delivery.deliverDue(); // nothing of another test left due
    }

    @AfterEach
    void stop() {
        robots.stop(0);
    }

    private void answer(com.sun.net.httpserver.HttpExchange exchange, String name, String body) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            received.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        queries.add(exchange.getRequestURI().getRawQuery());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private String robotUrl(String path, String param) {
        return "http://127.0.0.1:" + robots.getAddress().getPort() + path + "?" + param + "=k" + Fixtures.next();
    }

    private CurrentUser user(String username, Role role, Grant grant) {
        long id = accounts.findByUsername(username).orElseThrow().id();
        return new CurrentUser(id, username, "测试", role, List.of(grant));
    }

    private long id(String username) {
        return accounts.findByUsername(username).orElseThrow().id();
    }

    private void send(long accountId, String title, String text) {
        fixtures.inTransaction(() -> {
            notifications.send(accountId, KEY, List.of(title, text), "/org/me?tab=hours");
            return null;
        });
    }

    private static String to(MimeMessage m) {
        try {
            return GreenMailUtil.getAddressList(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<OutboxItem> outbox(CurrentUser user) {
        return preferences.recent(user);
    }

    @Test
    void aMessageGoesToTheInboxAndOnceByEmailToWhoChoseIt() throws Exception {
        long classId = fixtures.schoolClass(fixtures.college());
        Grant grant = Grant.of(Role.STUDENT, fixtures.student(classId));
        String chose = fixtures.account(grant);
        String didNot = fixtures.account(Grant.of(Role.STUDENT, fixtures.student(classId)));
        CurrentUser choser = user(chose, Role.STUDENT, grant);
        String address = chose + "@students.xmcollege.edu.cn";
        fixtures.inTransaction(() -> {
            preferences.save(choser, address, true, false);
            return null;
        });

        send(id(chose), "工时确认", "请于周五前确认三月的工时");
        send(id(didNot), "工时确认", "请于周五前确认三月的工时");

        assertThat(notifications.unreadCount(id(chose))).isEqualTo(1);
        assertThat(notifications.unreadCount(id(didNot))).isEqualTo(1);
        assertThat(outbox(choser)).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo("PENDING"));
        assertThat(jdbc.sql("SELECT count(*) FROM dlv_outbox WHERE account_id = ?").param(id(didNot))
                .query(Long.class).single()).isZero();

        assertThat(delivery.deliverDue()).isEqualTo(1);
        delivery.deliverDue(); // again: nothing more goes out

        MimeMessage[] messages = mail.getReceivedMessagesForDomain("students.xmcollege.edu.cn");
        List<MimeMessage> mine = java.util.Arrays.stream(messages)
                .filter(m -> to(m).contains(address)).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).getSubject()).isEqualTo("【勤工助学】【通知】工时确认：请于周五前确认三月的工时");
        assertThat(GreenMailUtil.getAddressList(mine.get(0).getFrom())).isEqualTo("workstudy@xmcollege.edu.cn");
        String body = (String) mine.get(0).getContent();
        assertThat(body).contains("【通知】工时确认：请于周五前确认三月的工时").contains("/org/me?tab=hours");
        assertThat(outbox(choser)).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo("SENT");
            assertThat(o.target()).isEqualTo(address);
        });
    }

    @Test
    void theQueuedCopyRollsBackWithTheMessage() {
        long classId = fixtures.schoolClass(fixtures.college());
        Grant grant = Grant.of(Role.STUDENT, fixtures.student(classId));
        String student = fixtures.account(grant);
        CurrentUser user = user(student, Role.STUDENT, grant);
        fixtures.inTransaction(() -> {
            preferences.save(user, student + "@qq.com", true, true);
            return null;
        });
        try {
            fixtures.inTransaction(() -> {
                notifications.send(id(student), KEY, List.of("a", "b"), null);
                throw new IllegalStateException("the action failed after sending");
            });
        } catch (IllegalStateException expected) {
            // the action's own failure
        }
        assertThat(notifications.unreadCount(id(student))).isZero();
        assertThat(outbox(user)).isEmpty();
    }

    @Test
    void twoWorkersAtOnceSendEveryMessageExactlyOnce() throws Exception {
        long classId = fixtures.schoolClass(fixtures.college());
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Grant grant = Grant.of(Role.STUDENT, fixtures.student(classId));
            String student = fixtures.account(grant);
            String address = student + "@twice.xmcollege.edu.cn";
            addresses.add(address);
            fixtures.inTransaction(() -> {
                preferences.save(user(student, Role.STUDENT, grant), address, true, false);
                return null;
            });
            for (int m = 0; m < 10; m++) {
                send(id(student), "第" + m + "条", "内容");
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return delivery.deliverDue();
                }));
            }
            start.countDown();
            int sent = runs.get(0).get() + runs.get(1).get();
            assertThat(sent).isEqualTo(30);
        } finally {
            pool.shutdownNow();
        }
        MimeMessage[] received = mail.getReceivedMessagesForDomain("twice.xmcollege.edu.cn");
        assertThat(received).hasSize(30);
        Map<String, Integer> perSubject = new HashMap<>();
        for (MimeMessage m : received) {
            perSubject.merge(GreenMailUtil.getAddressList(m.getAllRecipients()) + m.getSubject(), 1, Integer::sum);
        }
        assertThat(perSubject).hasSize(30).allSatisfy((k, n) -> assertThat(n).isOne());
    }

    @Test
    void classAndCollegeRobotsOfWeComAndSignedDingTalkReceiveTheMessage() throws Exception {
        long collegeId = fixtures.college();
        long classWithRobot = fixtures.schoolClass(collegeId);
        long classWithout = fixtures.schoolClass(collegeId);
        Grant studentGrant = Grant.of(Role.STUDENT, fixtures.student(classWithRobot));
        String student = fixtures.account(studentGrant);
        Grant counselorGrant = Grant.of(Role.COUNSELOR, classWithout);
        String counselor = fixtures.account(counselorGrant);
        fixtures.inTransaction(() -> {
            school.saveRobot(admin, "CLASS", classWithRobot, "WECOM", robotUrl("/cgi-bin/webhook/send", "key"), null);
            school.saveRobot(admin, "COLLEGE", collegeId, "DINGTALK", robotUrl("/robot/send", "access_token"),
                    "SECtest-secret");
            preferences.save(user(student, Role.STUDENT, studentGrant), null, false, true);
            preferences.save(user(counselor, Role.COUNSELOR, counselorGrant), null, false, true);
            return null;
        });

        send(id(student), "岗位录用", "你已被图书馆助理岗位录用");
        send(id(counselor), "待确认", "有 3 条工时待确认");
        assertThat(delivery.deliverDue()).isEqualTo(2);

        String studentName = accounts.find(id(student)).orElseThrow().displayName();
        assertThat(received.get("wecom")).singleElement().satisfies(body -> assertThat(body)
                .startsWith("{\"msgtype\":\"text\",\"text\":{\"content\":\"【勤工助学】" + studentName
                        + "：【通知】岗位录用：你已被图书馆助理岗位录用"));
        // the counselor's class has no robot: the college's DingTalk robot, signed (the server checked the sign)
        assertThat(received.get("dingtalk")).singleElement().satisfies(body -> assertThat(body)
                .contains("【通知】待确认：有 3 条工时待确认"));
        assertThat(outbox(user(counselor, Role.COUNSELOR, counselorGrant))).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo("SENT"));
    }

    @Test
    void aFailingRobotIsRetriedWithBackOffThenShownToTheAdminWhoSendsItAgain() throws Exception {
        long classId = fixtures.schoolClass(fixtures.college());
        Grant grant = Grant.of(Role.STUDENT, fixtures.student(classId));
        String student = fixtures.account(grant);
        CurrentUser user = user(student, Role.STUDENT, grant);
        fixtures.inTransaction(() -> {
            school.saveRobot(admin, "CLASS", classId, "WECOM", robotUrl("/broken/send", "key"), null);
            preferences.save(user, null, false, true);
            return null;
        });
        send(id(student), "失败测试", "机器人地址失效");  // the action itself succeeds
        assertThat(notifications.unreadCount(id(student))).isEqualTo(1);

        Instant before = Instant.now();
        assertThat(delivery.deliverDue()).isZero();
        OutboxItem first = outbox(user).get(0);
        assertThat(first.status()).isEqualTo("PENDING");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("errcode 93000").contains("invalid webhook url");
        assertThat(Duration.between(before, first.nextAttemptAt())).isBetween(Duration.ofSeconds(50),
                Duration.ofSeconds(70));
        delivery.deliverDue(); // not due yet: no new attempt
        assertThat(outbox(user).get(0).attempts()).isEqualTo(1);

        for (int attempt = 2; attempt <= 5; attempt++) { // as if each back-off had passed
            jdbc.sql("UPDATE dlv_outbox SET next_attempt_at = now() - interval '1 second' WHERE id = ?")
                    .param(first.id()).update();
            delivery.deliverDue();
        }
        OutboxItem failed = outbox(user).get(0);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(5);
        assertThat(received.get("broken")).hasSize(5);

        Cookie session = Logins.login(mvc, adminName, Fixtures.PASSWORD);
        mvc.perform(get("/admin/delivery").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未送达的消息")))
                .andExpect(content().string(containsString("errcode 93000")))
                .andExpect(content().string(containsString("/admin/delivery/outbox/" + first.id() + "/retry")));

        brokenAnswersError = false; // the group's robot works again
        mvc.perform(post("/admin/delivery/outbox/" + first.id() + "/retry").cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(delivery.deliverDue()).isEqualTo(1);
        assertThat(outbox(user).get(0).status()).isEqualTo("SENT");
        assertThat(received.get("broken")).hasSize(6);
        mvc.perform(get("/admin/delivery").cookie(session))
                .andExpect(content().string(not(containsString("/admin/delivery/outbox/" + first.id() + "/retry"))));
    }

    @Test
    void secretsAreNeverShownBackAndOnlyAdministratorsSeeTheSchoolSettings() throws Exception {
        long classId = fixtures.schoolClass(fixtures.college());
        String webhook = "http://127.0.0.1:9/cgi-bin/webhook/send?key=abcdSECRETKEY" + Fixtures.next();
        fixtures.inTransaction(() -> {
            school.saveSettings(admin, new SchoolSettingsForm(true, "127.0.0.1", mail.getSmtp().getPort(), "NONE",
                    "mailer", "SmtpPa55word", false, "workstudy@xmcollege.edu.cn", true));
            school.saveRobot(admin, "CLASS", classId, "DINGTALK",
                    "http://127.0.0.1:9/robot/send?access_token=abcdTOKENSECRET", "SECsigning-secret");
            school.saveRobot(admin, "CLASS", fixtures.schoolClass(fixtures.college()), "WECOM", webhook, null);
            return null;
        });
        Cookie session = Logins.login(mvc, adminName, Fixtures.PASSWORD);
        mvc.perform(get("/admin/delivery").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已设置（留空则不变）")))
                .andExpect(content().string(not(containsString("SmtpPa55word"))))
                .andExpect(content().string(not(containsString("SECsigning-secret"))))
                .andExpect(content().string(not(containsString("TOKENSECRET"))))
                .andExpect(content().string(not(containsString("SECRETKEY"))));

        // a blank password keeps the stored one
        mvc.perform(post("/admin/delivery/settings").cookie(session).with(csrf()).param("emailOn", "true")
                        .param("smtpHost", "127.0.0.1").param("smtpPort", String.valueOf(mail.getSmtp().getPort()))
                        .param("smtpSecurity", "NONE").param("smtpUsername", "mailer").param("smtpPassword", "")
                        .param("smtpFrom", "workstudy@xmcollege.edu.cn").param("groupOn", "true"))
                .andExpect(status().is3xxRedirection());
        String storedPassword = jdbc.sql("SELECT smtp_password FROM dlv_settings").query(String.class).single();
        assertThat(storedPassword).startsWith("enc1:").doesNotContain("Pa55");
        assertThat(cipher.decrypt(storedPassword)).isEqualTo("SmtpPa55word");

        // the robots' webhooks and signing secrets are stored encrypted too, and read back in full for sending
        record Raw(String webhook, String secret) {
        }
        Raw raw = jdbc.sql("SELECT webhook, secret FROM dlv_robot WHERE scope_kind = 'CLASS' AND scope_id = ?")
                .param(classId).query((rs, n) -> new Raw(rs.getString(1), rs.getString(2))).single();
        assertThat(raw.webhook()).startsWith("enc1:").doesNotContain("TOKENSECRET");
        assertThat(raw.secret()).startsWith("enc1:").doesNotContain("signing");
        assertThat(store.robot("CLASS", classId)).get().satisfies(r -> {
            assertThat(r.webhook()).isEqualTo("http://127.0.0.1:9/robot/send?access_token=abcdTOKENSECRET");
            assertThat(r.secret()).isEqualTo("SECsigning-secret");
        });
        // a robot stored in plain text before V94 is encrypted by the step at startup
        jdbc.sql("UPDATE dlv_robot SET webhook = 'http://127.0.0.1:9/robot/send?access_token=OLDPLAIN', secret ="
                + " 'SECold' WHERE scope_kind = 'CLASS' AND scope_id = ?").param(classId).update();
        fixtures.inTransaction(() -> {
            encryptionAtStart.encryptPlainSecrets();
            return null;
        });
        assertThat(jdbc.sql("SELECT webhook || secret FROM dlv_robot WHERE scope_kind = 'CLASS' AND scope_id = ?")
                .param(classId).query(String.class).single()).doesNotContain("OLDPLAIN").doesNotContain("SECold");
        assertThat(store.robot("CLASS", classId)).get().extracting(Robot::secret).isEqualTo("SECold");

        for (Role role : List.of(Role.CENTER_DIRECTOR, Role.COUNSELOR, Role.STUDENT)) {
            Grant grant = role == Role.STUDENT ? Grant.of(role, fixtures.student(classId))
                    : role == Role.COUNSELOR ? Grant.of(role, classId) : Grant.school(role);
            Cookie other = Logins.login(mvc, fixtures.account(grant), Fixtures.PASSWORD);
            mvc.perform(get("/admin/delivery").cookie(other)).andExpect(status().isForbidden());
            mvc.perform(post("/admin/delivery/outbox/retry-all").cookie(other).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        fixtures.inTransaction(() -> {
            school.saveSettings(admin, new SchoolSettingsForm(true, "127.0.0.1", mail.getSmtp().getPort(), "NONE",
                    null, null, true, "workstudy@xmcollege.edu.cn", true));
            return null;
        });
    }

    @Test
    void badInputIsRefusedOnThePageNamingWhatIsWrongAndNothingIsSaved() throws Exception {
        long classId = fixtures.schoolClass(fixtures.college());
        Grant grant = Grant.of(Role.STUDENT, fixtures.student(classId));
        String student = fixtures.account(grant);
        Cookie session = Logins.login(mvc, student, Fixtures.PASSWORD);
        mvc.perform(post("/delivery/settings").cookie(session).with(csrf()).param("email", "not-an-address")
                        .param("emailOn", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("邮件地址格式不正确")))
                .andExpect(content().string(containsString("value=\"not-an-address\"")));
        mvc.perform(post("/delivery/settings").cookie(session).with(csrf()).param("email", "")
                        .param("emailOn", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("选择邮件接收时需要填写邮件地址")));
        mvc.perform(post("/delivery/settings").cookie(session).with(csrf())
                        .param("email", "a".repeat(300) + "@qq.com").param("emailOn", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("254")));
        assertThat(preferences.of(user(student, Role.STUDENT, grant))).isEqualTo(Preference.NONE);

        mvc.perform(post("/delivery/settings").cookie(session).with(csrf()).param("email", "me@qq.com")
                        .param("emailOn", "true").param("groupOn", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(preferences.of(user(student, Role.STUDENT, grant))).isEqualTo(new Preference("me@qq.com", true,
                true));

        Cookie adminSession = Logins.login(mvc, adminName, Fixtures.PASSWORD);
        mvc.perform(post("/admin/delivery/settings").cookie(adminSession).with(csrf()).param("emailOn", "true")
                        .param("smtpHost", "smtp.qq.com").param("smtpPort", "abc").param("smtpSecurity", "SSL")
                        .param("smtpFrom", "workstudy@xmcollege.edu.cn"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("端口应为 1 到 65535 的整数")));
        mvc.perform(post("/admin/delivery/settings").cookie(adminSession).with(csrf()).param("emailOn", "true")
                        .param("smtpPort", "465").param("smtpSecurity", "SSL"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("开启邮件推送需要填写 SMTP 服务器和发件地址")));
        assertThat(school.settings(admin).smtpHost()).isEqualTo("127.0.0.1");
        mvc.perform(post("/admin/delivery/robots").cookie(adminSession).with(csrf()).param("scopeKind", "CLASS")
                        .param("scopeId", String.valueOf(classId)).param("provider", "WECOM")
                        .param("webhook", "https://intranet.xmcollege.edu.cn/send?key=abc"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/delivery").cookie(adminSession))
                .andExpect(content().string(containsString("请粘贴企业微信群机器人的 Webhook 地址")));
        assertThat(school.robots(admin)).noneMatch(r -> r.robot().scopeKind().equals("CLASS")
                && r.robot().scopeId() == classId);
    }

    @Test
    void counselorsGetTheWeeklyDigestOnceAndItGoesOutByTheirChannels() {
        long classId = fixtures.schoolClass(fixtures.college());
        fixtures.student(classId); // 2024 cohort, no hours, in the last semester of the window: at risk
        fixtures.student(fixtures.schoolClass(fixtures.college())); // another counselor's class: not counted
        Grant grant = Grant.of(Role.COUNSELOR, classId);
        String counselor = fixtures.account(grant);
        String address = counselor + "@staff.xmcollege.edu.cn";
        fixtures.inTransaction(() -> {
            preferences.save(user(counselor, Role.COUNSELOR, grant), address, true, false);
            return null;
        });
        send(id(counselor), "待确认", "有工时待确认");
        AccountView view = accounts.find(id(counselor)).orElseThrow();
        LocalDate nextMonday = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));

        assertThat(digests.sendWeekly(nextMonday, List.of(view))).isEqualTo(1);
        assertThat(digests.sendWeekly(nextMonday, List.of(view))).isZero(); // the job ran twice: once per person

        var inbox = notifications.list(id(counselor), 0, 10).items();
        assertThat(inbox).hasSize(2);
        assertThat(inbox.get(0).messageKey()).isEqualTo("delivery.digest.weekly");
        assertThat(inbox.get(0).args()).containsExactly(nextMonday.minusWeeks(1).toString(),
                nextMonday.minusDays(1).toString(), "1", "1", "1");
        assertThat(notifications.list(id(counselor), 0, 10).items().get(0).link()).isEqualTo("/");
        delivery.deliverDue();
        assertThat(mail.getReceivedMessagesForDomain("staff.xmcollege.edu.cn")).anySatisfy(m -> assertThat(
                GreenMailUtil.getBody(m)).isNotEmpty());
    }

    @Test
    void viceDeansGetTheMonthlyDigestWithTheirCollegesStudentsAtRiskOnly() {
        long college = fixtures.college();
        fixtures.student(fixtures.schoolClass(college));
        fixtures.student(fixtures.schoolClass(college));
        fixtures.student(fixtures.schoolClass(fixtures.college())); // another college
        String viceDean = fixtures.account(Grant.of(Role.VICE_DEAN, college));
        AccountView view = accounts.find(id(viceDean)).orElseThrow();

        assertThat(digests.sendMonthly(LocalDate.of(2026, 12, 1), List.of(view))).isEqualTo(1);
        assertThat(digests.sendMonthly(LocalDate.of(2026, 12, 20), List.of(view))).isZero(); // same month: once

        var digest = notifications.list(id(viceDean), 0, 10).items();
        assertThat(digest).singleElement().satisfies(m -> {
            assertThat(m.messageKey()).isEqualTo("delivery.digest.monthly");
            assertThat(m.args()).containsExactly("2026-11-01", "2026-11-30", "0", "0", "2");
        });
    }

    @Autowired
    Warnings warnings;
    @Autowired
    org.workstudy.organization.Roster roster;

    @Test
    void studentsAtRiskAreWarnedOnceAMonthAndTheOthersNot() {
        long classId = fixtures.schoolClass(fixtures.college());
        long atRisk = fixtures.student(classId); // 2024 cohort, no hours, last semester: behind
        long account = roster.find(atRisk).orElseThrow().accountId();

        assertThat(warnings.sendMonthly(LocalDate.of(2026, 12, 1), List.of(classId))).isEqualTo(1);
        assertThat(warnings.sendMonthly(LocalDate.of(2026, 12, 1), List.of(classId))).isZero();
        var inbox = notifications.list(account, 0, 10).items();
        assertThat(inbox).singleElement().satisfies(m -> {
            assertThat(m.messageKey()).isEqualTo("delivery.warning.behind");
            assertThat(m.args().get(0)).isEqualTo("0");
            assertThat(m.link()).isEqualTo("/my/hours");
        });
        assertThat(warnings.sendMonthly(LocalDate.of(2027, 1, 1), List.of(classId))).isEqualTo(1); // next month
    }
}
