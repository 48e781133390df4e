package org.workstudy.organization;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The students a user may see in their active role: the whole school, or the union of some colleges, some classes
 * and some individual students. Empty sets and no school flag mean nobody.
 */
public record StudentScope(boolean school, Set<Long> collegeIds, Set<Long> classIds, Set<Long> studentIds) {

    public StudentScope {
        collegeIds = Set.copyOf(collegeIds);
        classIds = Set.copyOf(classIds);
        studentIds = Set.copyOf(studentIds);
    }

    public static StudentScope nobody() {
        return new StudentScope(false, Set.of(), Set.of(), Set.of());
    }

    public boolean isNobody() {
        return !school && collegeIds.isEmpty() && classIds.isEmpty() && studentIds.isEmpty();
    }

    /**
     * A SQL condition over a student alias {@code s} and its class alias {@code c}. Only numeric ids are written
     * into it, so it is safe to concatenate.
     */
    String sql(String student, String schoolClass) {
        if (school) {
            return "1=1";
        }
        if (isNobody()) {
            return "1=0";
        }
        StringBuilder or = new StringBuilder("(1=0");
        if (!collegeIds.isEmpty()) {
            or.append(" OR ").append(schoolClass).append(".college_id IN (").append(ids(collegeIds)).append(')');
        }
        if (!classIds.isEmpty()) {
            or.append(" OR ").append(student).append(".class_id IN (").append(ids(classIds)).append(')');
        }
        if (!studentIds.isEmpty()) {
            or.append(" OR ").append(student).append(".id IN (").append(ids(studentIds)).append(')');
        }
        return or.append(')').toString();
    }

    public boolean coversCollege(long collegeId) {
        return school || collegeIds.contains(collegeId);
    }

    public boolean coversClass(long classId, long collegeId) {
        return coversCollege(collegeId) || classIds.contains(classId);
    }

    private static String ids(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
