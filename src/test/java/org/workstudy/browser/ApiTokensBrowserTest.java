package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * A staff member issues an API token for a program from the account menu (phone), sees it once, then revokes it
 * (desktop): the list keeps it, marked revoked.
 */
@IntegrationTest
class ApiTokensBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    Fixtures school;

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
    void aTokenIsIssuedFromTheAccountMenuShownOnceAndRevoked() {
        String user = school.account(Grant.school(Role.CENTER_STAFF));
        browser = new Browser(port);
        Page phone = browser.phone();
        Browser.login(phone, user, Fixtures.PASSWORD);
        phone.navigate("/account/tokens");
        assertThat(phone.locator("#no-tokens")).isVisible();
        phone.fill("#token-name", "考勤机同步");
        phone.selectOption("#token-days", "30");
        phone.click("#issue-token");
        phone.waitForLoadState();
        assertThat(phone.locator("#issued-token-box")).containsText("令牌只显示这一次");
        assertThat(phone.locator("#issued-token")).hasText(java.util.regex.Pattern.compile("wst_[A-Za-z0-9_-]{43}"));
        assertThat(phone.locator("#tokens")).containsText("考勤机同步");
        Browser.screenshot(phone, "tokens-01-issued-phone");

        Page desktop = browser.desktop();
        Browser.login(desktop, user, Fixtures.PASSWORD);
        desktop.click("#user-menu");
        desktop.click("#nav-tokens");
        desktop.waitForLoadState();
        assertThat(desktop.locator("#issued-token-box")).hasCount(0);
        desktop.locator("#tokens button").first().click();
        desktop.waitForLoadState();
        assertThat(desktop.locator("#tokens")).containsText("已撤销");
        Browser.screenshot(desktop, "tokens-02-revoked-desktop");
    }
}
