package org.workstudy.approvals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lifecycle history ({@code apv_history}): one row per step of a subject's life. A decision's row refers to its
 * {@code apv_decision} row, which holds who decided, when and why; other rows hold them themselves.
 */
@Component
class HistoryStore {

    private final JdbcClient jdbc;

    HistoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertDecision(ApprovalDecided decided, String action, String status) {
        jdbc.sql("INSERT INTO apv_history (subject_type, subject_id, request_id, decision_id, step_name, action,"
                        + " status) VALUES (?,?,?,?,?,?,?)")
                .params(decided.subjectType(), decided.subjectId(), decided.requestId(), decided.decisionId(),
                        decided.stepName(), action, status)
                .update();
    }

    void insert(String subjectType, long subjectId, Long requestId, String action, String status, String actor,
            String reason, OffsetDateTime at) {
        jdbc.sql("INSERT INTO apv_history (subject_type, subject_id, request_id, action, status, actor, reason, at)"
                        + " VALUES (?,?,?,?,?,?,?,?)")
                .params(subjectType, subjectId, requestId, action, status, actor, reason, at)
                .update();
    }

    List<HistoryEntry> of(String subjectType, long subjectId) {
        return jdbc.sql("SELECT h.id, h.request_id, h.step_name, h.action, h.status, COALESCE(h.actor, d.decided_by),"
                        + " COALESCE(h.reason, d.reason), COALESCE(h.at, d.decided_at) FROM apv_history h"
                        + " LEFT JOIN apv_decision d ON d.id = h.decision_id"
                        + " WHERE h.subject_type = ? AND h.subject_id = ? ORDER BY h.id")
                .params(subjectType, subjectId)
                .query((rs, n) -> new HistoryEntry(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    List<Approvals.Wait> waits(String subjectType, Collection<String> waiting, String leftOutStatus, Instant from,
            Instant to) {
        return jdbc.sql("SELECT subject_id, at, next_at FROM (SELECT h.subject_id, h.status,"
                        + " COALESCE(h.at, d.decided_at) AS at,"
                        + " lead(COALESCE(h.at, d.decided_at)) OVER later AS next_at, lead(h.status) OVER later AS"
                        + " next_status"
                        + " FROM apv_history h LEFT JOIN apv_decision d ON d.id = h.decision_id"
                        + " WHERE h.subject_type = :type WINDOW later AS (PARTITION BY h.subject_id ORDER BY h.id)) e"
                        + " WHERE status IN (:waiting) AND at >= :from AND at < :to"
                        + " AND (next_status IS NULL OR next_status <> :leftOut) ORDER BY at")
                .param("type", subjectType).param("waiting", waiting).param("leftOut", leftOutStatus)
                .param("from", from.atOffset(ZoneOffset.UTC)).param("to", to.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Approvals.Wait(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .list();
    }

    Optional<String> lastReason(String subjectType, long subjectId) {
        return jdbc.sql("SELECT COALESCE(h.reason, d.reason) FROM apv_history h"
                        + " LEFT JOIN apv_decision d ON d.id = h.decision_id"
                        + " WHERE h.subject_type = ? AND h.subject_id = ? AND COALESCE(h.reason, d.reason) IS NOT NULL"
                        + " ORDER BY h.id DESC LIMIT 1")
                .params(subjectType, subjectId).query(String.class).optional();
    }
}
