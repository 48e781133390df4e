package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.placements.SelfArrangedStatus;
import org.workstudy.placements.SelfArrangedView;
import org.workstudy.placements.SelfArrangedWork;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

import com.microsoft.playwright.Page;

/** A student registers out-of-city work on a phone; the counselor approves it, then the vice dean, before the start. */
@IntegrationTest
class SelfArrangedJourneyBrowserTest extends BrowserJourney {

    @Autowired
    PlacementFixtures fixtures;
    @Autowired
    Fixtures school;
    @Autowired
    SelfArrangedWork work;
    @Autowired
    Clock clock;

    @Test
    void outOfCityWorkIsRegisteredAndApprovedByTheCounselorAndTheViceDean() {
        long college = school.college();
        long classId = school.schoolClass(college);
        Student s = fixtures.students(classId, 1).get(0);
        String counselor = school.account(Grant.of(Role.COUNSELOR, classId));
        String viceDean = school.account(Grant.of(Role.VICE_DEAN, college));
        LocalDate start = LocalDate.now(clock).plusDays(3);

        Page page = studentOnPhone(s);
        page.navigate("/self-arranged");
        Browser.screenshot(page, "selfwork-1-student-list-phone");
        page.click("#new-self-arranged");
        page.fill("#employerName", "泉州海景酒店");
        // the division picker (issue 12): type part of the name, choose the district from the list
        page.fill("#city-search", "丰泽");
        page.locator("input[name=city][value='350503']").waitFor();
        assertThat(page.locator("#city-choices")).containsText("福建省 泉州市 丰泽区");
        page.locator("input[name=city][value='350503']").check();
        Browser.screenshot(page, "places-1-picker-phone");
        page.fill("#address", "泉州市丰泽区东海大街 1 号");
        page.fill("#contactPerson", "林经理");
        page.fill("#contactPhone", "0595-22220000");
        page.fill("#startsOn", start.toString());
        page.fill("#endsOn", start.plusDays(14).toString());
        page.fill("#expectedHours", "60");
        page.fill("#content", "暑期前台接待，每天 6 小时");
        Browser.screenshot(page, "selfwork-2-student-form-phone");
        page.click("#submit-registration");
        assertThat(page.locator("#self-status")).containsText("待辅导员审批");
        Browser.screenshot(page, "selfwork-3-student-submitted-phone");
        long id = work.ofStudent(s.id()).get(0).id();

        Page staff = browser().desktop();
        Browser.login(staff, counselor, Fixtures.PASSWORD);
        staff.navigate("/self-arranged/review");
        assertThat(staff.locator("#self-waiting")).containsText("泉州海景酒店");
        Browser.screenshot(staff, "selfwork-4-counselor-review");
        staff.navigate("/self-arranged/" + id);
        staff.fill("#reason", "已核实单位，注意安全");
        staff.click("#approve");
        assertThat(staff.locator("#self-status")).containsText("待副院长审批");
        Browser.screenshot(staff, "selfwork-5-counselor-approved");

        Page dean = browser().desktop();
        Browser.login(dean, viceDean, Fixtures.PASSWORD);
        assertThat(dean.locator("main")).containsText("待我审批");
        Browser.screenshot(dean, "selfwork-6-vice-dean-home");
        dean.navigate("/self-arranged/review");
        assertThat(dean.locator("#self-waiting")).containsText("泉州海景酒店");
        dean.navigate("/self-arranged/" + id + "/print");
        assertThat(dean.locator("main")).containsText("自行联系勤工助学申请表");
        Browser.screenshot(dean, "selfwork-7-print-before-vice-dean");
        dean.navigate("/self-arranged/" + id);
        dean.click("#approve");
        assertThat(dean.locator("#self-status")).containsText("副院长已批准");
        Browser.screenshot(dean, "selfwork-8-vice-dean-approved");
        dean.navigate("/self-arranged/" + id + "/print");
        dean.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        Browser.screenshot(dean, "selfwork-9-print-approved");

        page.navigate("/self-arranged/" + id);
        assertThat(page.locator("#self-status")).containsText("副院长已批准");
        assertThat(page.locator("#upload-certificate")).isVisible();
        Browser.screenshot(page, "selfwork-10-student-approved-phone");

        SelfArrangedView v = work.find(id).orElseThrow();
        org.assertj.core.api.Assertions.assertThat(v.status()).isEqualTo(SelfArrangedStatus.VICE_DEAN_APPROVED);
        org.assertj.core.api.Assertions.assertThat(v.countsOn(start)).isFalse();
    }
}
