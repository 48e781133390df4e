package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.time.YearMonth;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.assessment.internal.MonthFreeze;
import org.workstudy.identity.Accounts;
import org.workstudy.organization.Organization;
import org.workstudy.statistics.StatisticsRefresh;
import org.workstudy.support.IntegrationTest;

/**
 * Assessment in the demo school as the center, a vice dean and a counselor see it: the rankings of the open month
 * (live, 未冻结) and of a frozen month, the definitions on the page, the .xlsx of a ranking, and the printable monthly
 * report of a college. Screenshots asm-*.png at 1366 px and 390 px.
 */
@IntegrationTest
class AssessmentBrowserTest extends BrowserJourney {

    private static final String PASSWORD = "Demo1234";

    @Autowired StatisticsRefresh refresh;
    @Autowired MonthFreeze freeze;
    @Autowired Organization organization;
    @Autowired Accounts accounts;

    @BeforeEach
    void freezeTheClosedMonths() {
        refresh.refreshAll();
        freeze.freezeDue();
    }

    private Page desktop() {
        Page page = browser().desktop();
        page.setViewportSize(1366, 860);
        return page;
    }

    private static String previous() {
        return YearMonth.now().minusMonths(1).toString();
    }

    @Test
    void theCenterRanksTheCollegesLiveAndFrozenAndExportsTheRanking() {
        Page page = desktop();
        Browser.login(page, "zhongxin", PASSWORD);
        page.navigate("/assessment");
        assertThat(page.locator("h1")).hasText("全校勤工助学考核");
        assertThat(page.locator("#asm-colleges tbody tr").first()).isVisible();
        assertThat(page.locator("#asm-definitions")).containsText("按进度完成率 = 按进度的学生数");
        assertThat(page.locator("#asm-definitions")).containsText("迟报的记录计入其录入的月份");
        assertThat(page.locator("#asm-definitions")).isVisible(); // the page has loaded to its end
        Browser.screenshot(page, "asm-1-school-open-1366");

        page.selectOption("#asm-month", previous());
        page.click("#asm-show-month");
        assertThat(page.locator("#asm-frozen-badge")).containsText("已冻结");
        assertThat(page.locator("#asm-school tbody tr").first()).containsText("%");
        assertThat(page.locator("#asm-colleges tbody tr").first().locator("td").nth(0)).hasText("1");
        assertThat(page.locator("#asm-definitions")).isVisible(); // the page has loaded to its end
        Browser.screenshot(page, "asm-2-school-frozen-1366");
        Download download = page.waitForDownload(() -> page.click("#asm-export-colleges"));
        try {
            org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(download.path())).startsWith('P', 'K');
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.click("#asm-colleges tbody tr >> nth=0 >> text=月度报告");
        assertThat(page).hasURL(Pattern.compile(".*/assessment/colleges/\\d+/report\\?month=" + previous()));
        assertThat(page.locator("#asm-report-frozen")).hasText("已冻结");
        assertThat(page.locator("#asm-report-place")).containsText("排名第 1");
        assertThat(page.locator("#asm-report .sign")).isVisible();
        assertThat(page.locator("#asm-report-pdf")).hasAttribute("href",
                Pattern.compile(".*/report\\.pdf\\?month=" + previous()));
        Browser.screenshot(page, "asm-3-report-1366");
        page.context().close();

        Page phone = browser().phone();
        Browser.login(phone, "zhongxin", PASSWORD);
        phone.navigate("/assessment?month=" + previous());
        assertThat(phone.locator("#asm-colleges")).isVisible();
        assertThat(phone.locator("#asm-definitions")).isVisible(); // the page has loaded to its end
        Browser.screenshot(phone, "asm-4-school-frozen-390");
        phone.navigate("/assessment?year=" + org.workstudy.assessment.internal.AssessmentFigures.academicYearOf(
                YearMonth.now().minusMonths(1)));
        assertThat(phone.locator("#asm-status")).containsText("学年数字由本学年已冻结的月份合并");
        assertThat(phone.locator("#asm-definitions")).isVisible(); // the page has loaded to its end
        Browser.screenshot(phone, "asm-5-school-year-390");
        phone.context().close();
    }

    @Test
    void aViceDeanPrintsTheirCollegesReportOnAPhoneAndCannotOpenAnothers() {
        long own = accounts.findByUsername("fuyuanzhang01").orElseThrow().grants().stream()
                .filter(g -> g.scopeId() != null).findFirst().orElseThrow().scopeId();
        long other = organization.colleges().stream().map(c -> c.id()).filter(id -> id != own).findFirst()
                .orElseThrow();
        Page page = desktop();
        Browser.login(page, "fuyuanzhang01", PASSWORD);
        page.navigate("/assessment?month=" + previous());
        assertThat(page.locator("h1")).hasText("学院勤工助学考核");
        assertThat(page.locator("#asm-colleges tr.table-info")).hasCount(1);
        assertThat(page.locator("#asm-classes tbody tr").first()).isVisible();
        assertThat(page.locator("#asm-definitions")).isVisible(); // the page has loaded to its end
        Browser.screenshot(page, "asm-6-college-1366");
        com.microsoft.playwright.Response refused = page.navigate("/assessment/colleges/" + other + "/report?month="
                + previous());
        org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(404);
        page.context().close();

        Page phone = browser().phone();
        Browser.login(phone, "fuyuanzhang01", PASSWORD);
        phone.navigate("/assessment/colleges/" + own + "/report?month=" + previous());
        assertThat(phone.locator("#asm-report h1")).containsText("勤工助学月度考核报告");
        assertThat(phone.locator("#print-now")).isVisible();
        assertThat(phone.locator("#asm-report .sign")).isVisible();
        Browser.screenshot(phone, "asm-7-report-390");
        phone.context().close();
    }

    @Test
    void aCounselorSeesTheirOwnFigureAndClasses() {
        Page phone = browser().phone();
        Browser.login(phone, "fdy012", PASSWORD);
        phone.navigate("/assessment?month=" + previous());
        assertThat(phone.locator("h1")).hasText("我的勤工助学考核");
        assertThat(phone.locator("#asm-counselors tbody tr")).hasCount(1);
        assertThat(phone.locator("#asm-colleges")).hasCount(0);
        assertThat(phone.locator("#asm-classes tbody tr").first()).isVisible();
        assertThat(phone.locator("#asm-definitions")).isVisible(); // the page has loaded to its end
        Browser.screenshot(phone, "asm-8-counselor-390");
        phone.context().close();
    }
}
