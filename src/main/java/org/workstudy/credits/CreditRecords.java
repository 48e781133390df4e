package org.workstudy.credits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.workstudy.organization.StudentCondition;

/**
 * Writes and lists credit records (学分记录). Recognition writes one per student when a recognition list becomes
 * final, in its transaction; the registrar's export lists them. A record is never changed afterwards.
 */
@Service
public class CreditRecords {

    private final JdbcClient jdbc;

    CreditRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What recognition knows when a student's credit becomes final. */
    public record NewCreditRecord(long studentId, long recognitionId, String courseName, BigDecimal credits,
            String termCode, LocalDate recognisedOn, RecognitionBasis basis, BigDecimal hours, BigDecimal offsetHours,
            String verificationCode) {
    }

    public void add(NewCreditRecord r, OffsetDateTime at) {
        jdbc.sql("INSERT INTO cr_credit_record (student_id, recognition_id, course_name, credits, term_code,"
                        + " recognised_on, basis, hours, offset_hours, verification_code, created_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(r.studentId(), r.recognitionId(), r.courseName(), r.credits(), r.termCode(), r.recognisedOn(),
                        r.basis().name(), r.hours(), r.basis() == RecognitionBasis.OFFSET ? r.offsetHours() : null,
                        r.verificationCode(), at)
                .update();
    }

    /** The records of the students a condition selects (organization's {@code DataScope.condition} on "student_id"). */
    public List<CreditRecord> of(StudentCondition students) {
        return jdbc.sql(CreditStandings.RECORDS + " WHERE " + students.sql()).params(students.params())
                .query(CreditStandings::record).list();
    }
}
