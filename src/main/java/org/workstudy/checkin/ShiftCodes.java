package org.workstudy.checkin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.workstudy.shared.BusinessException;

/**
 * The codes of a shift, signed with the server's secret (HMAC-SHA256), so that nobody can make one without the server
 * and a code of one shift never opens another. Nothing personal goes into them.
 *
 * <ul>
 * <li><b>Token</b> (in the QR code): {@code <shift>.<step>.<mac>}, the step being the number of {@code step}-long
 * periods since the epoch. It is accepted during its own step and the next one (a student scanning at the turn of the
 * period), never before it: a photo sent home is useless a minute later.</li>
 * <li><b>Fallback code</b> (printed for places without a screen): {@code <shift>-<6 characters>}, accepted while the
 * shift is open. It does not expire by itself, so its use is shown to the employer.</li>
 * </ul>
 * Pure: no clock, no database.
 */
final class ShiftCodes {

    /** Characters of the fallback code: no 0/O, 1/I/L, so that it can be read off paper. */
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int MAC_BYTES = 12;

    private final byte[] secret;
    private final long stepSeconds;

    ShiftCodes(byte[] secret, Duration step) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("secret too short");
        }
        this.secret = secret.clone();
        this.stepSeconds = step.toSeconds();
    }

    /** What a scanned or typed code says: the shift, the step it was used in and whether it was the fallback code. */
    record Read(long shiftId, long step, boolean byCode) {
    }

    long stepAt(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), stepSeconds);
    }

    /** When a token of this step stops being accepted. */
    Instant expiresAt(long step) {
        return Instant.ofEpochSecond((step + 2) * stepSeconds);
    }

    /** When the step after this one begins (the page shows the next token then). */
    Instant nextAt(long step) {
        return Instant.ofEpochSecond((step + 1) * stepSeconds);
    }

    String token(long shiftId, long step) {
        return shiftId + "." + step + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac("token|" + shiftId + "|" + step, MAC_BYTES));
    }

    String fallback(long shiftId) {
        byte[] m = mac("code|" + shiftId, 6);
        StringBuilder code = new StringBuilder().append(shiftId).append('-');
        for (byte b : m) {
            code.append(ALPHABET.charAt((b & 0xff) % ALPHABET.length()));
        }
        return code.toString();
    }

    /**
     * Reads a token or a fallback code at this instant. Refused (422, field {@code code}) when it is malformed, not
     * signed by this server, or a token outside its time.
     */
    Read read(String text, Instant now) {
        String t = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        long current = stepAt(now);
        if (t.matches("\\d{1,18}-[" + ALPHABET + "]{6}")) {
            long shiftId = Long.parseLong(t.substring(0, t.indexOf('-')));
            if (!equal(fallback(shiftId), t)) {
                throw invalid();
            }
            return new Read(shiftId, current, true);
        }
        String raw = text == null ? "" : text.strip();
        String[] parts = raw.split("\\.");
        if (parts.length != 3 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,18}")) {
            throw invalid();
        }
        long shiftId = Long.parseLong(parts[0]);
        long step = Long.parseLong(parts[1]);
        if (!equal(token(shiftId, step), raw)) {
            throw invalid();
        }
        if (step > current || step < current - 1) {
            throw BusinessException.invalid("checkin.code.expired").field("code");
        }
        return new Read(shiftId, step, false);
    }

    private static BusinessException invalid() {
        return BusinessException.invalid("checkin.code.invalid").field("code");
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String message, int bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return java.util.Arrays.copyOf(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)), bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
