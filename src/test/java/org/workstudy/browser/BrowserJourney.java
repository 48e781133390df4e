package org.workstudy.browser;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.workstudy.organization.Student;

/**
 * What every browser journey shares: Debian's Chromium (required with CI=true, else the class is skipped when it is
 * missing), one browser per test class against the application's port, and a student's first sign-in. Every journey
 * fails when a page logged a console error, threw a script error or violated the Content-Security-Policy.
 */
abstract class BrowserJourney {

    static final String STUDENT_PASSWORD = "Study2026ok";
    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void requireChromium() {
        Assumptions.assumeTrue(Browser.available() || "true".equals(System.getenv("CI")),
                "Debian chromium is not installed");
    }

    @org.junit.jupiter.api.BeforeEach
    void forgetEarlierConsoleProblems() {
        if (browser != null) {
            browser.consoleProblems();
        }
    }

    @org.junit.jupiter.api.AfterEach
    void noConsoleProblems() {
        if (browser != null) {
            org.assertj.core.api.Assertions.assertThat(browser.consoleProblems())
                    .as("console errors and CSP violations").isEmpty();
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    Browser browser() {
        if (browser == null) {
            browser = new Browser(port);
        }
        return browser;
    }

    /** Signs a student in for the first time on a phone, changing the initial password as the system demands. */
    Page studentOnPhone(Student s) {
        Page page = browser().phone();
        Browser.login(page, s.studentNo(), s.idCardNo().substring(12));
        page.fill("#current", s.idCardNo().substring(12));
        page.fill("#next", STUDENT_PASSWORD);
        page.fill("#repeat", STUDENT_PASSWORD);
        page.click("#password-submit");
        return page;
    }
}
