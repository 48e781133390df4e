package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

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
import org.workstudy.hours.internal.LedgerPages;

/** A counselor records hours in the register; the student sees them on the progress page with its chart. */
@IntegrationTest
class HoursJourneyBrowserTest extends BrowserJourney {

    @Autowired
    HoursFixtures fixtures;
    @Autowired
    Fixtures school;
    @Autowired
    HoursLedger ledger;
    @Autowired
    LedgerPages pages;

    @Test
    void aCounselorRecordsHoursAndTheStudentSeesTheProgressChart() {
        HoursFixtures.Setup x = fixtures.placed(3);
        Student s = x.student();
        // a student report waiting for confirmation, and some history for the class list
        ledger.record(PlacementFixtures.signedIn(s), HoursFixtures.work(s, x.placement(), "2025-10-18", "09:00", "12:00"));
        ledger.record(x.counselor(), HoursFixtures.work(x.students().get(1), x.placementIds().get(1), "2025-11-15",
                "08:00", "16:00"));
        String counselor = school.account(Grant.of(Role.COUNSELOR, x.classId()));

        Page page = browser().desktop();
        Browser.login(page, counselor, Fixtures.PASSWORD);
        page.navigate("/hours/classes/" + x.classId());
        assertThat(page.locator("#class-progress")).containsText(s.studentNo());
        Browser.screenshot(page, "hours-01-counselor-class");
        page.locator("#class-progress a", new Page.LocatorOptions().setHasText(s.studentNo())).click();
        page.waitForLoadState();
        assertThat(page.locator("#hours-records")).containsText("09:00");
        page.locator("#hours-records button.hours-confirm").first().click();
        page.waitForLoadState();

        page.fill("#workDate", "2026-07-20");
        page.fill("#startsAt", "08:00");
        page.fill("#endsAt", "18:00");
        page.fill("#content", "暑期图书馆整理");
        page.click("#hours-record-submit");
        page.waitForLoadState();
        page.fill("#workDate", "2026-08-03");
        page.fill("#startsAt", "09:00");
        page.fill("#endsAt", "17:00");
        page.fill("#content", "暑期图书馆整理");
        page.click("#hours-record-submit");
        page.waitForLoadState();
        // a daytime record on a term weekday is refused where the counselor is, in Chinese
        page.fill("#workDate", "2025-10-22");
        page.fill("#startsAt", "09:00");
        page.fill("#endsAt", "11:00");
        page.fill("#content", "白天上课时间");
        page.click("#hours-record-submit");
        page.waitForLoadState();
        assertThat(page.locator("#hours-error")).containsText("晚间");
        assertThat(page.locator("#progress-hours")).hasText("21.0");
        Browser.screenshot(page, "hours-02-counselor-register");

        Page mine = studentOnPhone(s);
        mine.setViewportSize(1280, 860);
        mine.navigate("/my/hours");
        assertThat(mine.locator("#progress-hours")).hasText("21.0");
        assertThat(mine.locator("#progress-days")).hasText("3.5");
        assertThat(mine.locator("#progress-share")).hasText("5.8%");
        assertThat(mine.locator("#hours-records")).containsText("暑期图书馆整理");
        // one axis for the running total and the requirement: 21 hours are drawn far below the 360 line
        assertThat(mine.locator("#chart-total")).isVisible();
        Locator points = mine.locator("#chart-total circle.chart-point");
        assertThat(points.last()).hasAttribute("data-value", "21");
        double requiredY = Double.parseDouble(mine.locator("#chart-total line.chart-required").getAttribute("y1"));
        double lastY = Double.parseDouble(points.last().getAttribute("cy"));
        double bottom = Double.parseDouble(mine.locator("#chart-total line").first().getAttribute("y1"));
        org.assertj.core.api.Assertions.assertThat(lastY).isGreaterThan(requiredY);
        org.assertj.core.api.Assertions.assertThat((bottom - lastY) / (bottom - requiredY)).isLessThan(0.1);
        // the hours of each month on their own axis, with a tooltip of their own
        assertThat(mine.locator("#chart-monthly rect.chart-bar[data-month='2026-07']")).hasAttribute("data-value", "10");
        assertThat(mine.locator("#chart-monthly rect.chart-bar[data-month='2026-07'] title")).hasText("2026-07：10 学时");
        Browser.screenshot(mine, "hours-03-student-progress");

        Page phone = browser().phone();
        Browser.login(phone, s.studentNo(), STUDENT_PASSWORD);
        phone.navigate("/my/hours");
        assertThat(phone.locator("#chart-total-narrow")).isVisible();
        assertThat(phone.locator("#chart-total")).isHidden();
        Browser.screenshot(phone, "hours-04-student-progress-phone");
        assertThat(pages.progress(x.counselor(), s.id()).hours()).isEqualByComparingTo("21");
    }
}
