package org.workstudy.shared;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The 18-character mainland resident ID number (GB 11643): a real birth date and the ISO 7064 check character. */
public final class IdCardNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdCardNumber() {
    }

    public static boolean isValid(String id) {
        if (id == null || !id.matches("\\d{17}[\\dXx]")) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return false;
        }
        return Character.toUpperCase(id.charAt(17)) == checkChar(id);
    }

    /** Appends the check character to 17 digits. */
    public static String withCheckChar(String first17) {
        return first17 + checkChar(first17);
    }

    private static char checkChar(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
