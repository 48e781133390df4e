package org.workstudy.awards;

/**
 * What a record is for; the category decides whether it is a reward or a penalty. 通报表扬 and 优秀勤工助学学生 are
 * rewards; 未按时到岗 (no-show at a placement), 虚报工时 (falsified hours) and 其他违纪 are penalties.
 */
public enum AwardCategory {
    PRAISE(false), OUTSTANDING(false), NO_SHOW(true), FALSIFIED_HOURS(true), MISCONDUCT(true);

    private final boolean penalty;

    AwardCategory(boolean penalty) {
        this.penalty = penalty;
    }

    public boolean penalty() {
        return penalty;
    }

    /** REWARD or PENALTY. */
    public String kind() {
        return penalty ? "PENALTY" : "REWARD";
    }
}
