package org.workstudy.organization.internal;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.Activations;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.ActivationSlip;
import org.workstudy.organization.College;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentStatus;
import org.workstudy.shared.BusinessException;

/**
 * Activation codes of students: a class's activation sheet (a new code for every student of the class who has not
 * set a password yet) and one student's new code. Counselors for their classes, college admins for their college,
 * administrators for everyone; a class or student outside the scope is "not found". Issuing replaces the earlier
 * codes, so a lost sheet is made useless by printing a new one; every issue is audited.
 */
@Service
public class ActivationSheets {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final Organization organization;
    private final Roster roster;
    private final Activations activations;
    private final AuditTrail audit;
    private final Clock clock;

    ActivationSheets(JdbcClient jdbc, DataScope scope, Organization organization, Roster roster,
            Activations activations, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.organization = organization;
        this.roster = roster;
        this.activations = activations;
        this.audit = audit;
        this.clock = clock;
    }

    /** A class's sheet: the students in 学号 order, each with a new code or marked as activated. */
    public record Sheet(long classId, String className, String collegeName, ZonedDateTime issuedAt,
            List<ActivationSlip> slips) {

        public long codes() {
            return slips.stream().filter(s -> !s.activated()).count();
        }
    }

    /** Whether the user, in their active role, hands out activation codes at all. */
    public static boolean issues(CurrentUser user) {
        return user.acts(Role.ADMIN) || user.acts(Role.COLLEGE_ADMIN) || user.acts(Role.COUNSELOR);
    }

    /** How many students of the class (in school now) have not activated their account. */
    public int awaiting(CurrentUser user, long classId) {
        require(user, classId);
        return activations.awaitingActivation(accountsOf(classId).values()).size();
    }

    /** Issues new codes for the class's students who have not set a password, and returns the sheet to print. */
    @Transactional
    public Sheet issue(CurrentUser user, long classId) {
        require(user, classId);
        SchoolClass c = organization.schoolClass(classId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        String college = organization.college(c.collegeId()).map(College::name).orElse("");
        List<Student> students = jdbc.sql("SELECT id, student_no, name, gender, class_id, enrolment_term, status, phone,"
                        + " id_card_no, account_id, enrolment_cohort FROM org_student WHERE class_id = ? AND status = 'ACTIVE'"
                        + " AND account_id IS NOT NULL ORDER BY student_no")
                .param(classId).query(Student.class).list();
        Map<Long, Activations.IssuedCode> issued = activations.issue(
                students.stream().map(Student::accountId).toList(), "class-sheet");
        List<ActivationSlip> slips = new ArrayList<>();
        for (Student s : students) {
            Activations.IssuedCode code = issued.get(s.accountId());
            slips.add(new ActivationSlip(s.studentNo(), s.name(), code == null ? null : code.code(),
                    code == null ? null : code.expiresAt()));
        }
        audit.record("class", classId, "activation-sheet", Map.of("codes", issued.size()));
        return new Sheet(classId, c.name(), college, ZonedDateTime.now(clock), slips);
    }

    /**
     * A new code for one student who has not set a password (a lost sheet, a student added by hand); a student who
     * has set one is refused (an administrator resets passwords on the account page).
     */
    @Transactional
    public Activations.IssuedCode issueForStudent(CurrentUser user, long studentId) {
        if (!issues(user)) {
            throw BusinessException.forbidden();
        }
        Student s = roster.get(user, studentId);
        if (s.accountId() == null || s.status() != StudentStatus.ACTIVE) {
            throw BusinessException.invalid("organization.activation.not-active");
        }
        Activations.IssuedCode code = activations.issue(List.of(s.accountId()), "student").get(s.accountId());
        if (code == null) {
            throw BusinessException.invalid("organization.activation.already-activated");
        }
        return code;
    }

    /** Whether the student's account still awaits activation (no scope check: callers show a student they may see). */
    public boolean awaitingActivation(Student s) {
        return s.accountId() != null && !activations.awaitingActivation(List.of(s.accountId())).isEmpty();
    }

    private void require(CurrentUser user, long classId) {
        if (!issues(user)) {
            throw BusinessException.forbidden();
        }
        scope.requireClass(user, classId);
    }

    private Map<String, Long> accountsOf(long classId) {
        Map<String, Long> accounts = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT student_no, account_id FROM org_student WHERE class_id = ? AND status = 'ACTIVE'"
                        + " AND account_id IS NOT NULL").param(classId)
                .query((rs, n) -> accounts.put(rs.getString(1), rs.getLong(2))).list();
        return accounts;
    }
}
