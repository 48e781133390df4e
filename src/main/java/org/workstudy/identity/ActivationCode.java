package org.workstudy.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A one-time activation code: 16 characters drawn by {@link SecureRandom} from 32 that cannot be mistaken for one
 * another (no 0/O, 1/I), so 80 random bits, printed as {@code XXXX-XXXX-XXXX-XXXX}. Only its SHA-256 is stored: a
 * fast hash is enough for a random code of this entropy (nobody can try 2^80 codes), unlike a chosen password.
 */
final class ActivationCode {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ActivationCode() {
    }

    /** A new code, grouped for reading. */
    static String generate() {
        return generate(RANDOM);
    }

    static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What the person typed, without spaces or dashes, in capitals. */
    static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s\\-—_]", "").toUpperCase(Locale.ROOT);
    }

    /** Whether the typed text has the shape of a code at all (so a password typed in its place is not hashed). */
    static boolean looksLikeCode(String typed) {
        String code = normalize(typed);
        return code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    /** The stored form: SHA-256 of the normalized code, in hex. */
    static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalize(code).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares a typed code with a stored hash in constant time. */
    static boolean matches(String typed, String storedHash) {
        return storedHash != null && looksLikeCode(typed) && MessageDigest.isEqual(
                hash(typed).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
