package org.workstudy.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.shared.BusinessException;

/** Colleges, majors and classes, and who counsels each class. */
@Service
public class Organization {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Accounts accounts;

    Organization(JdbcClient jdbc, AuditTrail audit, Accounts accounts) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.accounts = accounts;
    }

    public List<College> colleges() {
        return jdbc.sql("SELECT id, code, name, active FROM org_college ORDER BY code").query(College.class).list();
    }

    public Optional<College> college(long id) {
        return jdbc.sql("SELECT id, code, name, active FROM org_college WHERE id = ?").param(id).query(College.class)
                .optional();
    }

    @Transactional
    public long saveCollege(Long id, String code, String name, boolean active) {
        requireText(code, name);
        if (exists("org_college", "code", code, id) || exists("org_college", "name", name, id)) {
            throw BusinessException.conflict("organization.duplicate", code + " / " + name);
        }
        if (id == null) {
            long newId = insert("INSERT INTO org_college (code, name, active) VALUES (?,?,?)", code.trim(), name.trim(),
                    active);
            audit.record("college", newId, "create", new College(newId, code.trim(), name.trim(), active));
            return newId;
        }
        College before = college(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        jdbc.sql("UPDATE org_college SET code = ?, name = ?, active = ? WHERE id = ?")
                .params(code.trim(), name.trim(), active, id).update();
        audit.recordChange("college", id, "update", before, college(id).orElseThrow());
        return id;
    }

    public List<Major> majors(Long collegeId) {
        return jdbc.sql("SELECT id, college_id, code, name, active FROM org_major"
                        + (collegeId == null ? "" : " WHERE college_id = " + collegeId) + " ORDER BY code")
                .query(Major.class).list();
    }

    public Optional<Major> major(long id) {
        return jdbc.sql("SELECT id, college_id, code, name, active FROM org_major WHERE id = ?").param(id)
                .query(Major.class).optional();
    }

    @Transactional
    public long saveMajor(Long id, long collegeId, String code, String name, boolean active) {
        requireText(code, name);
        college(collegeId).orElseThrow(() -> BusinessException.invalid("organization.college.unknown", collegeId));
        if (exists("org_major", "code", code, id)) {
            throw BusinessException.conflict("organization.duplicate", code);
        }
        if (id == null) {
            long newId = insert("INSERT INTO org_major (college_id, code, name, active) VALUES (?,?,?,?)", collegeId,
                    code.trim(), name.trim(), active);
            audit.record("major", newId, "create", new Major(newId, collegeId, code.trim(), name.trim(), active));
            return newId;
        }
        Major before = major(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        jdbc.sql("UPDATE org_major SET college_id = ?, code = ?, name = ?, active = ? WHERE id = ?")
                .params(collegeId, code.trim(), name.trim(), active, id).update();
        jdbc.sql("UPDATE org_class SET college_id = ? WHERE major_id = ?").params(collegeId, id).update();
        audit.recordChange("major", id, "update", before, major(id).orElseThrow());
        return id;
    }

    public Optional<SchoolClass> schoolClass(long id) {
        return jdbc.sql("SELECT id, major_id, college_id, cohort, name, active FROM org_class WHERE id = ?").param(id)
                .query(SchoolClass.class).optional();
    }

    public Optional<SchoolClass> classByName(String name) {
        return jdbc.sql("SELECT id, major_id, college_id, cohort, name, active FROM org_class WHERE name = ?")
                .param(name).query(SchoolClass.class).optional();
    }

    /** Classes in the scope, optionally of one college and cohort, with counselors and head counts. */
    public List<ClassRow> classes(StudentScope scope, Long collegeId, Integer cohort) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(classScope(scope));
        if (collegeId != null) {
            where.append(" AND c.college_id = ?");
            params.add(collegeId);
        }
        if (cohort != null) {
            where.append(" AND c.cohort = ?");
            params.add(cohort);
        }
        List<ClassRow> rows = jdbc.sql("SELECT c.id, c.name, c.cohort, m.id, m.name, g.id, g.name, c.active,"
                        + " (SELECT count(*) FROM org_student s WHERE s.class_id = c.id AND s.status = 'ACTIVE')"
                        + " FROM org_class c JOIN org_major m ON m.id = c.major_id JOIN org_college g ON g.id = c.college_id"
                        + where + " ORDER BY c.cohort DESC, g.code, c.name")
                .params(params)
                .query((rs, n) -> new ClassRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getBoolean(8), rs.getLong(9), List.of()))
                .list();
        Map<Long, List<String>> counselors = counselorNames(rows.stream().map(ClassRow::id).toList());
        return rows.stream().map(r -> new ClassRow(r.id(), r.name(), r.cohort(), r.majorId(), r.majorName(),
                r.collegeId(), r.collegeName(), r.active(), r.students(),
                counselors.getOrDefault(r.id(), List.of()))).toList();
    }

    public List<Integer> cohorts() {
        return jdbc.sql("SELECT DISTINCT cohort FROM org_class ORDER BY cohort DESC").query(Integer.class).list();
    }

    @Transactional
    public long saveClass(Long id, long majorId, int cohort, String name, boolean active) {
        requireText(name, name);
        Major major = major(majorId).orElseThrow(() -> BusinessException.invalid("organization.major.unknown", majorId));
        if (cohort < 2000 || cohort > 2100) {
            throw BusinessException.invalid("organization.cohort.invalid", cohort);
        }
        if (exists("org_class", "name", name, id)) {
            throw BusinessException.conflict("organization.duplicate", name);
        }
        if (id == null) {
            long newId = insert("INSERT INTO org_class (major_id, college_id, cohort, name, active) VALUES (?,?,?,?,?)",
                    majorId, major.collegeId(), cohort, name.trim(), active);
            audit.record("class", newId, "create",
                    new SchoolClass(newId, majorId, major.collegeId(), cohort, name.trim(), active));
            return newId;
        }
        SchoolClass before = schoolClass(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        jdbc.sql("UPDATE org_class SET major_id = ?, college_id = ?, cohort = ?, name = ?, active = ? WHERE id = ?")
                .params(majorId, major.collegeId(), cohort, name.trim(), active, id).update();
        if (before.cohort() != cohort) {
            // a corrected cohort is the enrolment cohort of the students who enrolled in the class and never moved
            // (学籍异动); a student who came in from another cohort keeps theirs
            jdbc.sql("UPDATE org_student s SET enrolment_cohort = ? WHERE s.class_id = ? AND s.enrolment_cohort = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM org_status_change h WHERE h.student_id = s.id)")
                    .params(cohort, id, before.cohort()).update();
        }
        audit.recordChange("class", id, "update", before, schoolClass(id).orElseThrow());
        return id;
    }

    /** Makes these accounts the counselors of the class, and only them. */
    @Transactional
    public void setCounselors(long classId, List<Long> accountIds) {
        schoolClass(classId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        Grant grant = Grant.of(Role.COUNSELOR, classId);
        accounts.holdersOf(grant).stream().filter(a -> !accountIds.contains(a)).forEach(a -> accounts.revoke(a, grant));
        accountIds.forEach(a -> accounts.grant(a, grant));
    }

    public List<Long> counselorsOf(long classId) {
        return accounts.holdersOf(Grant.of(Role.COUNSELOR, classId));
    }

    /** The counselors of each of these classes (account id and name), by class id; classes without one are left out. */
    public Map<Long, List<ClassCounselor>> classCounselors(java.util.Collection<Long> classIds) {
        Map<Long, List<Long>> ids = accounts.holderIds(Role.COUNSELOR, classIds);
        Map<Long, String> names = accounts.displayNames(ids.values().stream().flatMap(List::stream)
                .collect(java.util.stream.Collectors.toSet()));
        Map<Long, List<ClassCounselor>> out = new java.util.LinkedHashMap<>();
        ids.forEach((classId, accountIds) -> out.put(classId, accountIds.stream()
                .map(a -> new ClassCounselor(a, names.getOrDefault(a, String.valueOf(a)))).toList()));
        return out;
    }

    private Map<Long, List<String>> counselorNames(List<Long> classIds) {
        return accounts.holderNames(Role.COUNSELOR, classIds);
    }

    static String classScope(StudentScope scope) {
        if (scope.school()) {
            return "1=1";
        }
        StringBuilder or = new StringBuilder("(1=0");
        scope.collegeIds().forEach(id -> or.append(" OR c.college_id = ").append(id));
        scope.classIds().forEach(id -> or.append(" OR c.id = ").append(id));
        if (!scope.studentIds().isEmpty()) {
            or.append(" OR c.id IN (SELECT class_id FROM org_student WHERE id IN (")
                    .append(String.join(",", scope.studentIds().stream().map(String::valueOf).toList())).append("))");
        }
        return or.append(')').toString();
    }

    private boolean exists(String table, String column, String value, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = ?"
                        + (exceptId == null ? "" : " AND id <> " + exceptId))
                .param(value.trim()).query(Long.class).single() > 0;
    }

    private long insert(String sql, Object... params) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key, "id");
        return key.getKey().longValue();
    }

    private static void requireText(String... values) {
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw BusinessException.invalid("error.required");
            }
        }
    }
}
