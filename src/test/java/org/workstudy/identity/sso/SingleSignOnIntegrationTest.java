package org.workstudy.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.support.Fixtures;
import org.workstudy.support.HttpBrowser;
import org.workstudy.support.PostgresInitializer;

/**
 * Single sign-on against real identity providers started here: Spring Authorization Server (OpenID Connect) and a
 * CAS 3 protocol server. A client that keeps cookies and follows redirects one by one plays the browser, so every
 * hop (WorkStudy → identity system → sign-in there → back with a code or ticket → WorkStudy's home page) is real HTTP.
 * Its own application context: single sign-on is configured only here (and needs the port fixed in advance, since
 * the identity systems must know where to send people back).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = {PostgresInitializer.class, SingleSignOnIntegrationTest.IdentityProviders.class})
class SingleSignOnIntegrationTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theLoginPageOffersTheSchoolSignOnBesidesThePasswordForm() throws Exception {
        HttpBrowser browser = new HttpBrowser();
        HttpResponse<String> login = browser.get(app("/login"));
        assertThat(login.body()).contains("统一身份认证登录").contains("id=\"sso-cas\"")
                .contains("id=\"sso-oidc-school\"").contains("name=\"password\"");
    }

    @Test
    void openIdConnectSignsAStudentInByTheStudentNumberClaimWithoutAnyLocalPassword() throws Exception {
        String studentNo = studentAwaitingActivation();
        HttpBrowser browser = new HttpBrowser();
        HttpResponse<String> idpLogin = browser.follow(app("/oauth2/authorization/school"));
        assertThat(idpLogin.uri().toString()).startsWith(IdentityProviders.oidc.issuer() + "/login");
        HttpResponse<String> home = browser.follow(browser.postForm(idpLogin, IdentityProviders.oidc.issuer()
                + "/login", "username=" + studentNo + "&password=" + OidcProvider.PASSWORD));
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().toString()).isEqualTo(app("/"));
        assertThat(home.body()).contains("测试学生").contains("id=\"user-menu\"");
        assertThat(audits("sso-signin", studentNo)).isEqualTo(1);
    }

    @Test
    void anUnknownPersonIsToldInChineseAndNoAccountIsCreated() throws Exception {
        String nobody = "X" + Fixtures.next();
        HttpBrowser browser = new HttpBrowser();
        HttpResponse<String> idpLogin = browser.follow(app("/oauth2/authorization/school"));
        HttpResponse<String> refused = browser.follow(browser.postForm(idpLogin, IdentityProviders.oidc.issuer()
                + "/login", "username=" + nobody + "&password=" + OidcProvider.PASSWORD));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.uri().toString()).isEqualTo(app("/login/sso-refused"));
        assertThat(refused.body()).contains("没有这个学号/工号的账户").contains(nobody).contains("不会自动创建账户");
        assertThat(accounts.findByUsername(nobody)).isEmpty();
        assertThat(audits("sso-refused", nobody)).isEqualTo(1);
        // and that browser is not signed in
        assertThat(browser.follow(app("/")).uri().toString()).isEqualTo(app("/login"));
    }

    @Test
    void casSignsStaffInByTheConfiguredAttributeAndThePersonActsInTheirRole() throws Exception {
        String staff = fixtures.account(Grant.school(Role.CENTER_STAFF));
        IdentityProviders.cas.signIn(staff);
        HttpBrowser browser = new HttpBrowser();
        HttpResponse<String> login = browser.get(app("/login"));
        String casLink = attribute(login.body(), "sso-cas", "href");
        assertThat(casLink).startsWith(IdentityProviders.cas.url() + "/login?service=");
        HttpResponse<String> home = browser.follow(casLink);
        assertThat(home.uri().toString()).isEqualTo(app("/"));
        assertThat(home.body()).contains("测试用户" + staff).contains("勤工助学中心");
        assertThat(audits("sso-signin", staff)).isEqualTo(1);
    }

    @Test
    void casRefusesADisabledAccountAndAForgedTicket() throws Exception {
        String staff = fixtures.account(Grant.school(Role.CENTER_STAFF));
        accounts.setEnabled(accounts.findByUsername(staff).orElseThrow().id(), false);
        IdentityProviders.cas.signIn(staff);
        HttpBrowser browser = new HttpBrowser();
        HttpResponse<String> refused = browser.follow(IdentityProviders.cas.url() + "/login?service="
                + URLEncoder.encode(app("/login/cas"), StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("已停用");

        HttpResponse<String> forged = new HttpBrowser().follow(app("/login/cas?ticket=ST-999-forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("未能确认你的身份");
    }

    private String studentAwaitingActivation() {
        long student = fixtures.student(fixtures.schoolClass(fixtures.college()));
        String no = jdbc.sql("SELECT student_no FROM org_student WHERE id = ?").param(student).query(String.class)
                .single();
        assertThat(jdbc.sql("SELECT password_hash IS NULL FROM identity_account WHERE username = ?").param(no)
                .query(Boolean.class).single()).as("awaiting activation: no local password").isTrue();
        return no;
    }

    private long audits(String action, String externalId) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND changes LIKE ?")
                .params(action, "%\"externalId\":\"" + externalId + "\"%").query(Long.class).single();
    }

    private static String attribute(String html, String id, String name) {
        Matcher m = Pattern.compile("<a[^>]*id=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("element " + id).isTrue();
        Matcher value = Pattern.compile(name + "=\"([^\"]*)\"").matcher(m.group());
        assertThat(value.find()).isTrue();
        return value.group(1).replace("&amp;", "&");
    }

    private static String app(String path) {
        return "http://127.0.0.1:" + IdentityProviders.appPort + path;
    }

    /** Starts the identity providers once per run, on ports chosen before the application starts. */
    static final class IdentityProviders implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        static int appPort;
        static OidcProvider oidc;
        static CasServer cas;

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            start();
            TestPropertyValues.of(
                    "server.port=" + appPort,
                    "workstudy.sso.cas.enabled=true",
                    "workstudy.sso.cas.server-url=" + cas.url(),
                    "workstudy.sso.cas.service-url=" + app("/login/cas"),
                    "workstudy.sso.cas.username-attribute=xgh",
                    "spring.security.oauth2.client.registration.school.client-id=" + OidcProvider.CLIENT_ID,
                    "spring.security.oauth2.client.registration.school.client-secret=" + OidcProvider.CLIENT_SECRET,
                    "spring.security.oauth2.client.registration.school.client-name=OpenID Connect",
                    "spring.security.oauth2.client.registration.school.scope=openid",
                    "spring.security.oauth2.client.provider.school.issuer-uri=" + oidc.issuer(),
                    "workstudy.sso.oidc.username-claim=xgh").applyTo(context.getEnvironment());
        }

        private static synchronized void start() {
            if (oidc != null) {
                return;
            }
            try {
                appPort = freePort();
                cas = CasServer.start(freePort());
                oidc = OidcProvider.start(freePort(), app("/login/oauth2/code/school"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                oidc.close();
                cas.close();
            }));
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
