package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.identity.internal.SignInThrottle;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * Someone keeps guessing a password: the browser is told to wait; the administrator sees the failures per address
 * on the account's page (phone and desktop) and clears them.
 */
@IntegrationTest
class SignInThrottleBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    Fixtures school;
    @Autowired
    SignInThrottle throttle;
    @Autowired
    Accounts accounts;

    @BeforeAll
    static void requireChromium() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Browser.available() || "true".equals(System.getenv("CI")),
                "Debian chromium is not installed");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aGuesserWaitsAndTheAdministratorSeesAndClearsTheFailures() {
        String user = school.account(Grant.school(Role.LEADER));
        browser = new Browser(port);
        Page guesser = browser.phone();
        for (int i = 0; i < 5; i++) {
            Browser.login(guesser, user, "wrong-1234");
            assertThat(guesser.locator("#login-error")).hasText("用户名或密码错误。");
        }
        Browser.login(guesser, user, Fixtures.PASSWORD);
        assertThat(guesser.locator("#login-error")).containsText("登录失败次数过多");
        Browser.screenshot(guesser, "signin-01-throttled-phone");
        for (int i = 0; i < 3; i++) {
            throttle.failed(user, "203.0.113.9");
        }

        long id = accounts.findByUsername(user).orElseThrow().id();
        String admin = school.account(Grant.school(Role.ADMIN));
        Page phone = browser.phone();
        Browser.login(phone, admin, Fixtures.PASSWORD);
        phone.navigate("/admin/accounts/" + id);
        assertThat(phone.locator("#throttles tbody tr")).hasCount(2);
        Browser.screenshot(phone, "signin-02-account-throttles-phone");
        Page desktop = browser.desktop();
        Browser.login(desktop, admin, Fixtures.PASSWORD);
        desktop.navigate("/admin/accounts/" + id);
        assertThat(desktop.locator("#throttles")).containsText("203.0.113.9");
        Browser.screenshot(desktop, "signin-03-account-throttles-desktop");
        desktop.click("#unlock");
        desktop.waitForLoadState();
        assertThat(desktop.locator("#throttles")).hasCount(0);

        Browser.login(guesser, user, Fixtures.PASSWORD);
        assertThat(guesser.locator("#login-error")).hasCount(0);
    }
}
