package org.workstudy.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The pure rules of delivery: back-off, DingTalk's signature, which addresses and webhooks are accepted. */
class DeliveryRulesTest {

    @Test
    void retriesWaitOneMinuteThenFiveTimesLongerEachTimeAndNeverMoreThanSixHours() {
        assertThat(Backoff.after(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Backoff.after(2)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Backoff.after(3)).isEqualTo(Duration.ofMinutes(25));
        assertThat(Backoff.after(4)).isEqualTo(Duration.ofMinutes(125));
        assertThat(Backoff.after(5)).isEqualTo(Duration.ofHours(6)); // 625 minutes, capped
        assertThat(Backoff.after(50)).isEqualTo(Duration.ofHours(6));
        assertThatThrownBy(() -> Backoff.after(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dingTalkSignatureIsHmacSha256OfTimestampNewlineSecretBase64ThenUrlEncoded() {
        // expected value computed independently: printf '1700000000000\nSECabc123' | openssl dgst -sha256 -hmac 'SECabc123' -binary | base64
        assertThat(DingTalkSign.sign(1_700_000_000_000L, "SECabc123"))
                .isEqualTo("N5P09a4+p1AMJIJWnIvQd2Yxw9+fu/oEBnPrjCcsLXk=");
        assertThat(DingTalkSign.query(1_700_000_000_000L, "SECabc123"))
                .isEqualTo("timestamp=1700000000000&sign=N5P09a4%2Bp1AMJIJWnIvQd2Yxw9%2Bfu%2FoEBnPrjCcsLXk%3D");
    }

    @Test
    void emailAddressesNeedOneAtAndADottedDomain() {
        assertThat(Addresses.isEmail("zhang.san@xmu.edu.cn")).isTrue();
        assertThat(Addresses.isEmail("zhangsan@qq.com")).isTrue();
        assertThat(Addresses.isEmail("zhangsan@localhost")).isFalse();
        assertThat(Addresses.isEmail("zhang san@qq.com")).isFalse();
        assertThat(Addresses.isEmail("a@b@qq.com")).isFalse();
        assertThat(Addresses.isEmail("@qq.com")).isFalse();
        assertThat(Addresses.isEmail("a".repeat(64) + "@" + "b".repeat(185) + ".com")).isTrue(); // 254
        assertThat(Addresses.isEmail("a".repeat(64) + "@" + "b".repeat(186) + ".com")).isFalse(); // 255
    }

    @Test
    void robotWebhooksGoOnlyToTheAllowedHostsOverHttpsWithTheirKey() {
        RobotWebhooks webhooks = new RobotWebhooks("qyapi.weixin.qq.com, oapi.dingtalk.com,127.0.0.1");
        assertThat(webhooks.allowed("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx",
                Robot.Provider.WECOM)).isTrue();
        assertThat(webhooks.allowed("https://oapi.dingtalk.com/robot/send?access_token=abc123",
                Robot.Provider.DINGTALK)).isTrue();
        // the other provider's parameter, no key, plain HTTP, another host, credentials in the address
        assertThat(webhooks.allowed("https://oapi.dingtalk.com/robot/send?access_token=abc", Robot.Provider.WECOM))
                .isFalse();
        assertThat(webhooks.allowed("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=", Robot.Provider.WECOM))
                .isFalse();
        assertThat(webhooks.allowed("http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", Robot.Provider.WECOM))
                .isFalse();
        assertThat(webhooks.allowed("https://10.0.0.5/cgi-bin/webhook/send?key=k", Robot.Provider.WECOM)).isFalse();
        assertThat(webhooks.allowed("https://qyapi.weixin.qq.com.evil.cn/send?key=k", Robot.Provider.WECOM)).isFalse();
        assertThat(webhooks.allowed("https://u:p@qyapi.weixin.qq.com/send?key=k", Robot.Provider.WECOM)).isFalse();
        assertThat(webhooks.allowed("not a url", Robot.Provider.WECOM)).isFalse();
        // plain HTTP only to a loopback host that is allowed
        assertThat(webhooks.allowed("http://127.0.0.1:8080/robot?key=k", Robot.Provider.WECOM)).isTrue();
        assertThat(new RobotWebhooks("qyapi.weixin.qq.com").allowed("http://127.0.0.1:8080/robot?key=k",
                Robot.Provider.WECOM)).isFalse();
    }

    @Test
    void pagesShowOnlyTheStartOfAWebhookKey() {
        Robot robot = new Robot(1, "CLASS", 2, Robot.Provider.WECOM,
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4", null);
        assertThat(robot.maskedWebhook()).isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a****");
        assertThat(robot.maskedWebhook()).doesNotContain("7xxx");
    }
}
