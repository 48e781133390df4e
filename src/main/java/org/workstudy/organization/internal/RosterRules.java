package org.workstudy.organization.internal;

import org.workstudy.shared.IdCardNumber;

/** Formats of roster fields, shared by the forms and the import. */
public final class RosterRules {

    public static final String STUDENT_NO = "[0-9A-Za-z]{6,20}";
    public static final String TERM = "\\d{4}-\\d{4}-[12]";
    public static final String PHONE = "1[3-9]\\d{9}";
    public static final String ID_CARD = "\\d{17}[\\dXx]";

    private RosterRules() {
    }

    public static boolean validIdCard(String id) {
        return IdCardNumber.isValid(id);
    }
}
