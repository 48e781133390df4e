package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.hours.HoursFixtures;
import org.workstudy.hours.HoursLedger;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.pay.PaySheets;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.shared.XlsxSheet;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * The month's pay: the employer opens and confirms the sheet, the center approves it (frozen), the finance export
 * (.xlsx, full card numbers for the center of a frozen sheet) read back with the project's reader; the student sees
 * their own pay history with the card masked. Screenshots at 390 and 1366 px.
 */
@IntegrationTest
class PayBrowserTest extends BrowserJourney {

    private static final String MONTH = "2025-10";

    @Autowired
    HoursFixtures hours;
    @Autowired
    HoursLedger ledger;
    @Autowired
    Fixtures fixtures;
    @Autowired
    PaySheets pay;

    @Test
    void theEmployerConfirmsTheCenterFreezesFinanceExportsAndTheStudentSeesTheirPay() throws Exception {
        HoursFixtures.Setup setup = hours.placed(1);
        Student student = setup.student();
        ledger.record(setup.counselor(), HoursFixtures.work(student, setup.placement(), "2025-10-18", "09:00", "13:00"));
        ledger.record(setup.counselor(), HoursFixtures.work(student, setup.placement(), "2025-10-19", "09:00", "13:00"));
        pay.saveCard(PlacementFixtures.signedIn(student), "中国银行", "6222 0212 3456 7890 123");
        String supervisor = fixtures.account(Grant.of(Role.EMPLOYER, setup.employerId()));
        String center = fixtures.account(Grant.school(Role.CENTER_STAFF));

        // the employer opens October's sheet: a draft computed from the counted hours, the card masked
        Page employer = browser().desktopIn("zh-CN");
        employer.onDialog(d -> d.accept());
        Browser.login(employer, supervisor, Fixtures.PASSWORD);
        employer.navigate("/pay?month=" + MONTH);
        Browser.screenshot(employer, "pay-1-employer-sheets-1366");
        employer.locator("form[action='/pay/sheets'] button").first().click();
        assertThat(employer.locator("#pay-status")).hasText("草稿");
        assertThat(employer.locator("#pay-lines")).containsText(student.studentNo());
        assertThat(employer.locator("#pay-lines")).containsText("6222 **** **** 0123");
        assertThat(employer.locator("#pay-lines")).not().containsText("6222021234567890123");
        assertThat(employer.locator("#pay-total-amount")).hasText("144.00");
        Browser.screenshot(employer, "pay-2-employer-draft-1366");
        String sheetUrl = employer.url();
        Page employerPhone = browser().phone();
        Browser.login(employerPhone, supervisor, Fixtures.PASSWORD);
        employerPhone.navigate(sheetUrl);
        Browser.screenshot(employerPhone, "pay-2-employer-draft-390");
        employer.click("#pay-confirm");
        assertThat(employer.locator("#pay-status")).hasText("用人单位已确认");
        assertThat(employer.locator("#pay-confirm")).hasCount(0);

        // the center approves: frozen; no decision buttons are left
        Page finance = browser().desktopIn("zh-CN");
        finance.onDialog(d -> d.accept());
        Browser.login(finance, center, Fixtures.PASSWORD);
        finance.navigate(sheetUrl);
        assertThat(finance.locator("#pay-lines")).containsText("6222 **** **** 0123"); // on screen still masked
        finance.click("#pay-approve");
        assertThat(finance.locator("#pay-status")).hasText("中心已审核（已冻结）");
        assertThat(finance.locator("#pay-approve")).hasCount(0);
        Browser.screenshot(finance, "pay-3-center-frozen-1366");

        // the finance export: the columns finance imports, the full card number, the amount; a total row
        Download download = finance.waitForDownload(() -> finance.click("#pay-export"));
        Path file = Browser.SCREENSHOTS.resolve("pay-sheet-frozen.xlsx");
        download.saveAs(file);
        List<Map<String, String>> rows = new ArrayList<>();
        List<XlsxSheet.FileProblem> problems;
        try (InputStream in = Files.newInputStream(file)) {
            problems = XlsxSheet.read(in, "学号", h -> h, List.of("学号", "姓名", "银行卡号", "工时", "单价", "金额"),
                    100, (row, cells) -> rows.add(new LinkedHashMap<>(cells)));
        }
        assertThat(problems).isEmpty();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("学号", student.studentNo()).containsEntry("姓名", student.name())
                .containsEntry("银行卡号", "6222021234567890123");
        assertThat(new BigDecimal(rows.get(0).get("工时"))).isEqualByComparingTo("8");
        assertThat(new BigDecimal(rows.get(0).get("单价"))).isEqualByComparingTo("18");
        assertThat(new BigDecimal(rows.get(0).get("金额"))).isEqualByComparingTo("144.00");
        assertThat(rows.get(1)).containsEntry("学号", "合计");
        assertThat(new BigDecimal(rows.get(1).get("金额"))).isEqualByComparingTo("144.00");

        // the employer's export of the same sheet: the card masked
        Download masked = employer.waitForDownload(() -> employer.click("#pay-export"));
        List<Map<String, String>> maskedRows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(masked.path())) {
            XlsxSheet.read(in, "学号", h -> h, List.of("学号", "银行卡号"), 100,
                    (row, cells) -> maskedRows.add(new LinkedHashMap<>(cells)));
        }
        assertThat(maskedRows.get(0)).containsEntry("银行卡号", "6222 **** **** 0123");

        // the month's totals by college and funding source on the center's list
        finance.navigate("/pay?month=" + MONTH);
        assertThat(finance.locator("#pay-totals")).containsText("学校勤工助学经费");
        Browser.screenshot(finance, "pay-4-center-totals-1366");
        Page financePhone = browser().phone();
        Browser.login(financePhone, center, Fixtures.PASSWORD);
        financePhone.navigate("/pay?month=" + MONTH);
        Browser.screenshot(financePhone, "pay-4-center-totals-390");
        financePhone.navigate(sheetUrl);
        Browser.screenshot(financePhone, "pay-3-center-frozen-390");

        // the student's own pay history, the card masked
        Page phone = studentOnPhone(student);
        phone.navigate("/pay/my");
        assertThat(phone.locator("#pay-my-card")).containsText("6222 **** **** 0123");
        assertThat(phone.locator("#pay-my-lines")).containsText(MONTH);
        assertThat(phone.locator("#pay-my-lines")).containsText("144.00");
        Browser.screenshot(phone, "pay-5-student-history-390");
        Page studentDesk = browser().desktopIn("zh-CN");
        Browser.login(studentDesk, student.studentNo(), STUDENT_PASSWORD);
        studentDesk.navigate("/pay/my");
        Browser.screenshot(studentDesk, "pay-5-student-history-1366");
    }
}
