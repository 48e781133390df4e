package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.positions.PositionsSeed;
import org.workstudy.support.IntegrationTest;

/** The center's journey through a position: create, submit, approve, publish. Screenshots in target/screenshots. */
@IntegrationTest
class PositionJourneyBrowserTest extends BrowserJourney {

    @Autowired
    PositionsSeed seed;

    @Test
    void aCenterStaffMemberCreatesSubmitsApprovesAndPublishesAPosition() {
        seed.loadDemo();
        Page page = browser().desktop();
        Browser.login(page, "zhongxin", "Demo1234");
        page.navigate("/positions");
        assertThat(page.locator("#positions")).isVisible();
        Browser.screenshot(page, "positions-1-bank");
        page.click("#new-position");
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        page.fill("#title", "图书馆周末整架助理");
        page.selectOption("#employerId", new com.microsoft.playwright.options.SelectOption().setLabel("图书馆 (校内)"));
        page.fill("#description", "周末整理书架、归还图书上架。");
        page.check("#kind-WEEKEND");
        page.fill("#place", "图书馆三楼");
        page.fill("#capacity", "4");
        page.fill("#hoursPerShift", "4");
        page.fill("#hourlyPay", "16");
        page.fill("#workFrom", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        page.fill("#workTo", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(90).toString());
        page.fill("#opensAt", now.minusHours(1).format(local));
        page.fill("#closesAt", now.plusDays(14).format(local));
        Browser.screenshot(page, "positions-2-form");
        page.click("#position-save");
        assertThat(page.locator("#position-status")).hasText("草稿");
        page.click("#action-submit");
        assertThat(page.locator("#position-status")).hasText("待审核");
        page.click("#action-approve");
        assertThat(page.locator("#position-status")).hasText("已审核");
        page.click("#action-publish");
        assertThat(page.locator("#position-status")).hasText("已发布");
        assertThat(page.locator("#position-history li")).hasCount(4);
        Browser.screenshot(page, "positions-3-published");
        page.navigate("/plans");
        assertThat(page.locator("#plans")).isVisible();
        Browser.screenshot(page, "positions-4-plans");
        page.navigate("/employers");
        Browser.screenshot(page, "positions-5-employers");
        Page phone = browser().phone();
        Browser.login(phone, "zhongxin", "Demo1234");
        phone.navigate("/positions");
        Browser.screenshot(phone, "positions-6-bank-phone");
    }
}
