package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workstudy.support.IntegrationTest;

/**
 * A browser that asks for English gets English until the person switches (the cookie wins); a session that timed
 * out lands on the login page saying so, in the person's language. Screenshots lang-*.png.
 */
@IntegrationTest
class LanguageAndSessionBrowserTest extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEnglishBrowserGetsEnglishAndTheSwitchWins() {
        Page page = browser().desktopIn("en-US,en;q=0.9");
        page.navigate("/login");
        assertThat(page.locator("h1")).hasText("WorkStudy");
        Browser.login(page, "admin", "Demo1234");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        Browser.screenshot(page, "lang-1-english-home");

        page.locator("a.nav-link", new Page.LocatorOptions().setHasText("中文")).click();
        page.waitForLoadState();
        assertThat(page.locator("html")).hasAttribute("lang", "zh");
        page.navigate("/");
        assertThat(page.locator("html")).hasAttribute("lang", "zh");
    }

    @Test
    void aTimedOutSessionIsToldWhyInItsLanguage() {
        Page page = browser().desktop();
        Browser.login(page, "admin", "Demo1234");
        expire(page);
        page.navigate("/admin/audit");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?expired$"));
        assertThat(page.locator("#login-expired")).hasText("登录已超时，请重新登录。");
        Browser.screenshot(page, "lang-2-session-expired");

        // signing out is not a time-out
        Browser.login(page, "admin", "Demo1234");
        page.navigate("/");
        page.locator("#logout").dispatchEvent("click");
        page.waitForURL(java.util.regex.Pattern.compile(".*/login\\?logout$")); // signed out before going on
        page.navigate("/admin/audit");
        assertThat(page.locator("#login-expired")).hasCount(0);

        Page english = browser().desktopIn("en");
        Browser.login(english, "admin", "Demo1234");
        expire(english);
        english.navigate("/");
        assertThat(english.locator("#login-expired")).hasText("Your session has timed out: please sign in again.");
    }

    /** What 30 idle minutes do: the session is gone from the store while the browser still holds its cookie. */
    private void expire(Page page) {
        String cookie = page.context().cookies().stream().filter(c -> c.name.equals("SESSION")).findFirst()
                .orElseThrow().value;
        String sessionId = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("DELETE FROM spring_session WHERE session_id = ?")
                .param(sessionId).update()).isEqualTo(1);
    }
}
