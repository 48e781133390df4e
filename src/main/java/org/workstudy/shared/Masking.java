package org.workstudy.shared;

/** Masks personal data for lists and exports that do not need it in full. */
public final class Masking {

    private Masking() {
    }

    /** 13812345678 → 138****5678. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** 350203200001011234 → 3502**********1234. */
    public static String idCard(String idCard) {
        if (idCard == null || idCard.length() < 8) {
            return idCard == null ? null : "****";
        }
        return idCard.substring(0, 4) + "*".repeat(idCard.length() - 8) + idCard.substring(idCard.length() - 4);
    }
}
