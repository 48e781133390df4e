package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.credits.GraduationFixtures;
import org.workstudy.organization.Student;
import org.workstudy.support.IntegrationTest;

/**
 * Academic affairs runs the graduation audit (毕业审核): chooses the graduating cohort and a class, reads the numbers
 * per status, defers the class's deficient students (暂缓毕业) and sees them on the deferred list; the print view;
 * a deferred student sees their make-up on a phone. Screenshots in target/screenshots/graduation-*.png.
 */
@IntegrationTest
class GraduationAuditBrowserTest extends BrowserJourney {

    @Autowired
    GraduationFixtures fixtures;
    @Autowired
    org.workstudy.hours.HoursFixtures hoursFixtures;

    /** Cohort 2024 is in its window (to early 2027): nobody can be deferred yet, nothing offers it, the page says why. */
    @Test
    void aCohortStillInItsWindowOffersNoDeferralAndSaysWhy() {
        var x = hoursFixtures.placed(2);
        Page page = browser().desktop();
        Browser.login(page, "jiaowu", "Demo1234");
        page.navigate("/graduation?cohort=2024&class=" + x.classId());
        assertThat(page.locator("#graduation-students tbody tr[data-status='DEFICIENT']")).hasCount(2);
        assertThat(page.locator("#graduation-defer-all")).hasCount(0);
        assertThat(page.locator("#graduation-students button")).hasCount(0);
        assertThat(page.locator("#graduation-defer-not-yet")).containsText("窗口结束后才能列入暂缓毕业");
        assertThat(page.locator("#graduation-students")).containsText("起可暂缓");
        Browser.screenshot(page, "graduation-0-window-open");
    }

    @Test
    void academicAffairsRunsTheAuditAndDefersTheDeficient() {
        GraduationFixtures.Cohort c = fixtures.cohort(3);
        fixtures.work(c, 0, LocalDate.of(2024, 7, 1), new BigDecimal("360"));
        fixtures.work(c, 1, LocalDate.of(2024, 7, 1), new BigDecimal("100"));
        fixtures.work(c, 2, LocalDate.of(2024, 7, 1), new BigDecimal("354"));

        Page page = browser().desktop();
        Browser.login(page, "jiaowu", "Demo1234");
        page.click("text=学分与毕业");
        page.click("a.dropdown-item[href='/graduation']");
        page.selectOption("#cohort", "2023");
        page.click("#graduation-show");
        page.waitForLoadState();
        assertThat(page.locator("#graduation-colleges")).isVisible();
        Browser.screenshot(page, "graduation-1-cohort");

        page.selectOption("#class", String.valueOf(c.classId()));
        page.click("#graduation-show");
        page.waitForLoadState();
        Locator students = page.locator("#graduation-students tbody tr");
        assertThat(students).hasCount(3);
        assertThat(page.locator("#graduation-students tbody tr[data-status='DEFICIENT']")).hasCount(2);
        assertThat(page.locator("#graduation-students")).containsText("260.0");
        assertThat(page.locator("#graduation-students")).containsText("6.0");
        Browser.screenshot(page, "graduation-2-class");

        page.onDialog(d -> d.accept());
        page.click("#graduation-defer-all");
        page.waitForLoadState();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/graduation/deferrals\\?cohort=2023"));
        assertThat(page.locator("#graduation-done")).isVisible();
        Locator deferred = page.locator("#graduation-deferred tbody tr[data-status='DEFERRED']");
        assertThat(deferred.filter(new Locator.FilterOptions().setHasText(c.students().get(1).studentNo())))
                .hasCount(1);
        assertThat(deferred.filter(new Locator.FilterOptions().setHasText(c.students().get(2).studentNo())))
                .containsText("6.0");
        Browser.screenshot(page, "graduation-3-deferred-list");

        page.navigate("/graduation/print?cohort=2023&class=" + c.classId());
        assertThat(page.locator("#graduation-print-students tbody tr")).hasCount(3);
        Browser.screenshot(page, "graduation-4-print");

        Student deferredStudent = c.students().get(2);
        Page phone = studentOnPhone(deferredStudent);
        phone.navigate("/my/graduation");
        assertThat(phone.locator("#graduation-mine")).containsText("暂缓毕业");
        Browser.screenshot(phone, "graduation-5-student-phone");
    }
}
