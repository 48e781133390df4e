package org.workstudy.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A term (学期) as Chinese registrars write it: academic year and half, 2024-2025-1 for the autumn term that starts
 * in 2024 and 2024-2025-2 for the spring term of 2025.
 */
public record TermCode(int startYear, int half) implements Comparable<TermCode> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{4})-([12])");

    public TermCode {
        if (half != 1 && half != 2) {
            throw BusinessException.invalid("error.term-code", startYear + "-" + half);
        }
    }

    public static TermCode parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw BusinessException.invalid("error.term-code", text);
        }
        return new TermCode(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)));
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (BusinessException e) {
            return false;
        }
    }

    public boolean isAutumn() {
        return half == 1;
    }

    /** The calendar year the term's teaching starts in. */
    public int calendarYear() {
        return isAutumn() ? startYear : startYear + 1;
    }

    public TermCode next() {
        return isAutumn() ? new TermCode(startYear, 2) : new TermCode(startYear + 1, 1);
    }

    @Override
    public int compareTo(TermCode other) {
        return startYear != other.startYear ? Integer.compare(startYear, other.startYear)
                : Integer.compare(half, other.half);
    }

    @Override
    public String toString() {
        return startYear + "-" + (startYear + 1) + "-" + half;
    }
}
