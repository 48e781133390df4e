package org.workstudy.notices.internal;

/**
 * One line of a notice as its readers see it: the student's number, name and class and the public detail, nothing
 * personal. {@code id} names the line in an objection.
 */
public record NoticeLine(long id, int lineNo, long studentId, String studentNo, String studentName,
        String className, long subjectId, String detail, boolean withdrawn) {
}
