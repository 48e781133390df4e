package org.workstudy.organization;

/**
 * The kinds of 学籍异动 an administrator records. {@link #SUSPEND} takes a planned last day; {@link #RESUME},
 * {@link #TRANSFER_MAJOR}, {@link #TRANSFER_COLLEGE} and {@link #REPEAT} move the student into a class.
 */
public enum StatusChangeKind {
    /** 休学: from a date to a planned last day; the account can no longer sign in. */
    SUSPEND,
    /** 复学: back to study, into a class (the same, or a later cohort's). */
    RESUME,
    /** 转专业: into a class of another major. */
    TRANSFER_MAJOR,
    /** 转学院: into a class of another college. */
    TRANSFER_COLLEGE,
    /** 留级: into a class of a later cohort. */
    REPEAT,
    /** 退学. */
    WITHDRAW,
    /** 毕业. */
    GRADUATE;

    /** Whether the change moves the student into another class (which is then required). */
    public boolean movesClass() {
        return this == RESUME || this == TRANSFER_MAJOR || this == TRANSFER_COLLEGE || this == REPEAT;
    }

    /** The status the student has after the change. */
    public StudentStatus statusAfter() {
        return switch (this) {
            case SUSPEND -> StudentStatus.SUSPENDED;
            case WITHDRAW -> StudentStatus.WITHDRAWN;
            case GRADUATE -> StudentStatus.GRADUATED;
            default -> StudentStatus.ACTIVE;
        };
    }

    /** Parses the Chinese name used in the roster import (休学, 复学, ...) or the code; null when unknown. */
    public static StatusChangeKind parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return switch (t) {
            case "休学" -> SUSPEND;
            case "复学" -> RESUME;
            case "转专业" -> TRANSFER_MAJOR;
            case "转学院" -> TRANSFER_COLLEGE;
            case "留级" -> REPEAT;
            case "退学" -> WITHDRAW;
            case "毕业" -> GRADUATE;
            default -> {
                for (StatusChangeKind k : values()) {
                    if (k.name().equalsIgnoreCase(t)) {
                        yield k;
                    }
                }
                yield null;
            }
        };
    }
}
