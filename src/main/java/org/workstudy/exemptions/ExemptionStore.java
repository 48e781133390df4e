package org.workstudy.exemptions;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.workstudy.credits.ExemptionKind;
import org.workstudy.credits.ExemptionStanding;
import org.workstudy.credits.FinalExemptions;
import org.workstudy.exemptions.internal.ExemptionEvidence;
import org.workstudy.exemptions.internal.ExemptionStatus;
import org.workstudy.quality.OffsetHoldings;
import org.workstudy.organization.StudentCondition;
import org.workstudy.shared.BusinessException;

/**
 * The exemption tables: applications ({@code cr_exemption}) and their evidence (their history is approvals').
 * Students are named by organization ({@link StudentCondition} for lists); no other module's table appears here. It
 * also answers credits' question how many quality-development credits live offsets hold ({@link OffsetHoldings}).
 */
@Component
class ExemptionStore implements OffsetHoldings, FinalExemptions {

    private static final String SELECT = "SELECT e.id, e.student_id, e.kind, e.reason_kind, e.reason, e.status,"
            + " e.quality_credits, e.offset_hours, e.policy_version_id, e.notice_id, e.final_on, e.created_at,"
            + " e.approval_id FROM cr_exemption e";

    /** The live states by name, for SQL: a student has at most one live application, and a live offset holds its credits. */
    private static final List<String> LIVE = Arrays.stream(ExemptionStatus.values()).filter(ExemptionStatus::live)
            .map(Enum::name).toList();

    private final JdbcClient jdbc;

    ExemptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new application; the partial unique index refuses a second live one of the student. */
    long insert(long studentId, ExemptionForm f, ExemptionStatus status, long policyVersionId,
            BigDecimal qualityCredits, BigDecimal offsetHours, String by, OffsetDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cr_exemption (student_id, kind, reason_kind, reason, status, policy_version_id,"
                        + " quality_credits, offset_hours, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(studentId, f.kind().name(), f.reasonKind().name(), f.reason(), status.name(), policyVersionId,
                        qualityCredits, offsetHours, by, at)
                .update(key, "id");
        return key.getKey().longValue();
    }

    void insertEvidence(long id, String name, String type, byte[] content, String by, OffsetDateTime at) {
        jdbc.sql("INSERT INTO cr_exemption_evidence (exemption_id, file_name, content_type, size_bytes,"
                        + " uploaded_at, uploaded_by, content) VALUES (?,?,?,?,?,?,?)")
                .params(id, name, type, content.length, at, by, content)
                .update();
    }

    void setApproval(long id, long requestId) {
        jdbc.sql("UPDATE cr_exemption SET approval_id = ? WHERE id = ?").params(requestId, id).update();
    }

    void setNotice(long id, long noticeId) {
        jdbc.sql("UPDATE cr_exemption SET notice_id = ? WHERE id = ?").params(noticeId, id).update();
    }

    /** Moves the status if it is still {@code from}; false if it changed meanwhile. */
    boolean setStatus(long id, ExemptionStatus from, ExemptionStatus to) {
        return jdbc.sql("UPDATE cr_exemption SET status = ? WHERE id = ? AND status = ?")
                .params(to.name(), id, from.name()).update() == 1;
    }

    @Override
    public Map<Long, ExemptionStanding> ofStudents(Collection<Long> studentIds) {
        Map<Long, ExemptionStanding> out = new HashMap<>();
        if (studentIds.isEmpty()) {
            return out;
        }
        // in order of finality, so that the latest final one of a student is the one kept
        jdbc.sql("SELECT id, student_id, kind, offset_hours, final_on FROM cr_exemption"
                        + " WHERE status = 'FINAL' AND student_id IN (:ids) ORDER BY final_on, id")
                .param("ids", List.copyOf(studentIds))
                .query((rs, n) -> new ExemptionStanding(rs.getLong(1), rs.getLong(2),
                        ExemptionKind.valueOf(rs.getString(3)), rs.getBigDecimal(4), rs.getDate(5).toLocalDate()))
                .list().forEach(e -> out.put(e.studentId(), e));
        return out;
    }

