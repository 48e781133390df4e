package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.awards.AwardRecordForm;
import org.workstudy.awards.AwardRecords;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.statistics.StatisticsRefresh;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * 评先评优 on the demo school: the director's lists with their reasons and what the ones just below lack, an .xlsx,
 * the threshold settings refusing a percentage over 100 in Chinese and saving a later version; a counselor's lists
 * on a phone; a vice dean refused another college; a student's own penalty. Screenshots awards-*.png at 1366 px and
 * 390 px.
 */
@IntegrationTest
class AwardsBrowserTest extends BrowserJourney {

    private static final String PASSWORD = "Demo1234";

    @Autowired StatisticsRefresh refresh;
    @Autowired Organization organization;
    @Autowired Accounts accounts;
    @Autowired AwardRecords records;
    @Autowired Fixtures school;
    @Autowired Roster roster;

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
    void theDirectorSeesTheListsExportsOneAndSetsTheThresholds() throws Exception {
        Page page = desktop();
        Browser.login(page, "zhuren", PASSWORD);
        page.navigate("/awards");
        assertThat(page.locator("h1")).hasText("勤工助学评先评优");
        assertThat(page.locator("#awards-basis")).containsText("评定日");
        assertThat(page.locator("#awards-students-eligible tbody tr").first()).containsText("不少于");
        assertThat(page.locator("main")).containsText("差");
        Browser.screenshot(page, "awards-1-director-1366");
        Download download = page.waitForDownload(() -> page.click("#awards-classes-xlsx"));
        org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(download.path())).startsWith('P', 'K');

        page.click("#awards-settings-link");
        assertThat(page.locator("h1")).hasText("评优条件设置");
        Browser.screenshot(page, "awards-2-settings-1366");
        page.fill("#classOnTrackPercent", "120");
        page.click("#awards-settings-save");
        assertThat(page.locator("#awards-settings-error")).containsText("班级达标率（%）须在 0 到 100 之间");
        assertThat(page.locator("#classOnTrackPercent")).hasClass(Pattern.compile(".*is-invalid.*"));
        Browser.screenshot(page, "awards-3-settings-refused-1366");
        // a version far ahead changes nothing judged today
        page.fill("#classOnTrackPercent", "85");
        page.fill("#effectiveFrom", LocalDate.now().plusYears(3).withDayOfYear(1).toString());
        page.click("#awards-settings-save");
        assertThat(page.locator(".alert-success")).containsText("已保存");
        assertThat(page.locator("#awards-versions tbody tr")).hasCount(2);
        page.context().close();

        Page phone = browser().phone();
        Browser.login(phone, "zhuren", PASSWORD);
        phone.navigate("/awards");
        assertThat(phone.locator("#awards-classes-eligible, #awards-classes-near").first()).isVisible();
        Browser.screenshot(phone, "awards-4-director-390");
        phone.navigate("/awards/settings");
        Browser.screenshot(phone, "awards-5-settings-390");
        phone.context().close();
    }

    @Test
    void aCounselorSeesTheirClassesOnAPhoneAndAViceDeanNotAnotherCollege() {
        Page phone = browser().phone();
        Browser.login(phone, "fdy012", PASSWORD);
        phone.navigate("/awards");
        assertThat(phone.locator("h1")).hasText("勤工助学评先评优");
        assertThat(phone.locator("#awards-filter #collegeId")).hasCount(0);
        Browser.screenshot(phone, "awards-6-counselor-390");
        phone.context().close();

        Page page = desktop();
        Browser.login(page, "fuyuanzhang01", PASSWORD);
        page.navigate("/awards");
        Browser.screenshot(page, "awards-7-vice-dean-1366");
        long other = organization.colleges().stream().map(c -> c.id())
                .filter(id -> !accounts.findByUsername("fuyuanzhang01").orElseThrow().grants().stream()
                        .anyMatch(g -> id.equals(g.scopeId())))
                .findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(page.navigate("/awards?collegeId=" + other).status())
                .isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(page.navigate("/awards/students.xlsx?collegeId=" + other)
                .status()).isEqualTo(404);
        page.navigate("/awards/records");
        assertThat(page.locator("#awards-record-form")).hasCount(0);
        page.context().close();
    }

    @Test
    void theCenterRecordsAPenaltyAndTheStudentSeesIt() {
        long classId = school.schoolClass(school.college());
        long id = school.student(classId);
        Student s = roster.find(id).orElseThrow();
        Page page = desktop();
        Browser.login(page, "zhongxin", PASSWORD);
        page.navigate("/awards/records");
        page.fill("#rec-student", s.studentNo());
        page.selectOption("#rec-category", "FALSIFIED_HOURS");
        page.fill("#rec-reason", "上报工时与考勤不符");
        page.click("#awards-record-save");
        assertThat(page.locator("#awards-record-error")).containsText("处分须填写有效期");
        page.fill("#rec-until", LocalDate.now().plusDays(90).toString());
        page.click("#awards-record-save");
        assertThat(page.locator(".alert-success")).containsText("已保存奖惩记录");
        assertThat(page.locator("#awards-records tbody tr").first()).containsText("虚报工时");
        Browser.screenshot(page, "awards-8-records-1366");
        // 撤销: asks first, needs a reason, then the record stays struck through with who revoked it and why
        page.onDialog(d -> d.accept());
        var first = page.locator("#awards-records tbody tr").first();
        first.locator(".award-revoke summary").click();
        first.locator("textarea[name=reason]").fill("经复核考勤无误，撤销处分");
        first.locator(".award-revoke button").click();
        assertThat(page.locator(".alert-success")).containsText("已撤销该奖惩记录");
        assertThat(page.locator("#awards-records tbody tr.award-revoked")).hasCount(1);
        assertThat(page.locator("#awards-records tbody tr.award-revoked")).containsText("经复核考勤无误，撤销处分");
        assertThat(page.locator("#awards-records tbody tr.award-revoked .award-revoke")).hasCount(0);
        Browser.screenshot(page, "awards-10-revoked-1366");
        page.context().close();

        CurrentUser center = new CurrentUser(0, "center-test", "中心", Role.CENTER_STAFF,
                List.of(Grant.school(Role.CENTER_STAFF)));
        records.record(center, new AwardRecordForm(s.studentNo(), "PRAISE", "假期坚持在岗",
                LocalDate.now().toString(), null));
        Page phone = studentOnPhone(s);
        phone.navigate("/awards/records");
        assertThat(phone.locator("h1")).hasText("我的奖惩");
        assertThat(phone.locator("#awards-records tbody tr")).hasCount(2);
        assertThat(phone.locator("#awards-records")).containsText("虚报工时");
        assertThat(phone.locator("#awards-records tbody tr.award-revoked")).containsText("已撤销");
        Browser.screenshot(phone, "awards-9-student-390");
        org.assertj.core.api.Assertions.assertThat(phone.navigate("/awards").status()).isEqualTo(403);
        phone.context().close();
    }
}
