package org.workstudy.approvals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.identity.ScopeKind;
import org.workstudy.shared.BusinessException;

/**
 * Opens approval requests, records decisions and answers who must decide next. The subject's module checks its own
 * rules (and data scope) first; this facade checks that the user acts in the role of an approver of the current step
 * and holds a grant over that approver's scope. Decisions are rows that are never changed.
 */
@Service
public class Approvals {

    private final JdbcClient jdbc;
    private final HistoryStore history;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Approvals(JdbcClient jdbc, HistoryStore history, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Opens a request for the subject with these steps, in order; returns its id. */
    @Transactional
    public long open(String subjectType, long subjectId, List<StepSpec> steps) {
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one step");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String by = CurrentUser.find().map(CurrentUser::username).orElse("system");
        jdbc.sql("INSERT INTO apv_request (subject_type, subject_id, requested_by, created_at, current_step)"
                + " VALUES (?,?,?,?,1)").params(subjectType, subjectId, by, now()).update(key, "id");
        long id = key.getKey().longValue();
        for (int i = 0; i < steps.size(); i++) {
            for (Approver a : steps.get(i).approvers()) {
                jdbc.sql("INSERT INTO apv_step (request_id, step_no, step_name, role, scope_kind, scope_id)"
                                + " VALUES (?,?,?,?,?,?)")
                        .params(id, i + 1, steps.get(i).name(), a.role().name(), a.scopeKind().name(), a.scopeId())
                        .update();
            }
        }
        audit.record("approval", id, "open", Map.of("subjectType", subjectType, "subjectId", subjectId,
                "steps", steps.stream().map(s -> s.approvers().toString()).toList()));
        return id;
    }

    /**
     * The user approves, or returns with a reason, the current step of the request. Refuses (as not found) a user who
     * is no approver of the request in their active role and scope; refuses (as a conflict) a closed request, a step
     * that is not yet (or no longer) current for the user, and a second decision of the same approver. The subject's
     * module hears the {@link ApprovalDecided} this returns in this transaction (a failing listener undoes the
     * decision); callers need not act on the answer.
     */
    @Transactional
    public ApprovalDecided decide(CurrentUser user, long requestId, boolean approve, String reason) {
        ApprovalRequestView request = lock(requestId);
        boolean approverAnywhere = request.steps().stream().flatMap(s -> s.approvers().stream())
                .anyMatch(a -> matches(user, a));
        if (!approverAnywhere) {
            throw BusinessException.notFound("error.not-found");
        }
        if (!request.open()) {
            throw BusinessException.conflict("approvals.closed");
        }
        Approver approver = request.currentApprovers().stream().filter(a -> matches(user, a)).findFirst()
                .orElseThrow(() -> BusinessException.conflict("approvals.not-current-step"));
        int step = request.currentStep();
        boolean decided = jdbc.sql("SELECT count(*) FROM apv_decision WHERE request_id = ? AND step_no = ? AND role = ?")
                .params(requestId, step, approver.role().name()).query(Long.class).single() > 0;
        if (decided) {
            throw BusinessException.conflict("approvals.already-decided");
        }
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (!approve && why == null) {
            throw BusinessException.invalid("approvals.reason-required");
        }
        if (why != null && why.length() > 500) {
            throw BusinessException.invalid("approvals.reason-too-long", 500);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO apv_decision (request_id, step_no, role, approved, reason, account_id, decided_by,"
                        + " decided_at) VALUES (?,?,?,?,?,?,?,?)")
                .params(requestId, step, approver.role().name(), approve, why, user.accountId(), user.username(), now())
                .update(key, "id");
        long decisionId = key.getKey().longValue();
        boolean finished;
        if (!approve) {
            close(requestId, ApprovalOutcome.RETURNED);
            finished = true;
        } else {
            long approvedHere = jdbc.sql("SELECT count(*) FROM apv_decision WHERE request_id = ? AND step_no = ?"
                    + " AND approved").params(requestId, step).query(Long.class).single();
            boolean stepDone = approvedHere >= request.currentApprovers().size();
            finished = stepDone && step == request.steps().size();
            if (finished) {
                close(requestId, ApprovalOutcome.APPROVED);
            } else if (stepDone) {
                jdbc.sql("UPDATE apv_request SET current_step = ? WHERE id = ?").params(step + 1, requestId).update();
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("step", step);
        values.put("role", approver.role());
        values.put("approved", approve);
        values.put("reason", why);
        values.put("finished", finished);
        audit.record("approval", requestId, approve ? "approve" : "return", values);
        ApprovalDecided event = new ApprovalDecided(requestId, request.subjectType(), request.subjectId(), step,
                request.steps().get(step - 1).name(), approve, finished, approver.role(), user.username(), why,
                decisionId);
        // heard synchronously by the subject's module, in this transaction: a listener that fails undoes the decision
        events.publishEvent(event);
        return event;
    }

    /**
     * What a decision meant for its subject, written by the subject's {@link ApprovalDecided} listener: its word for
     * the step ({@code action}) and the subject's status after it. Who, when and why are the decision's.
     */
    @Transactional
    public void noteDecision(ApprovalDecided decided, String action, String status) {
        history.insertDecision(decided, action, status);
    }

    /**
     * A step of the subject's lifecycle that is no approver's decision (submitted, withdrawn, published on a notice,
     * final, a certificate uploaded or verified), with the subject's status after it.
     */
    @Transactional
    public void note(String subjectType, long subjectId, Long requestId, String action, String status, String actor,
            String reason) {
        history.insert(subjectType, subjectId, requestId, action, status, actor, reason, now());
    }

    /** The subject's lifecycle, oldest first: decisions and the other steps, over all its requests. */
    public List<HistoryEntry> lifecycle(String subjectType, long subjectId) {
        return history.of(subjectType, subjectId);
    }

    /** A time a subject waited for someone: from the step that left it waiting to the next step (null: waits still). */
    public record Wait(long subjectId, Instant since, Instant endedAt) {
    }

    /**
     * Every wait of subjects of the type that began from {@code from} up to (not including) {@code to}: steps that left
     * the subject in one of the {@code waiting} statuses, with when the next step ended it; waits ended by a step into
     * {@code leftOutStatus} (the applicant withdrawing) are left out.
     */
    public List<Wait> waitsBegun(String subjectType, Collection<String> waiting, String leftOutStatus, Instant from,
            Instant to) {
        return history.waits(subjectType, waiting, leftOutStatus, from, to);
    }

    /** The latest reason given in the subject's lifecycle, if any. */
    public Optional<String> lastReason(String subjectType, long subjectId) {
        return history.lastReason(subjectType, subjectId);
    }

    /** Closes an open request without a decision (the subject was withdrawn or expired). Does nothing if closed. */
    @Transactional
    public void cancel(long requestId, String why) {
        ApprovalRequestView request = lock(requestId);
        if (request.open()) {
            close(requestId, ApprovalOutcome.CANCELLED);
            audit.record("approval", requestId, "cancel", Map.of("reason", why == null ? "" : why));
        }
    }

    Optional<ApprovalRequestView> find(long requestId) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(requestId).query(this::request).optional();
    }

    /** The requests about a subject, oldest first (a returned subject may have been resubmitted). */
    List<ApprovalRequestView> requestsOf(String subjectType, long subjectId) {
        return jdbc.sql(SELECT + " WHERE subject_type = ? AND subject_id = ? ORDER BY id").params(subjectType, subjectId)
                .query(this::request).list();
    }

    /** The decisions of a request, in the order they were taken. */
    public List<DecisionView> history(long requestId) {
        return jdbc.sql(DECISIONS + " WHERE request_id = ? ORDER BY id").param(requestId).query(Approvals::decision)
                .list();
    }

    /** The decisions of every request about a subject, in order. */
    public List<DecisionView> historyOf(String subjectType, long subjectId) {
        return jdbc.sql(DECISIONS + " WHERE request_id IN (SELECT id FROM apv_request WHERE subject_type = ?"
                + " AND subject_id = ?) ORDER BY id").params(subjectType, subjectId).query(Approvals::decision).list();
    }

    /** Open requests whose current step waits for the user's decision, in their active role, oldest first. */
    public List<PendingApproval> pendingFor(CurrentUser user) {
        return pendingFor(user, null);
    }

    /** As {@link #pendingFor(CurrentUser)}, for one subject type only (null: all). */
    public List<PendingApproval> pendingFor(CurrentUser user, String subjectType) {
        Role role = user.activeRole();
        if (role == null) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("role", role.name());
        String scope;
        if (role.scopeKind() == ScopeKind.SCHOOL) {
            scope = "s.scope_id IS NULL";
        } else {
            Set<Long> ids = user.activeScopeIds();
            if (ids.isEmpty()) {
                return List.of();
            }
            scope = "s.scope_kind = :kind AND s.scope_id IN (:ids)";
            params.put("kind", role.scopeKind().name());
            params.put("ids", ids);
        }
        String type = "";
        if (subjectType != null) {
            type = " AND r.subject_type = :type";
            params.put("type", subjectType);
        }
        return jdbc.sql("SELECT r.id, r.subject_type, r.subject_id, r.current_step, r.created_at FROM apv_request r"
                        + " JOIN apv_step s ON s.request_id = r.id AND s.step_no = r.current_step"
                        + " WHERE r.outcome IS NULL AND s.role = :role AND " + scope + type
                        + " AND NOT EXISTS (SELECT 1 FROM apv_decision d WHERE d.request_id = r.id"
                        + " AND d.step_no = r.current_step AND d.role = s.role) ORDER BY r.created_at, r.id")
                .params(params)
                .query((rs, n) -> new PendingApproval(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Whether the user, in their active role and scope, is an approver of the request's current step. */
    public boolean mayDecide(CurrentUser user, long requestId) {
        return find(requestId).map(r -> r.currentApprovers().stream().anyMatch(a -> matches(user, a))).orElse(false);
    }

    static boolean matches(CurrentUser user, Approver approver) {
        if (!user.acts(approver.role())) {
            return false;
        }
        if (approver.scopeKind() == ScopeKind.SCHOOL) {
            return user.grants().stream().anyMatch(g -> g.role() == approver.role());
        }
        return user.grants().stream().anyMatch(g -> g.role() == approver.role()
                && g.scopeKind() == approver.scopeKind() && approver.scopeId().equals(g.scopeId()));
    }

    private static final String SELECT = "SELECT id, subject_type, subject_id, requested_by, created_at, current_step,"
            + " outcome, closed_at FROM apv_request";
    private static final String DECISIONS = "SELECT id, request_id, step_no, role, approved, reason, decided_by,"
            + " decided_at FROM apv_decision";

    private ApprovalRequestView lock(long requestId) {
        return jdbc.sql(SELECT + " WHERE id = ? FOR UPDATE").param(requestId).query(this::request).optional()
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
    }

    private void close(long requestId, ApprovalOutcome outcome) {
        jdbc.sql("UPDATE apv_request SET outcome = ?, closed_at = ? WHERE id = ? AND outcome IS NULL")
                .params(outcome.name(), now(), requestId).update();
    }

    private ApprovalRequestView request(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong(1);
        Timestamp closed = rs.getTimestamp(8);
        String outcome = rs.getString(7);
        return new ApprovalRequestView(id, rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), steps(id), rs.getInt(6),
                outcome == null ? null : ApprovalOutcome.valueOf(outcome), closed == null ? null : closed.toInstant());
    }

    private List<StepSpec> steps(long requestId) {
        Map<Integer, List<Approver>> byStep = new java.util.TreeMap<>();
        Map<Integer, String> names = new java.util.HashMap<>();
        jdbc.sql("SELECT step_no, role, scope_kind, scope_id, step_name FROM apv_step WHERE request_id = ?"
                        + " ORDER BY step_no, role")
                .param(requestId)
                .query(rs -> {
                    byStep.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new Approver(
                            Role.valueOf(rs.getString(2)), ScopeKind.valueOf(rs.getString(3)),
                            rs.getObject(4, Long.class)));
                    names.put(rs.getInt(1), rs.getString(5));
                });
        return byStep.entrySet().stream().map(e -> new StepSpec(names.get(e.getKey()), e.getValue())).toList();
    }

    private static DecisionView decision(ResultSet rs, int n) throws SQLException {
        return new DecisionView(rs.getLong(1), rs.getLong(2), rs.getInt(3), Role.valueOf(rs.getString(4)),
                rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }

    private OffsetDateTime now() {
        Instant now = clock.instant();
        return now.atZone(clock.getZone()).toOffsetDateTime();
    }
}
