package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * An administrator records a 休学 and the 复学 into another class on the 学籍异动 page (desktop, then a phone), sees
 * a refused change explained, and the student's page shows the class history. Screenshots at 1366 and 390 px.
 */
@IntegrationTest
class StatusChangesBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures school;
    @Autowired
    Roster roster;
    @Autowired
    Organization organization;
    @Autowired
    Clock clock;

    @Test
    void anAdministratorRecordsASuspensionAndTheResumptionIntoAnotherClass() {
        long college = school.college();
        long home = school.schoolClass(college);
        long other = school.schoolClass(college);
        Student s = roster.find(school.student(home)).orElseThrow();
        String otherName = organization.schoolClass(other).orElseThrow().name();
        String admin = school.account(Grant.school(Role.ADMIN));
        LocalDate today = LocalDate.now(clock);

        Page page = browser().desktop();
        Browser.login(page, admin, Fixtures.PASSWORD);
        page.navigate("/org/status-changes");
        page.fill("#find-no", s.studentNo());
        page.click("#status-find button[type=submit]");
        assertThat(page.locator("#status-current-status")).hasText("在读");

        page.selectOption("#kind", "SUSPEND");
        page.fill("#effectiveOn", today.minusDays(30).toString());
        page.fill("#untilOn", today.plusDays(120).toString());
        page.fill("#reason", "因病休学");
        page.click("#status-submit");
        assertThat(page.locator("#status-current-status")).hasText("休学");
        assertThat(page.locator(".status-history-table tbody tr")).hasCount(1);

        // a 复学 without the class it goes into is refused, saying why, and nothing changes
        page.selectOption("#kind", "RESUME");
        page.fill("#effectiveOn", today.toString());
        page.click("#status-submit");
        assertThat(page.locator("#status-error")).containsText("转入班级");
        assertThat(page.locator("#status-current-status")).hasText("休学");
        Browser.screenshot(page, "status-01-refused-desktop");

        page.selectOption("#kind", "RESUME");
        page.fill("#effectiveOn", today.toString());
        page.selectOption("#toClassId", String.valueOf(other));
        page.click("#status-submit");
        assertThat(page.locator("#status-current-status")).hasText("在读");
        assertThat(page.locator("#status-current-class")).hasText(otherName);
        assertThat(page.locator(".status-history-table tbody tr")).hasCount(2);
        assertThat(page.locator("#status-recent")).containsText(s.studentNo());
        Browser.screenshot(page, "status-02-recorded-desktop");

        Page phone = browser().phone();
        Browser.login(phone, admin, Fixtures.PASSWORD);
        phone.navigate("/org/status-changes?studentNo=" + s.studentNo());
        assertThat(phone.locator(".status-history-table tbody tr")).hasCount(2);
        Browser.screenshot(phone, "status-03-page-phone");
        phone.navigate("/org/students/" + s.id());
        assertThat(phone.locator("#student-status-history")).containsText(otherName);
        assertThat(phone.locator("#student-status-history")).containsText("复学");
        Browser.screenshot(phone, "status-04-student-phone");
    }
}
