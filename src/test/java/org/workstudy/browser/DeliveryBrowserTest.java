package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.delivery.internal.OutboxDelivery;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.notifications.Notifications;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

import com.microsoft.playwright.Page;

/**
 * A student chooses e-mail on a phone from the messages page; the administrator switches e-mail and group robots on,
 * adds a class robot, and sees the message that could not be delivered (the SMTP server here refuses connections)
 * with its reason and a retry. Screenshots in target/screenshots (delivery-*).
 */
@IntegrationTest
class DeliveryBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Accounts accounts;
    @Autowired
    Notifications notifications;
    @Autowired
    OutboxDelivery delivery;

    @Test
    void aStudentChoosesEmailAndTheAdministratorSeesWhatWasNotDelivered() {
        long classId = fixtures.schoolClass(fixtures.college());
        String student = fixtures.account(Grant.of(Role.STUDENT, fixtures.student(classId)));
        String admin = fixtures.account(Grant.school(Role.ADMIN));

        Page desk = browser().desktopIn("zh-CN,zh;q=0.9");
        Browser.login(desk, admin, Fixtures.PASSWORD);
        desk.click("text=系统管理");
        desk.click("a.dropdown-item[href='/admin/delivery']");
        assertThat(desk.locator("h1")).hasText("消息推送（邮件、企业微信、钉钉）");
        desk.check("#emailOn");
        desk.fill("#smtpHost", "127.0.0.1");
        desk.fill("#smtpPort", "1"); // nothing listens there: the e-mail will fail
        desk.selectOption("#smtpSecurity", "NONE");
        desk.fill("#smtpFrom", "workstudy@xmcollege.edu.cn");
        desk.fill("#smtpPassword", "Secret-Pa55");
        desk.check("#groupOn");
        desk.click("#save-school");
        assertThat(desk.locator(".alert-success")).hasText("已保存。");
        assertThat(desk.locator("#smtpPassword")).hasAttribute("placeholder", "已设置（留空则不变）");
        assertThat(desk.locator("#smtpPassword")).hasValue("");

        desk.selectOption("#scopeKind", "CLASS");
        desk.selectOption("#scopeId", String.valueOf(classId));
        desk.selectOption("#provider", "WECOM");
        desk.fill("#webhook", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0");
        desk.click("#save-robot");
        assertThat(desk.locator(".alert-success")).hasText("群机器人已保存。");
        assertThat(desk.locator("#delivery-robots")).containsText("key=693a****");
        assertThat(desk.locator("#delivery-robots")).not().containsText("7xxx");

        Page phone = browser().phone();
        Browser.login(phone, student, Fixtures.PASSWORD);
        phone.navigate("/notifications");
        phone.click("#channels-link");
        phone.fill("#email", "not-an-address");
        phone.check("#emailOn");
        phone.click("#save-channels");
        assertThat(phone.locator("#delivery-error")).hasText("邮件地址格式不正确。");
        assertThat(phone.locator("#email")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        Browser.screenshot(phone, "delivery-1-student-refused");
        phone.fill("#email", student + "@students.xmcollege.edu.cn");
        phone.click("#save-channels");
        assertThat(phone.locator(".alert-success")).hasText("已保存。");
        assertThat(phone.locator("#emailOn")).isChecked();

        long studentId = accounts.findByUsername(student).orElseThrow().id();
        fixtures.inTransaction(() -> {
            notifications.send(studentId, "notifications.announcement", List.of("工时确认", "请确认三月的工时"), "/notifications");
            return null;
        });
        delivery.deliverDue();
        phone.navigate("/delivery/settings");
        assertThat(phone.locator("#delivery-recent")).containsText("【通知】工时确认：请确认三月的工时");
        assertThat(phone.locator("#delivery-recent")).containsText("待发送");
        Browser.screenshot(phone, "delivery-2-student-channels");

        desk.navigate("/admin/delivery");
        assertThat(desk.locator("#delivery-failures")).containsText(student + "@students.xmcollege.edu.cn");
        assertThat(desk.locator("#delivery-failures")).containsText("SMTP 127.0.0.1:1");
        assertThat(desk.locator("#delivery-failures")).containsText("下次尝试");
        Browser.screenshot(desk, "delivery-3-admin");
        Page adminPhone = browser().phone();
        Browser.login(adminPhone, admin, Fixtures.PASSWORD);
        adminPhone.navigate("/admin/delivery");
        Browser.screenshot(adminPhone, "delivery-4-admin-phone");

        // leave the school's delivery as the other tests expect it: off
        desk.uncheck("#emailOn");
        desk.uncheck("#groupOn");
        desk.click("#save-school");
        assertThat(desk.locator(".alert-success")).hasText("已保存。");
    }
}
