package org.workstudy.organization;

import org.workstudy.shared.IdCardNumber;

/** Formats of roster fields, shared by the forms and the import. */
final class RosterRules {

    static final String STUDENT_NO = "[0-9A-Za-z]{6,20}";
    static final String TERM = "\\d{4}-\\d{4}-[12]";
    static final String PHONE = "1[3-9]\\d{9}";
    static final String ID_CARD = "\\d{17}[\\dXx]";

    private RosterRules() {
    }

    static boolean validIdCard(String id) {
        return IdCardNumber.isValid(id);
    }
}
