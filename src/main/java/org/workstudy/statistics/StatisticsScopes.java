package org.workstudy.statistics;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.ClassRow;
import org.workstudy.organization.College;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Major;
import org.workstudy.organization.Organization;
import org.workstudy.organization.StudentScope;
import org.workstudy.shared.BusinessException;
import org.workstudy.statistics.internal.StatisticsPages.Choices;

/**
 * Who may read statistics, and the user's scope as organization resolves it ({@link DataScope#studentsOf}) with the
 * filter checked against it, written as conditions on statistics' own columns: a counselor's figures hold only their
 * classes, a vice dean's only their college, a student's only themselves. A college, major or class filter outside
 * the scope answers "not found".
 */
@Component
class StatisticsScopes {

    /** Roles that see statistics: every role with students in its scope but employers. */
    static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.CENTER_DIRECTOR, Role.CENTER_STAFF,
            Role.ACADEMIC_AFFAIRS, Role.LEADER, Role.VICE_DEAN, Role.COLLEGE_ADMIN, Role.COUNSELOR, Role.STUDENT);

    private final DataScope dataScope;
    private final Organization organization;

    StatisticsScopes(DataScope dataScope, Organization organization) {
        this.dataScope = dataScope;
        this.organization = organization;
    }

    /** Refuses roles without statistics (employers). */
    static void requireReader(CurrentUser user) {
        if (user.activeRole() == null || !READERS.contains(user.activeRole())) {
            throw BusinessException.forbidden();
        }
    }

    /** The user's scope with the filter checked against it. */
    Scoped scoped(CurrentUser user, StatsFilter f) {
        requireReader(user);
        StudentScope scope = dataScope.studentsOf(user);
        if (f.collegeId() != null) {
            dataScope.requireCollege(user, f.collegeId());
        }
        if (f.classId() != null) {
            dataScope.requireClass(user, f.classId());
        }
        Long college = f.collegeId() != null ? f.collegeId()
                : !scope.school() && scope.collegeIds().size() == 1 ? scope.collegeIds().iterator().next() : null;
        if (f.majorId() != null) {
            Major major = organization.major(f.majorId())
                    .orElseThrow(() -> BusinessException.notFound("error.not-found"));
            boolean covered = scope.coversCollege(major.collegeId()) || scope.classIds().stream()
                    .map(organization::schoolClass).flatMap(Optional::stream)
                    .anyMatch(c -> c.majorId() == major.id());
            if (!covered) {
                throw BusinessException.notFound("error.not-found");
            }
            college = major.collegeId();
        }
        return new Scoped(scope, level(scope, f), college);
    }

    /** The colleges, majors and classes the filter form offers in the user's scope. */
    Choices choices(CurrentUser user, StatsFilter filter) {
        StudentScope scope = dataScope.studentsOf(user);
        List<College> colleges = organization.colleges().stream().filter(c -> scope.coversCollege(c.id())).toList();
        Long college = filter.collegeId() != null ? filter.collegeId()
                : scope.collegeIds().size() == 1 ? scope.collegeIds().iterator().next() : null;
        List<ClassRow> classes = scope.studentIds().isEmpty()
                ? organization.classes(scope, college, filter.cohort()) : List.of();
        List<Major> majors = college == null ? List.of() : organization.majors(college);
        return new Choices(colleges, majors, classes, organization.cohorts(), level(scope, filter));
    }

    private static String level(StudentScope scope, StatsFilter f) {
        if (!scope.studentIds().isEmpty()) {
            return "SELF";
        }
        if (!scope.classIds().isEmpty() || f.classId() != null) {
            return "CLASSES";
        }
        if (!scope.school() && scope.collegeIds().size() == 1 || f.collegeId() != null || f.majorId() != null) {
            return "COLLEGE";
        }
        return "SCHOOL";
    }

    /** Scope and filter on a table of statistics with student, college, major, class and cohort columns. */
    static Where summaryWhere(Scoped s, StatsFilter f, String alias) {
        StringBuilder sql = new StringBuilder(scopeSql(s.scope(), alias, true));
        Map<String, Object> params = new HashMap<>();
        filters(f, alias, sql, params);
        return new Where(sql.toString(), params);
    }

    /** Scope and filter on the per-class sums (no student column: a student's own figures use sts_hours). */
    static Where classWhere(Scoped s, StatsFilter f) {
        StringBuilder sql = new StringBuilder(scopeSql(s.scope(), "t", false));
        Map<String, Object> params = new HashMap<>();
        filters(f, "t", sql, params);
        return new Where(sql.toString(), params);
    }

    private static void filters(StatsFilter f, String alias, StringBuilder sql, Map<String, Object> params) {
        if (f.cohort() != null) {
            sql.append(" AND ").append(alias).append(".cohort = :f_cohort");
            params.put("f_cohort", f.cohort());
        }
        if (f.collegeId() != null) {
            sql.append(" AND ").append(alias).append(".college_id = :f_college");
            params.put("f_college", f.collegeId());
        }
        if (f.majorId() != null) {
            sql.append(" AND ").append(alias).append(".major_id = :f_major");
            params.put("f_major", f.majorId());
        }
        if (f.classId() != null) {
            sql.append(" AND ").append(alias).append(".class_id = :f_class");
            params.put("f_class", f.classId());
        }
    }

    /**
     * The user's scope (as organization resolved it) as a condition on statistics' own columns. Only numeric ids
     * are written into it. Without a student column, a scope of single students matches nothing.
     */
    static String scopeSql(StudentScope scope, String alias, boolean hasStudent) {
        if (scope.school()) {
            return "1=1";
        }
        StringBuilder or = new StringBuilder("(1=0");
        if (!scope.collegeIds().isEmpty()) {
            or.append(" OR ").append(alias).append(".college_id IN (").append(ids(scope.collegeIds())).append(')');
        }
        if (!scope.classIds().isEmpty()) {
            or.append(" OR ").append(alias).append(".class_id IN (").append(ids(scope.classIds())).append(')');
        }
        if (hasStudent && !scope.studentIds().isEmpty()) {
            or.append(" OR ").append(alias).append(".student_id IN (").append(ids(scope.studentIds())).append(')');
        }
        return or.append(')').toString();
    }

    private static String ids(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The user's scope, its level (SCHOOL, COLLEGE, CLASSES, SELF) and the one college it or the filter names. */
    record Scoped(StudentScope scope, String level, Long college) {
    }

    /** A condition on a summary table and its named parameters. */
    record Where(String sql, Map<String, Object> params) {
    }
}
