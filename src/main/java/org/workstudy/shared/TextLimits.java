package org.workstudy.shared;

/**
 * Length limits of free text, checked before anything is written: overlong text is refused naming the field and its
 * limit (the database column would refuse it with a 500, and cutting it would lose what the user wrote).
 */
public final class TextLimits {

    private TextLimits() {
    }

    /** The stripped text (null stays null); refuses it when longer than {@code max} characters or when it has a NUL. */
    public static String require(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw BusinessException.tooLong(field, max);
        }
        if (text.indexOf('\0') >= 0) {
            throw BusinessException.invalid("error.control-character").field(field);
        }
        return text;
    }
}
