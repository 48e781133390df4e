package org.workstudy.browser;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.organization.Student;
import org.workstudy.support.Fixtures;

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

    @Autowired
    private Fixtures journeyFixtures;

    /**
     * Signs a student in for the first time on a phone: 学号 and the activation code from the class sheet on the login
     * page, then the password they choose on the activation page.
     */
    Page studentOnPhone(Student s) {
        Page page = browser().phone();
        activate(page, s, journeyFixtures.activationCode(s.studentNo()), STUDENT_PASSWORD);
        return page;
    }

    static void activate(Page page, Student s, String code, String password) {
        Browser.login(page, s.studentNo(), code);
        page.fill("#next", password);
        page.fill("#repeat", password);
        page.click("#activate-submit");
        page.waitForLoadState();
    }
}
