package org.workstudy.organization;

/** Filters of the student list; every part optional. {@code text} matches 学号 or name. */
public record StudentQuery(String text, Long collegeId, Long classId, Integer cohort, StudentStatus status) {

    public static StudentQuery all() {
        return new StudentQuery(null, null, null, null, null);
    }
}
