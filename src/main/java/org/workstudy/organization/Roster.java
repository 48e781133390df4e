package org.workstudy.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.NewAccount;
import org.workstudy.identity.Role;
import org.workstudy.organization.internal.RosterRules;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.PageResult;

/**
 * The student roster. Every read is filtered by the reader's {@link DataScope}; each student gets an account (学号 as
 * username, no password until they activate it with the code from their class's activation sheet) when added.
 */
@Service
public class Roster {

    static final String ROW_SELECT = "SELECT s.id, s.student_no, s.name, s.gender, s.class_id, c.name, c.college_id,"
            + " g.name, c.cohort, s.enrolment_term, s.status, s.phone, s.id_card_no"
            + " FROM org_student s JOIN org_class c ON c.id = s.class_id JOIN org_college g ON g.id = c.college_id";

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final Organization organization;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final JdbcTemplate batchJdbc;

    Roster(JdbcClient jdbc, JdbcTemplate batchJdbc, DataScope scope, Organization organization, Accounts accounts,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.scope = scope;
        this.organization = organization;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** One page of the students the user may see, masked. */
    public PageResult<StudentRow> search(CurrentUser user, StudentQuery query, int page, int size) {
        size = PageResult.clampSize(size);
        Where where = where(scope.studentsOf(user), query);
        long total = jdbc.sql("SELECT count(*) FROM org_student s JOIN org_class c ON c.id = s.class_id" + where.sql)
                .params(where.params).query(Long.class).single();
        List<StudentRow> items = jdbc.sql(ROW_SELECT + where.sql + " ORDER BY s.student_no LIMIT " + size + " OFFSET "
                        + (long) page * size)
                .params(where.params).query(Roster::row).list().stream().map(StudentRow::masked).toList();
        return new PageResult<>(items, page, size, total);
    }

    /** Streams every matching student the user may see (for exports), unmasked; the caller decides what to show. */
    public void forEach(CurrentUser user, StudentQuery query, Consumer<StudentRow> consumer) {
        Where where = where(scope.studentsOf(user), query);
        // the stream holds a connection and a result set until closed
        try (var rows = jdbc.sql(ROW_SELECT + where.sql + " ORDER BY s.student_no").params(where.params)
                .query(Roster::row).stream()) {
            rows.forEach(consumer);
        }
    }

    /** A student the user may see; anything else is "not found". */
    public Student get(CurrentUser user, long id) {
        scope.requireStudent(user, id);
        return find(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
    }

    public StudentRow row(CurrentUser user, long id) {
        scope.requireStudent(user, id);
        return jdbc.sql(ROW_SELECT + " WHERE s.id = ?").param(id).query(Roster::row).single();
    }

    public Optional<Student> find(long id) {
        return jdbc.sql("SELECT id, student_no, name, gender, class_id, enrolment_term, status, phone, id_card_no,"
                + " account_id, enrolment_cohort FROM org_student WHERE id = ?").param(id).query(Student.class).optional();
    }

    /** Many students by id, one query per 10,000 (no scope check: callers limit ids); missing ids are left out. */
    public Map<Long, Student> findAll(java.util.Collection<Long> ids) {
        List<Long> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
        Map<Long, Student> out = new HashMap<>();
        for (int from = 0; from < all.size(); from += 10_000) {
            jdbc.sql("SELECT id, student_no, name, gender, class_id, enrolment_term, status, phone, id_card_no,"
                            + " account_id, enrolment_cohort FROM org_student WHERE id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 10_000))).query(Student.class).list()
                    .forEach(s -> out.put(s.id(), s));
        }
        return out;
    }

    /**
     * Many students as list rows (class and college names, personal data masked), one query per 10,000, for other
     * modules' lists: they select ids in their own tables (with a {@link StudentCondition}) and name them here. No
     * scope check: callers limit ids. Missing ids are left out.
     */
    public Map<Long, StudentRow> rows(java.util.Collection<Long> ids) {
        List<Long> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
        Map<Long, StudentRow> out = new HashMap<>();
        for (int from = 0; from < all.size(); from += 10_000) {
            jdbc.sql(ROW_SELECT + " WHERE s.id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 10_000))).query(Roster::row).list()
                    .forEach(r -> out.put(r.id(), StudentRow.masked(r)));
        }
        return out;
    }

    /**
     * Locks the student's row until the transaction ends, so that decisions about one student (an exemption, a
     * batch of hours) are taken one after another. False if there is no such student.
     */
    public boolean lock(long studentId) {
        return jdbc.sql("SELECT id FROM org_student WHERE id = ? FOR UPDATE").param(studentId).query(Long.class)
                .optional().isPresent();
    }

    /**
     * A student's enrolment term (入学学期, e.g. 2023-2024-1) and enrolment cohort (年级 of the class they enrolled in,
     * which keeps its policy version after any class change).
     */
    public record Enrolment(String term, int cohort) {
    }

    /**
     * The enrolment of each student, for reports over a whole cohort: one light query per 10,000 students (no scope
     * check: callers limit ids).
     */
    public Map<Long, Enrolment> enrolments(java.util.Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        Map<Long, Enrolment> out = new HashMap<>();
        for (int from = 0; from < all.size(); from += 10_000) {
            jdbc.sql("SELECT s.id, s.enrolment_term, s.enrolment_cohort FROM org_student s WHERE s.id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 10_000)))
                    .query((rs, n) -> out.put(rs.getLong(1), new Enrolment(rs.getString(2), rs.getInt(3)))).list();
        }
        return out;
    }

    /**
     * The ids of every student of a college (any status), or of the school when {@code collegeId} is null, for
     * school and college figures (no scope check: callers decide who sees the figures).
     */
    public List<Long> studentIds(Long collegeId) {
        return collegeId == null ? jdbc.sql("SELECT id FROM org_student").query(Long.class).list()
                : jdbc.sql("SELECT s.id FROM org_student s JOIN org_class c ON c.id = s.class_id WHERE c.college_id = ?")
                        .param(collegeId).query(Long.class).list();
    }

    public Optional<Student> findByNumber(String studentNo) {
        return jdbc.sql("SELECT id, student_no, name, gender, class_id, enrolment_term, status, phone, id_card_no,"
                + " account_id, enrolment_cohort FROM org_student WHERE student_no = ?").param(studentNo).query(Student.class).optional();
    }

    /** The student behind a student account, if any. */
    public Optional<Student> ofAccount(long accountId) {
        return jdbc.sql("SELECT id, student_no, name, gender, class_id, enrolment_term, status, phone, id_card_no,"
                + " account_id, enrolment_cohort FROM org_student WHERE account_id = ?").param(accountId).query(Student.class).optional();
    }

    @Transactional
    public long create(StudentForm form) {
        validate(form, null);
        return addAll(List.of(form)).get(0);
    }

    /**
     * Adds valid students with their accounts in one transaction; ids in order. Callers validate first (the import
     * does it row by row).
     */
    @Transactional
    public List<Long> addAll(List<StudentForm> forms) {
        List<Object[]> rows = new ArrayList<>(forms.size());
        for (StudentForm f : forms) {
            rows.add(new Object[] {f.studentNo().trim(), f.name().trim(), f.gender().name(), f.classId(),
                    f.enrolmentTerm().trim(), f.status().name(), blankToNull(f.phone()), upper(f.idCardNo()),
                    f.classId()});
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
            // the enrolment cohort is the cohort of the class a student is first added to
            batch("INSERT INTO org_student (student_no, name, gender, class_id, enrolment_term, status, phone,"
                    + " id_card_no, enrolment_cohort) VALUES (?,?,?,?,?,?,?,?,(SELECT cohort FROM org_class WHERE id = ?))",
                    chunk);
        }
        Map<String, Long> ids = idsByNumber(forms.stream().map(f -> f.studentNo().trim()).toList());
        // no password to hash: each student activates with a code from the class activation sheet
        List<NewAccount> newAccounts = forms.stream().map(f -> NewAccount.awaitingActivation(f.studentNo().trim(),
                f.name().trim(), List.of(Grant.of(Role.STUDENT, ids.get(f.studentNo().trim()))))).toList();
        List<Long> accountIds = accounts.createAll(newAccounts);
        List<Object[]> links = new ArrayList<>();
        List<Long> studentIds = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            long studentId = ids.get(forms.get(i).studentNo().trim());
            studentIds.add(studentId);
            links.add(new Object[] {accountIds.get(i), studentId});
        }
        batch("UPDATE org_student SET account_id = ? WHERE id = ?", links);
        Map<Object, Object> created = new java.util.LinkedHashMap<>();
        for (int i = 0; i < forms.size(); i++) {
            created.put(studentIds.get(i), forms.get(i));
        }
        audit.recordAll("student", "create", created);
        return studentIds;
    }

    @Transactional
    public void update(long id, StudentForm form) {
        Student before = find(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        validate(form, id);
        // a status period or a class change is a 学籍异动 with its date (StatusHistory); editing corrects mistakes only
        if (form.status() != before.status()) {
            throw BusinessException.invalid("organization.student.status-by-change");
        }
        if (form.classId() != before.classId() && hasStatusChanges(id)) {
            throw BusinessException.invalid("organization.student.class-by-change");
        }
        // editing the class of a student without status changes corrects their enrolment (and its cohort); after a
        // change (学籍异动) the enrolment cohort is history and stays
        jdbc.sql("UPDATE org_student SET student_no = ?, name = ?, gender = ?, class_id = ?, enrolment_term = ?,"
                        + " status = ?, phone = ?, id_card_no = ?, enrolment_cohort = CASE WHEN EXISTS (SELECT 1 FROM"
                        + " org_status_change WHERE student_id = ?) THEN enrolment_cohort ELSE (SELECT cohort FROM"
                        + " org_class WHERE id = ?) END WHERE id = ?")
                .params(form.studentNo().trim(), form.name().trim(), form.gender().name(), form.classId(),
                        form.enrolmentTerm().trim(), form.status().name(), blankToNull(form.phone()),
                        upper(form.idCardNo()), id, form.classId(), id)
                .update();
        if (before.accountId() != null) {
            accounts.rename(before.accountId(), form.name().trim());
            accounts.setEnabled(before.accountId(), form.status() == StudentStatus.ACTIVE);
        }
        audit.recordChange("student", id, "update", StudentForm.of(before), form);
    }

    private boolean hasStatusChanges(long studentId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM org_status_change WHERE student_id = ?)").param(studentId)
                .query(Boolean.class).single();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM org_student").query(Long.class).single();
    }

    /** Student numbers among these that exist already. */
    public List<String> existingNumbers(List<String> numbers) {
        List<String> found = new ArrayList<>();
        for (int from = 0; from < numbers.size(); from += 1000) {
            found.addAll(jdbc.sql("SELECT student_no FROM org_student WHERE student_no IN (:nos)")
                    .param("nos", numbers.subList(from, Math.min(numbers.size(), from + 1000)))
                    .query(String.class).list());
        }
        return found;
    }

    private void validate(StudentForm form, Long id) {
        organization.schoolClass(form.classId())
                .orElseThrow(() -> BusinessException.invalid("organization.class.unknown", form.classId()));
        if (form.idCardNo() != null && !form.idCardNo().isBlank() && !RosterRules.validIdCard(form.idCardNo())) {
            throw BusinessException.invalid("organization.student.id-card.invalid");
        }
        Optional<Student> same = findByNumber(form.studentNo().trim());
        if (same.isPresent() && (id == null || same.get().id() != id)) {
            throw BusinessException.conflict("organization.student.no.taken", form.studentNo());
        }
        if (id == null && accounts.usernameTaken(form.studentNo().trim())) {
            throw BusinessException.conflict("identity.username.taken", form.studentNo());
        }
    }

    private Map<String, Long> idsByNumber(List<String> numbers) {
        Map<String, Long> ids = new HashMap<>();
        for (int from = 0; from < numbers.size(); from += 1000) {
            jdbc.sql("SELECT student_no, id FROM org_student WHERE student_no IN (:nos)")
                    .param("nos", numbers.subList(from, Math.min(numbers.size(), from + 1000)))
                    .query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        }
        return ids;
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batchJdbc.batchUpdate(sql, rows);
        }
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(StudentScope studentScope, StudentQuery q) {
        StringBuilder sql = new StringBuilder(" WHERE ").append(studentScope.sql("s", "c"));
        List<Object> params = new ArrayList<>();
        if (q.text() != null && !q.text().isBlank()) {
            sql.append(" AND (s.student_no LIKE ? OR s.name LIKE ?)");
            params.add(q.text().trim() + "%");
            params.add("%" + q.text().trim() + "%");
        }
        if (q.collegeId() != null) {
            sql.append(" AND c.college_id = ?");
            params.add(q.collegeId());
        }
        if (q.classId() != null) {
            sql.append(" AND s.class_id = ?");
            params.add(q.classId());
        }
        if (q.cohort() != null) {
            sql.append(" AND c.cohort = ?");
            params.add(q.cohort());
        }
        if (q.status() != null) {
            sql.append(" AND s.status = ?");
            params.add(q.status().name());
        }
        return new Where(sql.toString(), params);
    }

    static StudentRow row(ResultSet rs, int n) throws SQLException {
        return new StudentRow(rs.getLong(1), rs.getString(2), rs.getString(3), Gender.valueOf(rs.getString(4)),
                rs.getLong(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getInt(9), rs.getString(10),
                StudentStatus.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase();
    }

    /**
     * Students by 学号 as list rows (class and college names, personal data masked), one query per 10,000, for other
     * modules' imports that name students by number. No scope check: callers check each row. Unknown numbers are
     * left out.
     */
    public Map<String, StudentRow> rowsByNumber(java.util.Collection<String> studentNos) {
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(studentNos));
        Map<String, StudentRow> out = new HashMap<>();
        for (int from = 0; from < all.size(); from += 10_000) {
            jdbc.sql(ROW_SELECT + " WHERE s.student_no IN (:nos)")
                    .param("nos", all.subList(from, Math.min(all.size(), from + 10_000))).query(Roster::row).list()
                    .forEach(r -> out.put(r.studentNo(), StudentRow.masked(r)));
        }
        return out;
    }
}
