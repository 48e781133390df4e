package org.workstudy.organization;

/** 班级: of a major (and so a college) and a cohort (年级, the year of enrolment). */
public record SchoolClass(long id, long majorId, long collegeId, int cohort, String name, boolean active) {
}
