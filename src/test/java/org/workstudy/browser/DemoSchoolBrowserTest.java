package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.certificates.Certificates;
import org.workstudy.demo.DemoSchool;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.support.IntegrationTest;

/**
 * The demo school as a new user meets it (the tests' 300-student school, loaded with its history at start): each demo
 * student signs in with Demo1234 on a phone and sees their state; the counselor's class shows who is behind; the
 * center's positions have applicants; the graduation audit shows every status; the notice board has a running notice
 * with an objection; a graduate's certificate code is verified by anyone. Screenshots in
 * target/screenshots/demo-*.png.
 */
@IntegrationTest
class DemoSchoolBrowserTest extends BrowserJourney {

    private static final String PASSWORD = "Demo1234";
    private static final CurrentUser ACADEMIC = new CurrentUser(0, "jiaowu-t", "教务", Role.ACADEMIC_AFFAIRS,
            List.of(Grant.school(Role.ACADEMIC_AFFAIRS)));

    @Autowired DemoSchool demo;
    @Autowired Roster roster;
    @Autowired Organization organization;
    @Autowired Accounts accounts;
    @Autowired Certificates certificates;

    private Student person(String state) {
        Student s = demo.people().get(state);
        org.assertj.core.api.Assertions.assertThat(s).as(state).isNotNull();
        return roster.find(s.id()).orElseThrow();
    }

    @Test
    void eachDemoStudentSignsInOnAPhoneAndSeesTheirState() {
        Map<String, String[]> states = new java.util.LinkedHashMap<>();
        states.put("complete", new String[] {"/my/hours", "360"});
        states.put("behind", new String[] {"/my/hours", "待确认"});
        states.put("at-risk", new String[] {"/my/hours", "不能按时毕业"});
        states.put("out-of-city-waiting", new String[] {"/self-arranged", "泉州"});
        states.put("out-of-city-verified", new String[] {"/self-arranged", "福州"});
        states.put("in-city", new String[] {"/self-arranged", "厦门海湾图书城"});
        states.put("exemption-in-notice", new String[] {"/my/exemptions", "公示"});
        states.put("deferred-make-up", new String[] {"/my/graduation", "暂缓毕业"});
        for (Map.Entry<String, String[]> e : states.entrySet()) {
            Student s = person(e.getKey());
            Page phone = browser().phone();
            Browser.login(phone, s.studentNo(), PASSWORD);
            assertThat(phone).not().hasURL(java.util.regex.Pattern.compile(".*/login.*"));
            phone.navigate(e.getValue()[0]);
            assertThat(phone.locator("main")).containsText(e.getValue()[1]);
            Browser.screenshot(phone, "demo-student-" + e.getKey() + "-phone");
            phone.context().close();
        }
    }

    @Test
    void theCounselorsClassShowsWhoIsBehind() {
        Student behind = person("behind");
        long account = organization.counselorsOf(behind.classId()).get(0);
        String counselor = accounts.find(account).orElseThrow().username();
        Page page = browser().desktop();
        page.setViewportSize(1366, 860);
        Browser.login(page, counselor, PASSWORD);
        page.navigate("/hours/classes/" + behind.classId());
        assertThat(page.locator("main")).containsText(behind.name());
        assertThat(page.locator("main")).containsText("落后");
        Browser.screenshot(page, "demo-counselor-class-progress");
        page.context().close();
    }

    @Test
    void theCentersPositionsHaveApplicants() {
        Page page = browser().desktop();
        page.setViewportSize(1366, 860);
        Browser.login(page, "zhongxin", PASSWORD);
        page.navigate("/placements");
        assertThat(page.locator("main")).containsText("候补");
        Browser.screenshot(page, "demo-center-positions-applicants");
        page.context().close();
    }

    @Test
    void theGraduationAuditShowsEveryStatus() {
        Student deferred = person("deferred-make-up");
        int cohort = organization.schoolClass(deferred.classId()).orElseThrow().cohort();
        Page page = browser().desktop();
        page.setViewportSize(1366, 860);
        Browser.login(page, "jiaowu", PASSWORD);
        // the graduated cohort: completed, exempt and offset (as their certificates say), deferred in make-up, made up
        page.navigate("/graduation?cohort=" + cohort);
        for (String status : List.of("已完成", "免修", "抵扣", "暂缓毕业（补修中）", "已补修")) {
            assertThat(page.locator("main td", new Page.LocatorOptions().setHasText(status)).first()).isVisible();
        }
        Browser.screenshot(page, "demo-graduation-audit");
        // the cohort in its fifth semester: not yet complete, complete, and the final offset
        page.navigate("/graduation?cohort=" + (cohort + 1));
        for (String status : List.of("已完成", "未完成", "抵扣")) {
            assertThat(page.locator("main td", new Page.LocatorOptions().setHasText(status)).first()).isVisible();
        }
        Browser.screenshot(page, "demo-graduation-audit-fifth-semester");
        page.context().close();
    }

    @Test
    void theNoticeBoardHasARunningNoticeWithAnObjection() {
        Page page = browser().desktop();
        page.setViewportSize(1366, 860);
        Browser.login(page, "zhuren", PASSWORD);
        page.navigate("/notices");
        Browser.screenshot(page, "demo-notice-board");
        page.navigate("/notices/objections");
        assertThat(page.locator("main")).containsText("校运动会");
        Browser.screenshot(page, "demo-notice-objections");
        page.context().close();
    }

    @Test
    void aGraduatesCertificateIsVerifiedByAnyone() {
        Student graduate = person("graduate");
        String code = certificates.of(ACADEMIC, graduate.id()).code();
        Page phone = browser().phone();
        phone.navigate("/verify/" + code);
        assertThat(phone.locator("main")).containsText(graduate.name().substring(0, 1));
        Browser.screenshot(phone, "demo-verified-certificate-phone");
        Page page = browser().desktop();
        page.setViewportSize(1366, 860);
        page.navigate("/verify/" + code);
        Browser.screenshot(page, "demo-verified-certificate");
        phone.context().close();
        page.context().close();
    }
}
