package org.workstudy.delivery.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which robot webhook addresses the school may store: HTTPS to one of {@code workstudy.delivery.robot-hosts}
 * (default WeCom's {@code qyapi.weixin.qq.com} and DingTalk's {@code oapi.dingtalk.com}), carrying WeCom's
 * {@code key=} or DingTalk's {@code access_token=}. The server never posts to any other host (no requests into the
 * campus network through a pasted address); plain HTTP only to a loopback host (tests, a local relay).
 */
@Component
class RobotWebhooks {

    private final Set<String> hosts;

    RobotWebhooks(@Value("${workstudy.delivery.robot-hosts:qyapi.weixin.qq.com,oapi.dingtalk.com}") String hosts) {
        this.hosts = Arrays.stream(hosts.split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the address may be stored and posted to for the provider. */
    boolean allowed(String webhook, Robot.Provider provider) {
        if (webhook == null || webhook.length() > 500) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(webhook);
        } catch (URISyntaxException e) {
            return false;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        boolean schemeOk = "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback);
        String param = provider == Robot.Provider.WECOM ? "key=" : "access_token=";
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        boolean hasParam = Arrays.stream(query.split("&")).anyMatch(p -> p.startsWith(param) && p.length() > param.length());
        return schemeOk && hosts.contains(host) && uri.getUserInfo() == null && uri.getFragment() == null && hasParam;
    }
}
