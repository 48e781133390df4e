package org.workstudy.credits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where students stand on the course, read in bulk: their final exemption or offset and their recognised credit
 * record. No data-scope check: callers pass students they have already limited to the user's scope.
 */
@Service
public class CreditStandings {

    private static final int CHUNK = 5000;

    private final JdbcClient jdbc;
    private final DeferralStore deferrals;
    private final FinalExemptions exemptions;

    CreditStandings(JdbcClient jdbc, DeferralStore deferrals, FinalExemptions exemptions) {
        this.jdbc = jdbc;
        this.deferrals = deferrals;
        this.exemptions = exemptions;
    }

    /**
     * The deferred-graduation record (暂缓毕业) of each student that has one: still making up, or released on a date
     * with the make-up hours then. A released student qualifies for recognition with basis MAKE_UP.
     */
    @Transactional(readOnly = true)
    public Map<Long, DeferralStanding> deferrals(Collection<Long> studentIds) {
        return deferrals.ofStudents(studentIds);
    }

    /** The final exemption or offset of each student that has one. */
    @Transactional(readOnly = true)
    public Map<Long, ExemptionStanding> exemptions(Collection<Long> studentIds) {
        Map<Long, ExemptionStanding> out = new HashMap<>();
        for (List<Long> chunk : chunks(studentIds)) {
            out.putAll(exemptions.ofStudents(chunk));
        }
        return out;
    }

    /** The recognised credit record of each student that has one. */
    @Transactional(readOnly = true)
    public Map<Long, CreditRecord> records(Collection<Long> studentIds) {
        Map<Long, CreditRecord> out = new HashMap<>();
        for (List<Long> chunk : chunks(studentIds)) {
            jdbc.sql(RECORDS + " WHERE student_id IN (:ids)").param("ids", chunk)
                    .query(CreditStandings::record).list()
                    .forEach(r -> out.put(r.studentId(), r));
        }
        return out;
    }

    /** The record carrying a certificate's verification code. */
    @Transactional(readOnly = true)
    public Optional<CreditRecord> byVerificationCode(String code) {
        return jdbc.sql(RECORDS + " WHERE verification_code = ?").param(code).query(CreditStandings::record)
                .optional();
    }

    static final String RECORDS = "SELECT id, student_id, recognition_id, course_name, credits, term_code,"
            + " recognised_on, basis, hours, offset_hours, verification_code FROM cr_credit_record";

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        java.util.ArrayList<List<Long>> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

    static CreditRecord record(ResultSet rs, int n) throws SQLException {
        return new CreditRecord(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
                rs.getBigDecimal(5), rs.getString(6), rs.getDate(7).toLocalDate(),
                RecognitionBasis.valueOf(rs.getString(8)), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11));
    }
}
