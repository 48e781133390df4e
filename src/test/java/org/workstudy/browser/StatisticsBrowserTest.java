package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.demo.DemoSchool;
import org.workstudy.identity.Accounts;
import org.workstudy.organization.Organization;
import org.workstudy.statistics.StatisticsRefresh;
import org.workstudy.support.IntegrationTest;

/**
 * The statistics of the demo school as the center, a vice dean, a counselor and a student see them: charts drawn
 * (ECharts under the strict Content-Security-Policy: any violation fails the journey), the figures' definitions on
 * the page, the list behind a figure and its .xlsx. Screenshots stats-*.png at 1366 px and 390 px.
 */
@IntegrationTest
class StatisticsBrowserTest extends BrowserJourney {

    private static final String PASSWORD = "Demo1234";

    @Autowired StatisticsRefresh refresh;
    @Autowired DemoSchool demo;
    @Autowired Organization organization;
    @Autowired Accounts accounts;

    @BeforeEach
    void summariseTheDemoSchool() {
        refresh.refreshAll();
    }

    private Page desktop() {
        Page page = browser().desktop();
        page.setViewportSize(1366, 860);
        return page;
    }

    @Test
    void theCenterSeesTheSchoolDashboardAndOpensTheListBehindAFigure() {
        Page page = desktop();
        Browser.login(page, "zhongxin", PASSWORD);
        page.navigate("/stats");
        assertThat(page.locator("h1")).hasText("全校勤工助学统计");
        assertThat(page.locator("#chart-byCollege[data-drawn=true] canvas")).isVisible();
        assertThat(page.locator("#chart-byCohort[data-drawn=true] canvas")).isVisible();
        assertThat(page.locator("#chart-months[data-drawn=true] canvas")).isVisible();
        assertThat(page.locator("#chart-credits[data-drawn=true] canvas")).isVisible();
        assertThat(page.locator("main")).containsText("完成＝已认定学分");
        assertThat(page.locator("#kpi-students")).hasText(Pattern.compile("[1-9]\\d*"));
        // a cohort is a year, written as one: 2024级, never 2,024级
        assertThat(page.locator("#cohort option").nth(1)).hasText(Pattern.compile("20\\d\\d级"));
        Browser.screenshot(page, "stats-1-school-1366");

        page.click("#stats-totals a:has(#kpi-at-risk)");
        assertThat(page).hasURL(Pattern.compile(".*/stats/students\\?.*standing=at-risk.*"));
        assertThat(page.locator("#stats-students tbody tr").first()).containsText("预警");
        Browser.screenshot(page, "stats-2-at-risk-list-1366");
        Download download = page.waitForDownload(() -> page.click("#stats-export"));
        try {
            byte[] file = Files.readAllBytes(download.path());
            org.assertj.core.api.Assertions.assertThat(file).startsWith('P', 'K'); // a zip: .xlsx
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.context().close();

        Page phone = browser().phone();
        Browser.login(phone, "zhongxin", PASSWORD);
        phone.navigate("/stats");
        assertThat(phone.locator("#chart-months[data-drawn=true] canvas")).isVisible();
        Browser.screenshot(phone, "stats-3-school-390");
        phone.context().close();
    }

    @Test
    void theCenterSeesTheCheckInAndPayFiguresWithTheDemoSchoolsFrozenPay() {
        Page page = desktop();
        Browser.login(page, "zhongxin", PASSWORD);
        page.navigate("/stats/onsite");
        assertThat(page.locator("#chart-checkins[data-drawn=true] canvas")).isVisible();
        assertThat(page.locator("#chart-payByMonth[data-drawn=true] canvas")).isVisible();
        assertThat(page.locator("#chart-payByCollege[data-drawn=true] canvas")).isVisible();
        // the demo's frozen pay sheets (后勤处) are in the year's total
        assertThat(page.locator("#onsite-pay")).hasText(Pattern.compile("[1-9][0-9]*\\.[0-9]{2}"));
        Browser.screenshot(page, "stats-onsite-1366");
        page.context().close();

        Page phone = browser().phone();
        Browser.login(phone, "zhongxin", PASSWORD);
        phone.navigate("/stats/onsite");
        assertThat(phone.locator("#chart-payByMonth[data-drawn=true] canvas")).isVisible();
        Browser.screenshot(phone, "stats-onsite-390");
        phone.context().close();
    }

    @Test
    void aViceDeanSeesTheirCollegeByMajorAndClassAndNotAnotherCollege() {
        Page page = desktop();
        Browser.login(page, "fuyuanzhang01", PASSWORD);
        page.navigate("/stats");
        assertThat(page.locator("h1")).hasText("学院勤工助学统计");
        assertThat(page.locator("#chart-byMajor[data-drawn=true] canvas")).isVisible();
        assertThat(page.locator("#chart-byClass[data-drawn=true] canvas")).isVisible();
        assertThat(page.locator("#chart-byCollege")).hasCount(0);
        Browser.screenshot(page, "stats-4-college-1366");
        long other = organization.colleges().stream().map(c -> c.id())
                .filter(id -> !accounts.findByUsername("fuyuanzhang01").orElseThrow().grants().stream()
                        .anyMatch(g -> id.equals(g.scopeId())))
                .findFirst().orElseThrow();
        com.microsoft.playwright.Response refused = page.navigate("/stats?collegeId=" + other);
        org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(404);
        page.context().close();
    }

    @Test
    void aCounselorSeesTheirClassesOnAPhone() {
        Page phone = browser().phone();
        Browser.login(phone, "fdy012", PASSWORD);
        phone.navigate("/stats");
        assertThat(phone.locator("h1")).hasText("班级勤工助学统计");
        assertThat(phone.locator("#chart-byClass[data-drawn=true] canvas")).isVisible();
        Browser.screenshot(phone, "stats-5-counselor-390");
        phone.context().close();
        Page page = desktop();
        Browser.login(page, "fdy012", PASSWORD);
        page.navigate("/stats");
        assertThat(page.locator("#chart-byClass[data-drawn=true] canvas")).isVisible();
        Browser.screenshot(page, "stats-6-counselor-1366");
        page.context().close();
    }

    @Test
    void aStudentSeesTheirOwnHours() {
        Page phone = browser().phone();
        Browser.login(phone, demo.people().get("behind").studentNo(), PASSWORD);
        phone.navigate("/stats");
        assertThat(phone.locator("h1")).hasText("我的勤工助学统计");
        assertThat(phone.locator("#kpi-students")).hasText("1");
        Browser.screenshot(phone, "stats-7-student-390");
        phone.context().close();
    }
}
