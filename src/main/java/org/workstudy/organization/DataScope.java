package org.workstudy.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.ScopeKind;
import org.workstudy.shared.BusinessException;

/**
 * Scope resolution, in one place: may this user see or act on this student, class or college? Each answer follows
 * the user's active role and the scopes of their grants of that role. Other modules ask here and never decide
 * scope themselves.
 */
@Service
public class DataScope {

    private final JdbcClient jdbc;

    DataScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The students the user may see now. */
    public StudentScope studentsOf(CurrentUser user) {
        if (user.activeRole() == null) {
            return StudentScope.nobody();
        }
        Set<Long> ids = user.activeScopeIds();
        ScopeKind kind = user.activeRole().scopeKind();
        return switch (kind) {
            case SCHOOL -> new StudentScope(true, Set.of(), Set.of(), Set.of());
            case COLLEGE -> new StudentScope(false, ids, Set.of(), Set.of());
            case CLASS -> new StudentScope(false, Set.of(), ids, Set.of());
            case SELF -> new StudentScope(false, Set.of(), Set.of(), ids);
            case EMPLOYER -> StudentScope.nobody();
        };
    }

    /**
     * A SQL condition on {@code studentIdColumn} (a column of the caller's table holding student ids) for the
     * students the user may see that match the query (null: no filter). Every query of another module that lists
     * students uses this, so scope is decided here only.
     */
    public StudentCondition condition(CurrentUser user, StudentQuery query, String studentIdColumn) {
        return condition(studentsOf(user), query, studentIdColumn);
    }

    /** As {@link #condition(CurrentUser, StudentQuery, String)}, for a scope already resolved (jobs, reports). */
    public StudentCondition condition(StudentScope scope, StudentQuery query, String studentIdColumn) {
        String column = StudentCondition.column(studentIdColumn);
        if (scope.isNobody()) {
            return new StudentCondition("1=0", Map.of());
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope.sql("s", "c"));
        StudentQuery q = query == null ? StudentQuery.all() : query;
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND (s.student_no LIKE :sc_no OR s.name LIKE :sc_name)");
            params.put("sc_no", q.text().trim() + "%");
            params.put("sc_name", "%" + q.text().trim() + "%");
        }
        if (q.collegeId() != null) {
            where.append(" AND c.college_id = :sc_college");
            params.put("sc_college", q.collegeId());
        }
        if (q.classId() != null) {
            where.append(" AND s.class_id = :sc_class");
            params.put("sc_class", q.classId());
        }
        if (q.cohort() != null) {
            where.append(" AND c.cohort = :sc_cohort");
            params.put("sc_cohort", q.cohort());
        }
        if (q.status() != null) {
            where.append(" AND s.status = :sc_status");
            params.put("sc_status", q.status().name());
        }
        if (scope.school() && params.isEmpty()) {
            return new StudentCondition("1=1", Map.of());
        }
        return new StudentCondition(column + " IN (SELECT s.id FROM org_student s JOIN org_class c ON c.id = s.class_id"
                + " WHERE " + where + ")", params);
    }

    public boolean maySeeStudent(CurrentUser user, long studentId) {
        StudentScope scope = studentsOf(user);
        // The school-wide scope still asks the database: a student who does not exist is "not found" for everyone.
        return jdbc.sql("SELECT count(*) FROM org_student s JOIN org_class c ON c.id = s.class_id WHERE s.id = ? AND "
                + scope.sql("s", "c")).param(studentId).query(Long.class).single() > 0;
    }

    /** Of these students, the ones the user may see (one query, for lists that mix students of several scopes). */
    public Set<Long> visibleStudents(CurrentUser user, Collection<Long> studentIds) {
        if (studentIds.isEmpty()) {
            return Set.of();
        }
        StudentScope scope = studentsOf(user);
        if (scope.school()) {
            return Set.copyOf(studentIds);
        }
        return Set.copyOf(jdbc.sql("SELECT s.id FROM org_student s JOIN org_class c ON c.id = s.class_id WHERE s.id IN ("
                        + studentIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ") AND "
                        + scope.sql("s", "c")).query(Long.class).list());
    }

    public boolean maySeeClass(CurrentUser user, long classId) {
        StudentScope scope = studentsOf(user);
        Long collegeId = jdbc.sql("SELECT college_id FROM org_class WHERE id = ?").param(classId).query(Long.class)
                .optional().orElse(null);
        return collegeId != null && scope.coversClass(classId, collegeId);
    }

    public boolean maySeeCollege(CurrentUser user, long collegeId) {
        return studentsOf(user).coversCollege(collegeId);
    }

    /** Refuses (as "not found", so that ids outside the scope reveal nothing) a student the user may not see. */
    public void requireStudent(CurrentUser user, long studentId) {
        if (!maySeeStudent(user, studentId)) {
            throw BusinessException.notFound("error.not-found");
        }
    }

    public void requireClass(CurrentUser user, long classId) {
        if (!maySeeClass(user, classId)) {
            throw BusinessException.notFound("error.not-found");
        }
    }

    public void requireCollege(CurrentUser user, long collegeId) {
        if (!maySeeCollege(user, collegeId)) {
            throw BusinessException.notFound("error.not-found");
        }
    }
}
