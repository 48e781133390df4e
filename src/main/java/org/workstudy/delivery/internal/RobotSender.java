package org.workstudy.delivery.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.workstudy.shared.JsonStrings;

/**
 * Posts a text message to a group robot's webhook. WeCom (企业微信):
 * {@code POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY}; DingTalk (钉钉):
 * {@code POST https://oapi.dingtalk.com/robot/send?access_token=TOKEN[&timestamp=..&sign=..]} (signed when the robot
 * has a secret, see {@link DingTalkSign}). Both take {@code {"msgtype":"text","text":{"content":"..."}}} and answer
 * {@code {"errcode":0,"errmsg":"ok"}}; any other errcode or HTTP status is a failure.
 */
@Component
class RobotSender {

    private static final Pattern ERRCODE = Pattern.compile("\"errcode\"\\s*:\\s*(-?\\d+)");
    private static final Pattern ERRMSG = Pattern.compile("\"errmsg\"\\s*:\\s*\"([^\"]{0,200})");

    private final RobotWebhooks webhooks;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    RobotSender(RobotWebhooks webhooks, @Value("${workstudy.delivery.timeout:PT10S}") Duration timeout, Clock clock) {
        this.webhooks = webhooks;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Where a robot's messages go, without its token (for the administrator's page and logs). */
    String describe(Robot robot) {
        return robot.provider() + " " + robot.scopeKind() + "#" + robot.scopeId();
    }

    void send(Robot robot, String text) throws SendFailed {
        if (!webhooks.allowed(robot.webhook(), robot.provider())) { // the allowed hosts may have changed since
            throw new SendFailed(describe(robot) + ": webhook address not allowed (workstudy.delivery.robot-hosts)");
        }
        String url = robot.provider() == Robot.Provider.DINGTALK && robot.signed()
                ? robot.webhook() + "&" + DingTalkSign.query(clock.millis(), robot.secret()) : robot.webhook();
        String body = "{\"msgtype\":\"text\",\"text\":{\"content\":" + JsonStrings.quote(text) + "}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SendFailed(describe(robot) + ": " + EmailSender.rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailed(describe(robot) + ": interrupted", e);
        }
        String answer = response.body() == null ? "" : response.body();
        Matcher code = ERRCODE.matcher(answer);
        if (response.statusCode() != 200 || !code.find() || !"0".equals(code.group(1))) {
            Matcher msg = ERRMSG.matcher(answer);
            throw new SendFailed(describe(robot) + ": HTTP " + response.statusCode()
                    + (code.find(0) ? " errcode " + code.group(1) : "") + (msg.find() ? " " + msg.group(1) : ""));
        }
    }

}
