package org.workstudy.recognition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workstudy.hours.HoursFixtures;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.NewWorkRecord;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Student;
import org.workstudy.support.Fixtures;
import org.workstudy.credits.ExemptionKind;
import org.workstudy.credits.VerificationCodes;

/**
 * A college of its own (one class of cohort 2024, students placed on a position) with hours counted through the
 * ledger, its vice dean, and the two offices that decide; accounts sign in with {@link Fixtures#PASSWORD}.
 */
@Component
public class RecognitionFixtures {

    public static final int COHORT = 2024;

    private final HoursFixtures hours;
    private final HoursLedger ledger;
    private final Fixtures school;
    private final Accounts accounts;
    private final Organization organization;
    private final JdbcClient jdbc;

    RecognitionFixtures(HoursFixtures hours, HoursLedger ledger, Fixtures school, Accounts accounts,
            Organization organization, JdbcClient jdbc) {
        this.hours = hours;
        this.ledger = ledger;
        this.school = school;
        this.accounts = accounts;
        this.organization = organization;
        this.jdbc = jdbc;
    }

    /** A signed-in person: username for the pages and API, the user for service calls. */
    public record Person(String username, CurrentUser user) {
    }

    public record College(long collegeId, HoursFixtures.Setup setup, Person viceDean, Person academic,
            Person director) {

        public Student student(int i) {
            return setup.students().get(i);
        }
    }

    public College college(int students) {
        HoursFixtures.Setup setup = hours.placed(students);
        long collegeId = organization.schoolClass(setup.classId()).orElseThrow().collegeId();
        return new College(collegeId, setup, person(Role.VICE_DEAN, collegeId), person(Role.ACADEMIC_AFFAIRS, null),
                person(Role.CENTER_DIRECTOR, null));
    }

    public Person person(Role role, Long scopeId) {
        Grant grant = scopeId == null ? Grant.school(role) : Grant.of(role, scopeId);
        String username = school.account(grant);
        long id = accounts.findByUsername(username).orElseThrow().id();
        return new Person(username, new CurrentUser(id, username, "测试" + username, role, List.of(grant)));
    }

    /** Counts {@code total} hours for the student: ten-hour days of the summer vacation 2026, by the counselor. */
    public void work(College c, int student, String total) {
        Student s = c.student(student);
        long placement = c.setup().placementIds().get(student);
        List<NewWorkRecord> out = new ArrayList<>();
        BigDecimal left = new BigDecimal(total);
        LocalDate day = LocalDate.of(2026, 7, 20);
        while (left.signum() > 0) {
            BigDecimal h = left.min(BigDecimal.TEN);
            out.add(HoursFixtures.hours(s, placement, day.toString(), h.toPlainString()));
            left = left.subtract(h);
            day = day.plusDays(1);
        }
        ledger.recordAll(c.setup().counselor(), out);
    }

    /** A final exemption or offset, as the exemptions part of the module leaves it after its notice. */
    public void finalExemption(long studentId, ExemptionKind kind, String offsetHours) {
        jdbc.sql("INSERT INTO cr_exemption (student_id, kind, reason_kind, reason, status, policy_version_id,"
                        + " quality_credits, offset_hours, final_on, created_by, created_at)"
                        + " VALUES (?,?,'HARDSHIP','家庭经济困难','FINAL',(SELECT min(id) FROM pol_version),?,?,?,'test',?)")
                .params(studentId, kind.name(), offsetHours == null ? null : new BigDecimal("1"),
                        offsetHours == null ? null : new BigDecimal(offsetHours), LocalDate.of(2026, 6, 1),
                        OffsetDateTime.now())
                .update();
    }

    /** A credit record written directly (for certificate, verification and export tests); returns its code. */
    public String creditRecord(long studentId, String hours, String termCode, LocalDate on) {
        String code = VerificationCodes.generate();
        jdbc.sql("INSERT INTO cr_credit_record (student_id, course_name, credits, term_code, recognised_on, basis,"
                        + " hours, verification_code, created_at) VALUES (?,'勤工助学',2,?,?,'HOURS',?,?,?)")
                .params(studentId, termCode, on, new BigDecimal(hours), code, OffsetDateTime.now()).update();
        return code;
    }
}
