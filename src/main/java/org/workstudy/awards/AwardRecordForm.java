package org.workstudy.awards;

/**
 * A reward or penalty as typed: the student's number (学号), the category ({@link AwardCategory} name), the reason,
 * the day decided (not in the future) and, for a penalty, the last day it is in force (not before the day decided).
 */
public record AwardRecordForm(String studentNo, String category, String reason, String decidedOn,
        String validUntil) {
}
