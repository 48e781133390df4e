package org.workstudy.recognition;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.workstudy.credits.RecognitionBasis;
import org.workstudy.organization.StudentCondition;
import org.workstudy.recognition.internal.RecognitionStatus;
import org.workstudy.shared.BusinessException;

/**
 * The recognition tables: lists ({@code cr_recognition}), their items and the per-(college, cohort) submission lock;
 * and the credit records a final list writes. Students are named by organization; no other module's table appears.
 */
@Repository
class RecognitionStore {

    private static final String SELECT = "SELECT r.id, r.college_id, r.cohort, r.status, r.approval_id, r.notice_id,"
            + " r.final_on, r.return_reason, r.submitted_by, r.submitted_at, r.submitted_by_account,"
            + " (SELECT count(*) FROM cr_recognition_item i WHERE i.recognition_id = r.id AND NOT i.withdrawn)"
            + " FROM cr_recognition r";

    private final JdbcClient jdbc;

    RecognitionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A student on a list as snapshotted at submission. */
    record Item(long studentId, RecognitionBasis basis, BigDecimal hours, BigDecimal offsetHours, boolean withdrawn,
            String answer) {
    }

    /** Serialises the submissions of one college and cohort (the row is created on first use). */
    void lockCohort(long collegeId, int cohort) {
        jdbc.sql("INSERT INTO cr_recognition_lock (college_id, cohort) VALUES (?,?) ON CONFLICT DO NOTHING")
                .params(collegeId, cohort).update();
        jdbc.sql("SELECT college_id FROM cr_recognition_lock WHERE college_id = ? AND cohort = ? FOR UPDATE")
                .params(collegeId, cohort).query(Long.class).single();
    }

    long insert(long collegeId, int cohort, long policyVersionId, String by, long byAccount, OffsetDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cr_recognition (college_id, cohort, policy_version_id, status, submitted_by,"
                        + " submitted_by_account, submitted_at, updated_at) VALUES (?,?,?,?,?,?,?,?)")
                .params(collegeId, cohort, policyVersionId, RecognitionStatus.SUBMITTED.name(), by, byAccount, at, at)
                .update(key, "id");
        return key.getKey().longValue();
    }

    void insertItem(long id, long studentId, RecognitionBasis basis, BigDecimal hours, BigDecimal offsetHours) {
        jdbc.sql("INSERT INTO cr_recognition_item (recognition_id, student_id, basis, hours, offset_hours)"
                + " VALUES (?,?,?,?,?)").params(id, studentId, basis.name(), hours, offsetHours).update();
    }

    void setApproval(long id, long approvalId) {
        jdbc.sql("UPDATE cr_recognition SET approval_id = ? WHERE id = ?").params(approvalId, id).update();
    }

    void setReturnReason(long id, String reason) {
        jdbc.sql("UPDATE cr_recognition SET return_reason = ? WHERE id = ?").params(reason, id).update();
    }

    void setNotice(long id, long noticeId) {
        jdbc.sql("UPDATE cr_recognition SET notice_id = ? WHERE id = ?").params(noticeId, id).update();
    }

    /** Moves the status if it is still {@code from}; false if it changed meanwhile. */
    boolean setStatus(long id, RecognitionStatus from, RecognitionStatus to, OffsetDateTime at) {
        return jdbc.sql("UPDATE cr_recognition SET status = ?, updated_at = ? WHERE id = ? AND status = ?")
                .params(to.name(), at, id, from.name()).update() == 1;
    }

    void makeFinal(long id, LocalDate finalOn, OffsetDateTime at) {
        jdbc.sql("UPDATE cr_recognition SET final_on = ?, status = ?, updated_at = ? WHERE id = ?")
                .params(finalOn, RecognitionStatus.FINAL.name(), at, id).update();
    }

    Optional<Recognition> find(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(RecognitionStore::row).optional();
    }

    Recognition lock(long id) {
        jdbc.sql("SELECT id FROM cr_recognition WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional()
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        return find(id).orElseThrow();
    }

    /** Lists, newest first (at most 200): of some colleges (null: all), optionally one college and one cohort. */
    List<Recognition> list(Set<Long> colleges, Long collegeId, Integer cohort) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        Map<String, Object> params = new HashMap<>();
        if (colleges != null) {
            where.append(" AND r.college_id IN (:colleges)");
            params.put("colleges", colleges);
        }
        if (collegeId != null) {
            where.append(" AND r.college_id = :college");
            params.put("college", collegeId);
        }
        if (cohort != null) {
            where.append(" AND r.cohort = :cohort");
            params.put("cohort", cohort);
        }
        return jdbc.sql(SELECT + where + " ORDER BY r.id DESC LIMIT 200").params(params).query(RecognitionStore::row)
                .list();
    }

    List<Recognition> submitted(Collection<Long> ids) {
        return jdbc.sql(SELECT + " WHERE r.id IN (:ids) AND r.status = 'SUBMITTED' ORDER BY r.id")
                .param("ids", ids).query(RecognitionStore::row).list();
    }

    /** Every student of a list, withdrawn or not, in the order they were added. */
    List<Item> items(long id) {
        return jdbc.sql("SELECT student_id, basis, hours, offset_hours, withdrawn, answer FROM cr_recognition_item"
                        + " WHERE recognition_id = ? ORDER BY id").param(id)
                .query((rs, n) -> new Item(rs.getLong(1), RecognitionBasis.valueOf(rs.getString(2)),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBoolean(5), rs.getString(6)))
                .list();
    }

    /** Takes the student off the list; false if they were not (or no longer) on it. */
    boolean withdrawItem(long id, long studentId, String answer) {
        return jdbc.sql("UPDATE cr_recognition_item SET withdrawn = TRUE, answer = ? WHERE recognition_id = ?"
                + " AND student_id = ? AND NOT withdrawn").params(answer, id, studentId).update() > 0;
    }

    /** The students among these who are on a live list (submitted or in notice). */
    Set<Long> onLiveLists(List<Long> studentIds) {
        Set<Long> out = new HashSet<>();
        for (int from = 0; from < studentIds.size(); from += 5000) {
            out.addAll(jdbc.sql("SELECT i.student_id FROM cr_recognition_item i JOIN cr_recognition r"
                            + " ON r.id = i.recognition_id WHERE NOT i.withdrawn AND r.status IN ('SUBMITTED',"
                            + " 'IN_NOTICE') AND i.student_id IN (:ids)")
                    .param("ids", studentIds.subList(from, Math.min(studentIds.size(), from + 5000)))
                    .query(Long.class).list());
        }
        return out;
    }

    /** The id of the list a notice was published for, if it is a recognition's. */
    Optional<Long> ofNotice(long noticeId) {
        return jdbc.sql("SELECT id FROM cr_recognition WHERE notice_id = ?").param(noticeId).query(Long.class)
                .optional();
    }

    private static Recognition row(ResultSet rs, int n) throws SQLException {
        return new Recognition(rs.getLong(1), rs.getLong(2), rs.getInt(3), RecognitionStatus.valueOf(rs.getString(4)),
                rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getObject(7, LocalDate.class),
                rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getLong(11), rs.getInt(12));
    }
}
