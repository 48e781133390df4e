package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workstudy.notices.NoticeBoard;
import org.workstudy.recognition.RecognitionFixtures;
import org.workstudy.recognition.RecognitionFixtures.College;
import org.workstudy.credits.VerificationCodes;
import org.workstudy.organization.Student;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

import com.microsoft.playwright.Page;

/**
 * The vice dean submits the college's recognition list; academic affairs approves (not enough alone), the center
 * director approves, and the list goes into its public notice.
 */
@IntegrationTest
class RecognitionJourneyBrowserTest extends BrowserJourney {

    @Autowired
    RecognitionFixtures fixtures;
    @Autowired
    NoticeBoard board;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theViceDeanSubmitsAndBothOfficesApprove() {
        College c = fixtures.college(3);
        fixtures.work(c, 0, "360");
        fixtures.work(c, 1, "200");
        String proposal = "/recognitions?collegeId=" + c.collegeId() + "&cohort=" + RecognitionFixtures.COHORT;

        Page dean = browser().desktop();
        Browser.login(dean, c.viceDean().username(), Fixtures.PASSWORD);
        dean.navigate(proposal);
        assertThat(dean.locator("#qualifying")).containsText(c.student(0).studentNo());
        assertThat(dean.locator("#not-qualifying")).containsText(c.student(1).studentNo());
        assertThat(dean.locator("#not-qualifying")).containsText("160");
        Browser.screenshot(dean, "recognition-1-vice-dean-proposal");
        dean.onDialog(d -> d.accept());
        dean.click("#submit-list");
        assertThat(dean.locator("#recognition-status")).containsText("待审批");
        Browser.screenshot(dean, "recognition-2-vice-dean-submitted");
        String list = dean.url();

        Page academic = browser().desktop();
        Browser.login(academic, c.academic().username(), Fixtures.PASSWORD);
        assertThat(academic.locator("main")).containsText("待我审批的认定名单");
        Browser.screenshot(academic, "recognition-3-academic-home");
        academic.navigate("/recognitions");
        assertThat(academic.locator("#recognition-waiting")).containsText(RecognitionFixtures.COHORT + "级");
        Browser.screenshot(academic, "recognition-4-academic-waiting");
        academic.navigate(list);
        academic.fill("#reason", "学时核对无误");
        academic.click("#approve");
        assertThat(academic.locator("#recognition-status")).containsText("待审批");
        assertThat(academic.locator("#joint-approval")).containsText("教学科研处 · 已同意");
        assertThat(academic.locator("#joint-approval")).containsText("中心主任 · 待审批");
        Browser.screenshot(academic, "recognition-5-one-approval-is-not-enough");

        Page director = browser().phone();
        Browser.login(director, c.director().username(), Fixtures.PASSWORD);
        director.navigate(list);
        director.click("#approve");
        assertThat(director.locator("#recognition-status")).containsText("公示中");
        assertThat(director.locator("#recognition-decisions")).containsText("中心主任");
        Browser.screenshot(director, "recognition-6-director-approved-phone");

        dean.navigate(proposal);
        assertThat(dean.locator("#recognition-lists")).containsText("公示中");
        Browser.screenshot(dean, "recognition-7-vice-dean-history");
        dean.navigate(list);
        dean.click("#notice-link");
        assertThat(dean.locator("main")).containsText("360 学时");
        Browser.screenshot(dean, "recognition-8-notice");

        // the notice period passes with no objection: the credits are recognised
        LocalDate endsOn = jdbc.sql("SELECT ends_on FROM cr_notice WHERE kind = 'RECOGNITION' AND subject_id = ?")
                .param(Long.parseLong(list.substring(list.lastIndexOf('/') + 1))).query(LocalDate.class).single();
        board.finalizeDue(endsOn.plusDays(1));
        dean.navigate(list);
        assertThat(dean.locator("#recognition-status")).containsText("已认定");
        assertThat(dean.locator("#final-on")).containsText(endsOn.plusDays(1).toString());
        Browser.screenshot(dean, "recognition-9-final");
    }

    @Test
    void theStudentSeesTheCertificateAndAnyoneChecksItsCode() {
        College c = fixtures.college(1);
        Student s = c.student(0);
        String code = fixtures.creditRecord(s.id(), "360", "2026-2027-1", LocalDate.of(2027, 1, 8));

        Page page = studentOnPhone(s);
        page.navigate("/my/certificate");
        assertThat(page.locator("#certificate-sheet")).containsText(s.name());
        assertThat(page.locator("#certificate-code")).containsText(VerificationCodes.display(code));
        Browser.screenshot(page, "certificate-1-student-phone");

        Page anyone = browser().phone();
        anyone.navigate("/verify");
        anyone.fill("#code", code.toLowerCase());
        anyone.click("#verify-submit");
        assertThat(anyone.locator("#verify-status")).containsText("已认定 2 学分，2027-01-08");
        assertThat(anyone.locator("#verify-result")).containsText(s.studentNo());
        Browser.screenshot(anyone, "certificate-2-public-verify-phone");
        anyone.navigate("/verify/ABCD-EFGH-JKMN");
        assertThat(anyone.locator("#verify-not-found")).containsText("未找到");
        Browser.screenshot(anyone, "certificate-3-public-verify-unknown-phone");
    }
}
