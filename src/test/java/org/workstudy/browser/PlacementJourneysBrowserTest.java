package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.placements.Placements;
import org.workstudy.positions.SelectionMode;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/** A student finds a position and applies on a phone; an employer accepts an applicant. */
@IntegrationTest
class PlacementJourneysBrowserTest extends BrowserJourney {

    @Autowired
    PlacementFixtures fixtures;
    @Autowired
    Fixtures school;
    @Autowired
    Placements placements;

    @Test
    void aStudentFindsAPositionAndAppliesInOneClick() {
        List<Student> students = fixtures.students(school.schoolClass(school.college()), 1);
        long position = fixtures.published(2, SelectionMode.FIRST_COME, Set.of());
        Page page = studentOnPhone(students.get(0));
        page.navigate("/jobs?hasFree=true");
        assertThat(page.locator("#jobs")).isVisible();
        Browser.screenshot(page, "student-jobs-1-list-phone");
        page.navigate("/jobs/" + position);
        assertThat(page.locator("#seats")).containsText("剩余 2 / 2");
        Browser.screenshot(page, "student-jobs-2-detail-phone");
        page.click("#apply");
        assertThat(page.locator("#apply-outcome")).containsText("申请成功");
        assertThat(page.locator("#seats")).containsText("剩余 1 / 2");
        Browser.screenshot(page, "student-jobs-3-accepted-phone");
        page.navigate("/my/applications");
        assertThat(page.locator("#my-placements")).containsText("申请录用");
        Browser.screenshot(page, "student-jobs-4-mine-phone");
        assertThat(placements.activePlacement(position, students.get(0).id())).isTrue();
    }

    @Test
    void anEmployerAcceptsAnApplicant() {
        List<Student> students = fixtures.students(school.schoolClass(school.college()), 2);
        long employer = fixtures.employer();
        long position = fixtures.published(employer, 1, SelectionMode.EMPLOYER_CHOICE, Set.of());
        for (Student s : students) {
            Page page = studentOnPhone(s);
            page.navigate("/jobs/" + position);
            page.click("#apply");
            assertThat(page.locator("#apply-outcome")).containsText("等待用人单位选择");
        }
        String contact = school.account(Grant.of(Role.EMPLOYER, employer));
        Page page = browser().desktop();
        Browser.login(page, contact, Fixtures.PASSWORD);
        page.navigate("/placements");
        page.click("#managed-positions a");
        assertThat(page.locator("#applicants tbody tr")).hasCount(2);
        // "不录用" on one line, as high as "录用"
        page.setViewportSize(1366, 860);
        org.assertj.core.api.Assertions.assertThat(page.locator("button.reject").first().boundingBox().height)
                .isEqualTo(page.locator("button.accept").first().boundingBox().height);
        Browser.screenshot(page, "employer-1-applicants");
        page.locator("#applicants tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(students.get(0).studentNo())).locator("button.accept").click();
        assertThat(page.locator("#placed")).containsText(students.get(0).studentNo());
        var second = page.locator("#applicants tbody tr").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText(students.get(1).studentNo()));
        second.locator("input.reason").fill("名额已满，下次再来");
        second.locator("button.reject").click();
        assertThat(page.locator("#applicants")).containsText("名额已满，下次再来");
        Browser.screenshot(page, "employer-2-decided");
        assertThat(placements.activePlacement(position, students.get(0).id())).isTrue();
    }
}
