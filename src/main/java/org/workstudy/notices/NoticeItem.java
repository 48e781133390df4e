package org.workstudy.notices;

/**
 * One line of a public notice: the student, the record it is about ({@code subjectId}: an exemption's id, or a
 * recognition's id) and a short public detail ("免修", "抵扣 180 学时", "360 学时"). Never a hardship reason or any
 * other personal detail: a notice is read by the whole college.
 */
public record NoticeItem(long studentId, long subjectId, String detail) {
}
