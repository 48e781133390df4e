package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.policy.Policies;
import org.workstudy.support.IntegrationTest;

/**
 * The administrator adds a policy version for the next cohort: from the administration menu, a refused first try
 * (a cohort that already has a version), then the new version with its own numbers; the center reads the versions
 * on a phone. Screenshots in target/screenshots.
 */
@IntegrationTest
class PolicyJourneyBrowserTest extends BrowserJourney {

    @Autowired
    Policies policies;

    @Test
    void anAdministratorCreatesAPolicyVersionForTheNextCohort() {
        int cohort = policies.earliestNewCohort();
        int previous = policies.newest().fromCohort();
        String required = policies.newest().requiredHours().stripTrailingZeros().toPlainString();
        Page page = browser().desktop();
        Browser.login(page, "admin", "Demo1234");
        page.click("text=系统管理");
        page.click("a.dropdown-item[href='/admin/policy']");
        assertThat(page.locator("#versions")).isVisible();
        assertThat(page.locator("#version-" + previous)).containsText(previous + "级起");
        Browser.screenshot(page, "policy-1-versions");

        page.click("#new-version");
        assertThat(page.locator("#requiredHours")).hasValue(required);
        assertThat(page.locator("#fromCohort")).hasValue(String.valueOf(cohort));
        Browser.screenshot(page, "policy-2-form-prefilled");

        page.fill("#fromCohort", "2016");
        page.fill("#hoursPerDay", "25");
        page.click("#policy-save");
        assertThat(page.locator("#policy-errors")).containsText("2016级不晚于现有最新版本的起始年级");
        assertThat(page.locator("#policy-errors")).containsText("每天折合小时数应在 0.5 至 24 之间");
        assertThat(page.locator("#hoursPerDay")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        Browser.screenshot(page, "policy-3-refused");

        page.fill("#name", cohort + "版");
        page.fill("#fromCohort", String.valueOf(cohort));
        page.fill("#requiredHours", "300");
        page.fill("#hoursPerDay", "5");
        page.fill("#note", "自" + cohort + "级起应修 300 小时");
        page.click("#policy-save");
        assertThat(page.locator("#version-cohorts")).hasText(cohort + "级起");
        assertThat(page.locator("#required")).hasText("300 小时（60 天，每天 5 小时）");
        Browser.screenshot(page, "policy-4-created");

        page.navigate("/admin/policy");
        assertThat(page.locator("#version-" + previous)).containsText(previous + "–" + (cohort - 1) + "级");
        assertThat(page.locator("#version-" + cohort)).containsText(cohort + "级起");
        Browser.screenshot(page, "policy-5-versions-after");
        assertThat(policies.forCohort(cohort).orElseThrow().requiredHours()).isEqualByComparingTo("300");

        Page phone = browser().phone();
        Browser.login(phone, "zhongxin", "Demo1234");
        phone.navigate("/policy");
        assertThat(phone.locator("#version-" + cohort)).containsText("300 小时（60 天，每天 5 小时）");
        assertThat(phone.locator("#new-version")).hasCount(0);
        Browser.screenshot(phone, "policy-6-center-phone");
    }
}
