package org.workstudy.delivery.internal;

/**
 * The group robot of a class or college: its webhook address as WeCom or DingTalk shows it (with the key or access
 * token in it), and the DingTalk signing secret (加签) if the robot uses one. Both are secrets: pages show the
 * address masked and the secret never.
 */
public record Robot(long id, String scopeKind, long scopeId, Provider provider, String webhook, String secret) {

    public enum Provider {
        WECOM, DINGTALK
    }

    /** The address as pages show it: up to the first four characters of its query's value. */
    public String maskedWebhook() {
        int eq = webhook.indexOf('=');
        return eq < 0 ? webhook : webhook.substring(0, Math.min(webhook.length(), eq + 5)) + "****";
    }

    public boolean signed() {
        return secret != null && !secret.isBlank();
    }
}
