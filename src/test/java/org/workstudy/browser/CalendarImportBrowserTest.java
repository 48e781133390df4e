package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.support.IntegrationTest;

import com.microsoft.playwright.Page;

import cn.idev.excel.FastExcel;

/**
 * The administrator publishes a provisional year (issue 12, item 4): the page says the year is provisional, a file
 * with a 调休上班 day that is no weekend is refused with its row, the corrected file publishes the year. 2075 is used
 * so that no other test's dates change. Screenshots in target/screenshots.
 */
@IntegrationTest
class CalendarImportBrowserTest extends BrowserJourney {

    @Autowired
    AcademicCalendar calendar;

    @Test
    void anAdministratorImportsAYearsArrangementAndTheYearBecomesPublished() throws Exception {
        Page page = browser().desktop();
        Browser.login(page, "admin", "Demo1234");
        page.navigate("/admin/calendar?year=2075");
        assertThat(page.locator("#year-status")).containsText("暂定");
        assertThat(page.locator("#import-template")).isVisible();
        Browser.screenshot(page, "calendar-import-1-provisional-year");

        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("2075-10-01", "放假", "国庆节"));
        rows.add(List.of("2075-10-02", "放假", "国庆节"));
        rows.add(List.of("2075-10-04", "调休上班", "国庆节调休")); // a Friday
        page.setInputFiles("#import-file", xlsx(rows));
        page.click("#import-submit");
        assertThat(page.locator("#import-errors")).containsText("2075-10-04 不是周六或周日，不能作为调休上班日");
        assertThat(page.locator("#year-status")).containsText("暂定");
        page.locator("#import-errors").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "calendar-import-2-refused");
        org.assertj.core.api.Assertions.assertThat(calendar.isPublished(2075)).isFalse();

        rows.set(2, List.of("2075-10-05", "调休上班", "国庆节调休")); // a Saturday
        page.setInputFiles("#import-file", xlsx(rows));
        page.click("#import-submit");
        assertThat(page.locator("#year-status")).containsText("已公布");
        assertThat(page.locator("#special-day-table")).containsText("国庆节调休");
        Browser.screenshot(page, "calendar-import-3-published");
        org.assertj.core.api.Assertions.assertThat(calendar.isPublished(2075)).isTrue();

        Page phone = browser().phone();
        Browser.login(phone, "admin", "Demo1234");
        phone.navigate("/admin/calendar?year=2076");
        assertThat(phone.locator("#year-import")).isVisible();
        Browser.screenshot(phone, "calendar-import-4-phone");
    }

    private static Path xlsx(List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FastExcel.write(out).head(List.of(List.of("日期"), List.of("类型"), List.of("名称"))).sheet("2075")
                .doWrite(new ArrayList<>(rows));
        Path file = Files.createTempFile("arrangement-2075-", ".xlsx");
        Files.write(file, out.toByteArray());
        file.toFile().deleteOnExit();
        return file;
    }
}
