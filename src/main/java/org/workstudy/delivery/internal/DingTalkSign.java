package org.workstudy.delivery.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk's signature of a group robot call ("加签"): the string {@code timestamp + "\n" + secret} is signed with
 * HmacSHA256 under the secret, Base64-encoded, then URL-encoded; the request carries {@code timestamp} (milliseconds)
 * and {@code sign}. DingTalk refuses a timestamp more than an hour away from its own time.
 */
final class DingTalkSign {

    private DingTalkSign() {
    }

    /** The Base64 signature, before URL encoding. */
    static String sign(long timestampMillis, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The query parameters to append: {@code timestamp=...&sign=...}. */
    static String query(long timestampMillis, String secret) {
        return "timestamp=" + timestampMillis + "&sign="
                + URLEncoder.encode(sign(timestampMillis, secret), StandardCharsets.UTF_8);
    }
}
