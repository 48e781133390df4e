package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.exemptions.ExemptionFixtures;
import org.workstudy.exemptions.ExemptionFixtures.Unit;
import org.workstudy.organization.Student;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

/**
 * The center imports quality-development credits; a student applies on a phone for an offset with quality-development credits and evidence; the counselor agrees,
 * the center director grants it and publishes the college's notice; the student sees the notice listing them
 * (with the public detail only, never the reason).
 */
@IntegrationTest
class ExemptionJourneyBrowserTest extends BrowserJourney {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    ExemptionFixtures fixtures;

    @Test
    void aStudentAppliesForAnOffsetThroughToThePublicNotice() {
        Unit u = fixtures.unit(1);
        Student s = u.student();
        String director = fixtures.director();

        // the center imports the student's quality-development credits; a bad file first
        Page center = browser().desktop();
        Browser.login(center, fixtures.centerStaff(), Fixtures.PASSWORD);
        center.navigate("/quality-credits");
        center.setInputFiles("#file", new FilePayload("素质拓展学分.xlsx", XLSX, ExemptionFixtures.xlsx(List.of(
                List.of(s.studentNo(), "王五", "2.5", ""), List.of("X000000001", "无此人", "两分", "")))));
        center.click("#quality-submit");
        assertThat(center.locator("#quality-error-table")).containsText("不一致");
        Browser.screenshot(center, "exemption-0a-quality-import-errors");
        center.setInputFiles("#file", new FilePayload("素质拓展学分.xlsx", XLSX, ExemptionFixtures.xlsx(List.of(
                List.of(s.studentNo(), s.name(), "2.5", "2025 学年")))));
        center.click("#quality-submit");
        assertThat(center.locator("#quality-done")).containsText("1");
        center.fill("#lookup-no", s.studentNo());
        center.click("#lookup");
        assertThat(center.locator("#lookup-result")).containsText("当前 2.5 学分");
        Browser.screenshot(center, "exemption-0b-quality-imported");

        Page page = studentOnPhone(s);
        page.navigate("/my/exemptions");
        assertThat(page.locator("#quality-available")).hasText("2.5");
        Browser.screenshot(page, "exemption-1-student-page-phone");
        page.click("#new-exemption");
        page.check("#kind-OFFSET");
        page.selectOption("#reasonKind", "HARDSHIP");
        page.fill("#reason", "家庭经济困难，寒暑假需回家照顾患病的父亲，无法参加勤工助学。");
        page.fill("#qualityCredits", "2.5");
        page.setInputFiles("#files", new FilePayload("困难认定证明.pdf", "application/pdf",
                "%PDF-1.4 家庭经济困难认定".getBytes(StandardCharsets.UTF_8)));
        Browser.screenshot(page, "exemption-2-student-form-phone");
        page.click("#submit-exemption");
        assertThat(page.locator("#exemption-status")).hasText("待辅导员审核");
        assertThat(page.locator("#offset-summary")).containsText("抵扣全部 360 学时");
        assertThat(page.locator("#offset-summary")).containsText("使用素质拓展学分 2 学分");
        Browser.screenshot(page, "exemption-3-student-submitted-phone");
        String url = page.url();
        String path = url.substring(url.indexOf("/exemptions/"));

        Page counselor = browser().desktop();
        Browser.login(counselor, u.counselor(), Fixtures.PASSWORD);
        counselor.navigate("/exemptions/review");
        assertThat(counselor.locator("#exemption-waiting")).containsText(s.name());
        Browser.screenshot(counselor, "exemption-4-counselor-review");
        counselor.navigate(path);
        assertThat(counselor.locator("#evidence-list")).containsText("困难认定证明.pdf");
        assertThat(counselor.locator("#quality-current")).containsText("当前 2.5 学分");
        counselor.fill("#decision-reason", "已核实家庭情况");
        Browser.screenshot(counselor, "exemption-5-counselor-application");
        counselor.click("#approve");
        assertThat(counselor.locator("#exemption-status")).hasText("待学工处审批");

        Page dir = browser().desktop();
        Browser.login(dir, director, Fixtures.PASSWORD);
        assertThat(dir.locator("main")).containsText("待我审核");
        Browser.screenshot(dir, "exemption-6-director-home");
        dir.navigate(path);
        dir.click("#approve");
        assertThat(dir.locator("#exemption-status")).hasText("已批准，待公示");
        dir.navigate("/exemptions/review");
        assertThat(dir.locator("#exemption-granted")).containsText(s.name());
        assertThat(dir.locator("#exemption-granted")).containsText("抵扣 360 学时");
        Browser.screenshot(dir, "exemption-7-director-to-publish");
        dir.onDialog(d -> d.accept());
        dir.click("#publish");
        assertThat(dir.locator("main")).containsText("公示已发布");
        assertThat(dir.locator("#exemption-recent")).containsText("公示中");
        Browser.screenshot(dir, "exemption-8-director-published");

        page.navigate(path);
        assertThat(page.locator("#exemption-status")).hasText("公示中");
        assertThat(page.locator("#exemption-history")).containsText("学工处批准");
        // the history names people, not their accounts
        assertThat(page.locator("#exemption-history")).containsText("测试用户" + u.counselor());
        assertThat(page.locator("#exemption-history")).containsText("测试用户" + director);
        Browser.screenshot(page, "exemption-9-student-in-notice-phone");
        page.click("#notice-link a");
        assertThat(page.locator("#notice-lines")).containsText(s.name());
        assertThat(page.locator("#notice-lines")).containsText("抵扣 360 学时");
        assertThat(page.locator("main")).not().containsText("患病的父亲");
        Browser.screenshot(page, "exemption-10-student-sees-the-notice-phone");
    }
}
