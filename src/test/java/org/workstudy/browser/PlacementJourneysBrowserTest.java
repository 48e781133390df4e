package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Student;
import org.workstudy.placements.Applications;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.placements.Placements;
import org.workstudy.positions.PositionBank;
import org.workstudy.positions.PositionView;
import org.workstudy.positions.SelectionMode;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * A student finds a position and applies on a phone, seeing only the positions open to them unless they ask for all;
 * an employer accepts an applicant.
 */
@IntegrationTest
class PlacementJourneysBrowserTest extends BrowserJourney {

    @Autowired
    PlacementFixtures fixtures;
    @Autowired
    Fixtures school;
    @Autowired
    Placements placements;
    @Autowired
    Applications applications;
    @Autowired
    PositionBank positions;
    @Autowired
    Organization organization;

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

    /**
     * A student of college A sees by default only the positions open to them (A only, everyone), and with 「全部岗位」
     * also those for college B only and for cohort 2023 only, each saying whom it is for and offering no apply button;
     * an apply sent anyway is refused by the server.
     */
    @Test
    void aStudentSeesThePositionsOpenToThemAndOnAskingAllWithWhomTheOthersAreFor() {
        long collegeA = school.college();
        long collegeB = school.college();
        Student student = fixtures.students(school.schoolClass(collegeA), 1).get(0);
        String employerName = "面向测试单位" + Fixtures.next() + "号"; // found by its name alone
        long employer = fixtures.employer(employerName);
        long forA = fixtures.published(employer, 2, SelectionMode.FIRST_COME, Set.of(collegeA));
        long forB = fixtures.published(employer, 2, SelectionMode.FIRST_COME, Set.of(collegeB));
        long forAll = fixtures.published(employer, 2, SelectionMode.FIRST_COME, Set.of());
        long for2023 = fixtures.published(employer, 2, SelectionMode.FIRST_COME, Set.of(), Set.of(2023));
        String collegeBName = organization.college(collegeB).orElseThrow().name();
        String search = "/jobs?text=" + URLEncoder.encode(employerName, StandardCharsets.UTF_8);

        Page page = studentOnPhone(student);
        page.navigate(search);
        Locator cards = page.locator("#jobs .job-card");
        assertThat(cards).hasCount(2);
        assertThat(page.locator("#jobs")).containsText(position(forA).title());
        assertThat(page.locator("#jobs")).containsText(position(forAll).title());
        assertThat(page.locator("#jobs")).not().containsText(position(forB).title());
        assertThat(page.locator("#jobs .not-open-to")).hasCount(0);
        assertThat(page.locator("#jobs-mine")).hasAttribute("aria-current", "true");
        assertThat(page.locator("#jobs-hidden")).containsText("另有 2 个岗位不面向您的学院或年级");
        Browser.screenshot(page, "student-jobs-eligible-1-mine-390");

        page.click("#jobs-all");
        assertThat(cards).hasCount(4);
        assertThat(page.locator("#jobs-all")).hasAttribute("aria-current", "true");
        assertThat(card(page, forB).locator(".not-open-to")).hasText("本岗位仅面向 " + collegeBName);
        assertThat(card(page, for2023).locator(".not-open-to")).hasText("本岗位仅面向 2023级");
        assertThat(card(page, forA).locator(".not-open-to")).hasCount(0);
        assertThat(card(page, forAll).locator(".not-open-to")).hasCount(0);
        Browser.screenshot(page, "student-jobs-eligible-2-all-390");
        page.setViewportSize(1366, 860);
        Browser.screenshot(page, "student-jobs-eligible-2-all-1366");
        page.click("#job-filter button"); // searching again keeps 「全部岗位」
        assertThat(cards).hasCount(4);

        page.navigate("/jobs/" + forB);
        assertThat(page.locator("#not-open-to")).hasText("本岗位仅面向 " + collegeBName);
        assertThat(page.locator("#apply-refusal")).hasText("该岗位不面向您所在的学院或年级。");
        assertThat(page.locator("#apply")).hasCount(0);
        Browser.screenshot(page, "student-jobs-eligible-3-not-open-1366");
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "student-jobs-eligible-3-not-open-390");
        // an apply sent without the button is refused all the same
        String csrf = page.locator("meta[name=_csrf]").getAttribute("content");
        APIResponse refused = page.request().post("/jobs/" + forB + "/apply",
                RequestOptions.create().setForm(FormData.create().set("_csrf", csrf)));
        assertThat(refused.text()).contains("该岗位不面向您所在的学院或年级。");
        assertThat(applications.mineFor(PlacementFixtures.signedIn(student), forB)).isEmpty();
    }

    private PositionView position(long positionId) {
        return positions.find(positionId).orElseThrow();
    }

    private static Locator card(Page page, long positionId) {
        return page.locator("#jobs .job-card[href$='/jobs/" + positionId + "']");
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