    boolean makeFinal(long id, LocalDate finalOn) {
        return jdbc.sql("UPDATE cr_exemption SET status = 'FINAL', final_on = ? WHERE id = ? AND status = 'IN_NOTICE'")
                .params(finalOn, id).update() == 1;
    }

    Optional<Exemption> find(long id) {
        return jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query(ExemptionStore::row).optional();
    }

    /** Locks the application's row alone, then reads it. */
    Optional<Exemption> lock(long id) {
        return jdbc.sql("SELECT id FROM cr_exemption WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional()
                .flatMap(this::find);
    }

    /** Locks the granted applications (all, or those of {@code only}) and reads them. */
    List<Exemption> lockGranted(Collection<Long> only) {
        String where = " WHERE status = 'GRANTED'";
        Map<String, Object> params = new HashMap<>();
        if (only != null && !only.isEmpty()) {
            where += " AND id IN (:ids)";
            params.put("ids", Set.copyOf(only));
        }
        List<Long> locked = jdbc.sql("SELECT id FROM cr_exemption" + where + " FOR UPDATE").params(params)
                .query(Long.class).list();
        return byIds(locked);
    }

    List<Exemption> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE e.id IN (:ids) ORDER BY e.id").param("ids", ids).query(ExemptionStore::row)
                .list();
    }

    List<Exemption> ofStudent(long studentId) {
        return jdbc.sql(SELECT + " WHERE e.student_id = ? ORDER BY e.id DESC").param(studentId)
                .query(ExemptionStore::row).list();
    }

    /** Applications of the students a condition selects, newest first, optionally of one status. */
    List<Exemption> of(StudentCondition students, ExemptionStatus status, int limit) {
        Map<String, Object> params = new HashMap<>(students.params());
        String where = students.sql();
        if (status != null) {
            where += " AND e.status = :status";
            params.put("status", status.name());
        }
        return jdbc.sql(SELECT + " WHERE " + where + " ORDER BY e.id DESC LIMIT " + limit).params(params)
                .query(ExemptionStore::row).list();
    }

    /** The statuses of the student's live applications. */
    List<ExemptionStatus> liveStatuses(long studentId) {
        return jdbc.sql("SELECT status FROM cr_exemption WHERE student_id = :id AND status IN (:live)")
                .param("id", studentId).param("live", LIVE).query(String.class).list().stream()
                .map(ExemptionStatus::valueOf).toList();
    }

    @Override
    public BigDecimal heldBy(long studentId) {
        return jdbc.sql("SELECT COALESCE(SUM(quality_credits), 0) FROM cr_exemption WHERE student_id = :id"
                        + " AND kind = 'OFFSET' AND status IN (:live)")
                .param("id", studentId).param("live", LIVE).query(BigDecimal.class).single();
    }

    List<ExemptionEvidence> evidence(long id) {
        return jdbc.sql("SELECT id, exemption_id, file_name, content_type, size_bytes, uploaded_at FROM"
                        + " cr_exemption_evidence WHERE exemption_id = ? ORDER BY id")
                .param(id)
                .query((rs, n) -> new ExemptionEvidence(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant(), null))
                .list();
    }

    ExemptionEvidence evidenceFile(long id, long fileId) {
        return jdbc.sql("SELECT id, exemption_id, file_name, content_type, size_bytes, uploaded_at, content FROM"
                        + " cr_exemption_evidence WHERE exemption_id = ? AND id = ?")
                .params(id, fileId)
                .query((rs, n) -> new ExemptionEvidence(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getBytes(7)))
                .optional().orElseThrow(() -> BusinessException.notFound("error.not-found"));
    }

    private static Exemption row(ResultSet rs, int n) throws SQLException {
        java.sql.Date finalOn = rs.getDate(11);
        return new Exemption(rs.getLong(1), rs.getLong(2),
                org.workstudy.credits.ExemptionKind.valueOf(rs.getString(3)),
                ExemptionReason.valueOf(rs.getString(4)), rs.getString(5), ExemptionStatus.valueOf(rs.getString(6)),
                rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getLong(9), rs.getObject(10, Long.class),
                finalOn == null ? null : finalOn.toLocalDate(), rs.getTimestamp(12).toInstant(),
                rs.getObject(13, Long.class));
    }
}
