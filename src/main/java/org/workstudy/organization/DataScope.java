package org.workstudy.organization;

import java.util.Collection;
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
