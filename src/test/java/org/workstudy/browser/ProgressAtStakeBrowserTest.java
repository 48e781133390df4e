package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * A student enrolled in 2024-2025-1 is, in the school year 2026-2027, in the fifth and last semester of the window;
 * with no hours they are behind. Their counselor's home lists them by name with a link; the student is told plainly
 * on the home page and on 我的勤工助学 what is at stake and how many days remain. Screenshots at-stake-*.png.
 */
@IntegrationTest
class ProgressAtStakeBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures school;
    @Autowired
    Roster roster;

    @Test
    void theCounselorSeesWhoIsBehindAndTheStudentIsToldWhatIsAtStake() {
        long classId = school.schoolClass(school.college());
        Student s = roster.find(school.student(classId)).orElseThrow();
        String counselor = school.account(Grant.of(Role.COUNSELOR, classId));

        Page page = browser().desktop();
        page.setViewportSize(1366, 860);
        Browser.login(page, counselor, Fixtures.PASSWORD);
        Locator behind = page.locator(".home-card", new Page.LocatorOptions().setHasText("进度落后的学生"));
        assertThat(behind).containsText(s.name() + "（" + s.studentNo() + "）");
        Browser.screenshot(page, "at-stake-1-counselor-home");
        behind.locator("a", new Locator.LocatorOptions().setHasText(s.name())).click();
        page.waitForLoadState();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/hours/students/" + s.id() + "$"));

        Page phone = studentOnPhone(s);
        phone.navigate("/");
        Locator note = phone.locator(".home-card-note");
        assertThat(note).containsText("已计 0 / 360 学时");
        assertThat(note).containsText("不能按时毕业");
        assertThat(note).containsText("天寒暑假");
        Browser.screenshot(phone, "at-stake-2-student-home-phone");
        phone.navigate("/my/hours");
        assertThat(phone.locator("#hours-at-stake")).containsText("还差 360 学时");
        assertThat(phone.locator("#hours-at-stake")).containsText("周末和节假日");
        Browser.screenshot(phone, "at-stake-3-student-hours-phone");
    }
}
