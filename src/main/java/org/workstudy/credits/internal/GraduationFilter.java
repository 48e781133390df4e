package org.workstudy.credits.internal;

/** Which students of the audit to list; every part may be null (all). */
public record GraduationFilter(GraduationStatus status, Long collegeId, Long classId) {

    public static GraduationFilter all() {
        return new GraduationFilter(null, null, null);
    }
}
