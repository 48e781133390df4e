package org.workstudy.organization;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Formats of roster fields, shared by the forms and the import. */
final class RosterRules {

    static final String STUDENT_NO = "[0-9A-Za-z]{6,20}";
    static final String TERM = "\\d{4}-\\d{4}-[12]";
    static final String PHONE = "1[3-9]\\d{9}";
    static final String ID_CARD = "\\d{17}[\\dXx]";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private RosterRules() {
    }

    /** A mainland resident ID (18 characters): a real birth date and the ISO 7064 check character. */
    static boolean validIdCard(String id) {
        if (id == null || !id.matches(ID_CARD)) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == CHECK[sum % 11];
    }

    /** Appends the check character to 17 digits (for generated demo data). */
    static String withCheckChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK[sum % 11];
    }

    /** The initial password of a student account: the last 6 characters of the ID card, else the student number. */
    static String initialPassword(String studentNo, String idCardNo) {
        return idCardNo != null && !idCardNo.isBlank() ? idCardNo.substring(idCardNo.length() - 6).toUpperCase()
                : studentNo;
    }
}
