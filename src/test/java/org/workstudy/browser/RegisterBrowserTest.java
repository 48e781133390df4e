package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.hours.HoursFixtures;
import org.workstudy.hours.HoursLedger;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * A counselor opens a student's register (登记本) from the ledger page and its print view, then the class register;
 * a student opens their own. Screenshots (screen and print media) and Chromium's A4 print go to target/screenshots.
 */
@IntegrationTest
class RegisterBrowserTest extends BrowserJourney {

    @Autowired
    HoursFixtures fixtures;
    @Autowired
    Fixtures school;
    @Autowired
    HoursLedger ledger;

    @Test
    void aCounselorPrintsAStudentsRegisterAndTheClassRegister() throws Exception {
        HoursFixtures.Setup x = fixtures.placed(3);
        Student a = x.student();
        Student b = x.students().get(1);
        long report = ledger.record(PlacementFixtures.signedIn(a), HoursFixtures.work(a, x.placement(), "2025-10-18",
                "09:00", "12:00"));
        ledger.confirm(x.employer(), report);
        long original = ledger.record(x.counselor(), HoursFixtures.work(a, x.placement(), "2026-07-20", "08:00",
                "12:00"));
        ledger.correct(x.counselor(), original, HoursFixtures.work(a, x.placement(), "2026-07-20", "08:00", "10:30"),
                "登记时多算了时长");
        long voided = ledger.record(x.counselor(), HoursFixtures.work(a, x.placement(), "2026-07-21", "08:00",
                "14:00"));
        ledger.voidEntry(x.counselor(), voided, "学生当天请假");
        ledger.record(x.counselor(), HoursFixtures.hours(a, x.placement(), "2026-08-03", "8"));
        ledger.record(x.counselor(), HoursFixtures.work(b, x.placementIds().get(1), "2026-07-22", "08:00", "14:00"));
        String counselor = school.account(Grant.of(Role.COUNSELOR, x.classId()));

        Page page = browser().desktop();
        Browser.login(page, counselor, Fixtures.PASSWORD);
        page.navigate("/hours/students/" + a.id());
        page.click("#register-print-link");
        page.waitForLoadState();
        assertThat(page.locator(".register-student-name")).hasText(a.name());
        assertThat(page.locator(".register-struck")).hasCount(2);
        assertThat(page.locator(".register-total-hours")).hasText("13.5");
        assertThat(page.locator("nav.navbar")).isVisible();
        Browser.screenshot(page, "register-01-student");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator("nav.navbar")).isHidden();
        assertThat(page.locator("#register-print")).isHidden();
        assertThat(page.locator(".register-signatures")).isVisible();
        Browser.screenshot(page, "register-02-student-print");
        Files.createDirectories(Browser.SCREENSHOTS);
        page.pdf(new Page.PdfOptions().setPath(Browser.SCREENSHOTS.resolve("register-student-print.pdf"))
                .setPreferCSSPageSize(true).setPrintBackground(true));
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        page.navigate("/hours/classes/" + x.classId());
        page.click("#class-register-link");
        page.waitForLoadState();
        assertThat(page.locator("#register-summary")).containsText(a.studentNo());
        assertThat(page.locator("#register-summary")).containsText(b.name());
        assertThat(page.locator("article.register-sheet")).hasCount(4);
        Browser.screenshot(page, "register-03-class");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        Browser.screenshot(page, "register-04-class-print");
        page.pdf(new Page.PdfOptions().setPath(Browser.SCREENSHOTS.resolve("register-class-print.pdf"))
                .setPreferCSSPageSize(true).setPrintBackground(true));
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        page.navigate("/hours/classes/" + x.classId() + "/work-records/import");
        assertThat(page.locator("#bulk-template")).isVisible();
        Browser.screenshot(page, "register-05-bulk-entry");

        Page mine = browser().phone();
        BrowserJourney.activate(mine, b, school.activationCode(b.studentNo()), "Study2026ok");
        mine.navigate("/my/hours/register");
        assertThat(mine.locator(".register-student-name")).hasText(b.name());
        assertThat(mine.locator(".register-total-hours")).hasText("6.0");
        assertThat(mine.locator("form")).hasCount(mine.locator("nav form").count());
        Browser.screenshot(mine, "register-06-student-own-phone");
        // on a phone each line is a card: nothing to scroll sideways
        org.assertj.core.api.Assertions.assertThat((Boolean) mine.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth"
                        + " && [...document.querySelectorAll('.register-scroll')].every(e => e.scrollWidth <= e.clientWidth)"))
                .isTrue();
        assertThat(mine.locator(".register-table tbody td[data-label]").first()).isVisible();
    }
}
