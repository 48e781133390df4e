package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.Accounts;
import org.workstudy.support.IntegrationTest;

/**
 * The administrator reads the audit trail: record kinds and actions in words, people by name and account, the
 * system as "系统", changes as field → old/new lines (no JSON); the same in English. Screenshots audit-*.png.
 */
@IntegrationTest
class AuditTrailBrowserTest extends BrowserJourney {

    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Accounts accounts;

    @Test
    void theTrailReadsAsSentencesNotKeys() {
        String id = "walk-" + System.nanoTime();
        tx.executeWithoutResult(s -> trail.record("calendar-special-day", id, "create",
                Map.of("date", "2026-10-01", "kind", "HOLIDAY", "note", "国庆节")));
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("zhuren", "x", List.of()));
        try {
            tx.executeWithoutResult(s -> trail.recordChange("exemption", id, "counselor-approved",
                    Map.of("status", "SUBMITTED", "reason", ""), Map.of("status", "COUNSELOR_APPROVED", "reason", "材料齐全")));
        } finally {
            SecurityContextHolder.clearContext();
        }
        String director = accounts.findByUsername("zhuren").orElseThrow().displayName();

        Page page = browser().desktop();
        page.setViewportSize(1366, 860);
        Browser.login(page, "admin", "Demo1234");
        page.navigate("/admin/audit?entityId=" + id);
        Locator lines = page.locator("tr.audit-line");
        assertThat(lines).hasCount(2);
        Locator change = lines.first();
        assertThat(change.locator(".audit-action")).hasText("辅导员同意");
        assertThat(change.locator(".audit-entity")).containsText("免修/抵免申请");
        assertThat(change.locator(".audit-actor")).containsText(director);
        assertThat(change.locator(".audit-actor")).containsText("zhuren");
        assertThat(change.locator(".audit-fields")).containsText("状态");
        assertThat(change.locator(".audit-fields")).containsText("SUBMITTED → COUNSELOR_APPROVED");
        assertThat(change.locator(".audit-old", new Locator.LocatorOptions().setHasText("SUBMITTED"))).hasCount(1);
        assertThat(change.locator(".audit-fields")).containsText("（空）");
        Locator created = lines.nth(1);
        assertThat(created.locator(".audit-action")).hasText("新建");
        assertThat(created.locator(".audit-entity")).containsText("校历特殊日");
        assertThat(created.locator(".audit-actor")).hasText("系统（自动）");
        assertThat(created.locator(".audit-fields")).containsText("国庆节");
        assertThat(page.locator(".audit-table")).not().containsText("{");
        assertThat(page.locator(".audit-table")).not().containsText("calendar-special-day");
        Browser.screenshot(page, "audit-1-desktop");

        page.navigate("/admin/audit?lang=en&entityId=" + id);
        assertThat(lines.first().locator(".audit-action")).hasText("Counselor approved");
        assertThat(lines.nth(1).locator(".audit-entity")).containsText("Calendar special day");
        page.navigate("/admin/audit?lang=zh&entityId=" + id);

        page.setViewportSize(390, 844);
        Browser.screenshot(page, "audit-2-phone");
    }
}
