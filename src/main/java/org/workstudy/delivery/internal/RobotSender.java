package org.workstudy.delivery.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Posts a text message to a group robot's webhook. WeCom (企业微信):
 * {@code POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY}; DingTalk (钉钉):
 * {@code POST https://oapi.dingtalk.com/robot/send?access_token=TOKEN[&timestamp=..&sign=..]} (signed when the robot
 * has a secret, see {@link DingTalkSign}). Both take {@code {"msgtype":"text","text":{"content":"..."}}} and answer
 * {@code {"errcode":0,"errmsg":"ok"}}; any other errcode or HTTP status is a failure.
 */
@Component
class RobotSender {

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
        String body = JsonMapper.shared().writeValueAsString(new TextMessage("text", new TextMessage.Text(text)));
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
        JsonNode answer = answer(response.body());
        JsonNode code = answer.path("errcode");
        if (response.statusCode() != 200 || !code.isIntegralNumber() || code.longValue() != 0) {
            JsonNode msg = answer.path("errmsg");
            String why = msg.isString() ? msg.stringValue() : null;
            throw new SendFailed(describe(robot) + ": HTTP " + response.statusCode()
                    + (code.isIntegralNumber() ? " errcode " + code.asString() : "")
                    + (why == null ? "" : " " + why.substring(0, Math.min(why.length(), 200))));
        }
    }

    /** The robot's answer as JSON; a body that is not JSON reads as nothing (and fails the send above). */
    private static JsonNode answer(String body) {
        try {
            JsonNode node = JsonMapper.shared().readTree(body == null ? "" : body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JacksonException unreadable) {
            return MissingNode.getInstance();
        }
    }

    /** The body both robots take: {@code {"msgtype":"text","text":{"content":"..."}}}. */
    record TextMessage(String msgtype, Text text) {
        record Text(String content) {
        }
    }

}
