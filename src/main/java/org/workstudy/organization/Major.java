package org.workstudy.organization;

/** 专业, in one college. */
public record Major(long id, long collegeId, String code, String name, boolean active) {
}
