package org.workstudy.credits;

import java.security.SecureRandom;
import java.util.Locale;

import org.workstudy.shared.SchoolClock;

/**
 * Certificate verification codes: 12 characters drawn by {@link SecureRandom} from 31 that cannot be mistaken for
 * each other (no 0/O, 1/I/L), about 59 bits, so that codes cannot be guessed or enumerated. Printed in groups of
 * four (ABCD-EFGH-JKMN); typed in any case, with or without dashes and spaces.
 */
public final class VerificationCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {
    }

    public static String generate() {
        return generate(RANDOM);
    }

    /**
     * A code from the clock's code source ({@link SchoolClock#codeRandom}): SecureRandom, except in the demo
     * school's seeded history, where the same key gives the same code on every fresh start.
     */
    public static String generate(java.time.Clock clock, String key) {
        return generate(clock instanceof SchoolClock school ? school.codeRandom(key) : RANDOM);
    }

    private static String generate(java.util.Random random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The stored form of what someone typed, or null when it cannot be a code. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return null;
            }
        }
        return code;
    }

    /** ABCD-EFGH-JKMN */
    public static String display(String code) {
        if (code == null || code.length() != LENGTH) {
            return code;
        }
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }
}
