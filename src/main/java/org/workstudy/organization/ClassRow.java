package org.workstudy.organization;

import java.util.List;

/** A class in a list: with its major, college, counselors and number of students. */
public record ClassRow(long id, String name, int cohort, long majorId, String majorName, long collegeId,
        String collegeName, boolean active, long students, List<String> counselors) {
}
