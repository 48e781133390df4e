package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Early warning: a student of the 2024 cohort with no hours, in the last semester of the window, cannot make the 360
 * hours in the weekends, holidays and vacation days left. The student reads how much is left, by when and why it
 * will not fit; the counselor's class page marks them. Screenshots early-warning-*.png.
 */
@IntegrationTest
class EarlyWarningBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures school;
    @Autowired
    Roster roster;

    @Test
    void theStudentReadsHowMuchIsLeftByWhenAndThatItWillNotFit() {
        long classId = school.schoolClass(school.college());
        Student s = roster.find(school.student(classId)).orElseThrow();
        String counselor = school.account(Grant.of(Role.COUNSELOR, classId));

        Page phone = studentOnPhone(s);
        phone.navigate("/");
        Locator card = phone.locator(".home-card", new Page.LocatorOptions().setHasText("还差学时 / 截止日期"));
        assertThat(card).containsText("360 / 20"); // 360 hours, by the window's last day (a 20xx date)
        phone.navigate("/my/hours");
        Locator projection = phone.locator("#hours-projection");
        assertThat(projection).containsText("预警：还差 360 学时");
        assertThat(projection).containsText("计时窗口最后一天");
        assertThat(projection).containsText("平均每个工作日 4 学时");
        assertThat(projection).containsText("来不及");
        assertThat(phone.locator("#hours-pace-assumed")).containsText("暂按每天 4 学时估算");
        Browser.screenshot(phone, "early-warning-1-student-phone");

        Page page = browser().desktopIn("zh-CN,zh;q=0.9");
        Browser.login(page, counselor, Fixtures.PASSWORD);
        page.navigate("/hours/classes/" + classId);
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(s.studentNo()));
        assertThat(row).containsText("预计来不及");
        assertThat(page.locator("#short-help")).containsText("预计来不及");
        Browser.screenshot(page, "early-warning-2-counselor-class");
    }
}
