package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.hours.HoursFixtures;
import org.workstudy.hours.HoursLedger;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.placements.SelfArrangedForm;
import org.workstudy.placements.SelfArrangedWork;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * What the walkthrough found cut off, wrapped or repeated, at 1366 px and on a 390 px phone: the staff list's role
 * badges, the calendar's headers, the hours form's source names and time inputs, the counselor's 更正/作废 button.
 * Screenshots layout-*.png.
 */
@IntegrationTest
class WalkthroughLayoutBrowserTest extends BrowserJourney {

    @Autowired
    HoursFixtures fixtures;
    @Autowired
    Fixtures school;
    @Autowired
    HoursLedger ledger;
    @Autowired
    SelfArrangedWork selfArranged;
    @Autowired
    Clock clock;

    @Test
    void theStaffListShowsEachRoleOnceAndCalendarHeadersStayOnOneLine() {
        Page page = browser().desktop();
        page.setViewportSize(1366, 860);
        Browser.login(page, "admin", "Demo1234");
        page.navigate("/org/staff");
        assertThat(page.locator(".staff-role").first()).isVisible();
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate("() => [...document.querySelectorAll('tbody tr')]"
                + ".every(tr => { const r = [...tr.querySelectorAll('.staff-role')].map(b => b.textContent);"
                + " return new Set(r).size === r.length; })")).isTrue();
        Browser.screenshot(page, "layout-1-staff");

        page.navigate("/calendar");
        Locator headers = page.locator("table thead th");
        assertThat(headers.first()).isVisible();
        for (int i = 0; i < headers.count(); i++) {
            org.assertj.core.api.Assertions.assertThat(headers.nth(i).boundingBox().height)
                    .as("header %s on one line", headers.nth(i).textContent()).isLessThan(50);
        }
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate("() => [...document.querySelectorAll("
                + "'.table-responsive')].every(e => e.scrollWidth <= e.clientWidth)")).as("no table cut off").isTrue();
        Browser.screenshot(page, "layout-2-calendar");
    }

    @Test
    void theHoursFormNamesEmployersFirstAndKeepsItsTimesAndTheCounselorsButtonInView() {
        HoursFixtures.Setup x = fixtures.placed(1);
        Student s = x.student();
        CurrentUser counselor = new CurrentUser(0, "fdy-layout", "辅导员", Role.COUNSELOR,
                List.of(Grant.of(Role.COUNSELOR, x.classId())));
        LocalDate today = LocalDate.now(clock);
        long registration = selfArranged.register(PlacementFixtures.signedIn(s), new SelfArrangedForm("某咖啡店",
                "厦门", "思明区", "王经理", "13800001111", today, today.plusDays(30), new BigDecimal("40"), "店员"));
        selfArranged.decide(counselor, registration, true, null);
        ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2025-10-18", "09:00", "12:00"));

        Page page = studentOnPhone(s);
        page.setViewportSize(1366, 900);
        page.navigate("/my/hours");
        Locator options = page.locator("#source option");
        assertThat(options).hasCount(2);
        assertThat(options.first()).hasText(java.util.regex.Pattern.compile("^测试单位\\d+ · 工时测试岗位\\d+$"));
        assertThat(options.nth(1)).hasText("自行联系 · 某咖啡店（" + today + " 至 " + today.plusDays(30) + "）");
        for (String id : new String[] {"#startsAt", "#endsAt"}) {
            BoundingBox box = page.locator(id).boundingBox();
            org.assertj.core.api.Assertions.assertThat(box.width).as(id).isGreaterThanOrEqualTo(110);
        }
        Browser.screenshot(page, "layout-3-hours-form-1366");

        String own = school.account(Grant.of(Role.COUNSELOR, x.classId()));
        Page phone = browser().phone();
        Browser.login(phone, own, Fixtures.PASSWORD);
        phone.navigate("/hours/students/" + s.id());
        Locator amend = phone.locator("#hours-records button", new Page.LocatorOptions().setHasText("更正/作废"));
        assertThat(amend).isVisible();
        BoundingBox box = amend.boundingBox();
        org.assertj.core.api.Assertions.assertThat(box.x + box.width).isLessThanOrEqualTo(390);
        org.assertj.core.api.Assertions.assertThat((Boolean) phone.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        Browser.screenshot(phone, "layout-4-counselor-records-phone");
        amend.click();
        assertThat(phone.locator(".hours-correct-form").first()).isVisible();
        Browser.screenshot(phone, "layout-5-counselor-amend-phone");
    }
}
