-- Issue 13: one fact, one row. V91 copied the old cr_exemption_event / plc_self_event rows into apv_history with their
-- own actor, reason and time and no decision_id, although the rows that record a decision step are the same fact as an
-- apv_decision row. Here each such copied row is pointed at its decision and stops copying it (actor, reason and at
-- emptied: the history read takes them from the decision, as for every decision since V91).
--
-- Decision rows are those whose action is a step's decision (what the ApprovalDecided listeners write):
--   exemption:          counselor-approved, returned (step "counselor"); granted, rejected (step "director")
--   self-arranged-work: counselor-approved, returned (step "counselor"); vice-dean-approved, refused (step "vice-dean")
--   (credit-recognition had no event table: V91 copied none of its rows.)
-- They are matched in order: the n-th decision row of a step in a subject's history <-> the n-th apv_decision of that
-- step over the subject's requests (apv_request.subject_type/subject_id, the step's name from apv_step), counting the
-- rows already linked since V91 so that the places agree. A row is linked only when the match is unambiguous and the
-- history would read the same: the subject has as many decision rows of the step as decisions, and the decision has
-- the row's actor, reason, outcome (approved or not) and minute (the pages show minutes). Any other row stays as V91
-- left it (it still shows what it showed).
WITH history_decisions AS (
    SELECT h.id, h.decision_id, h.subject_type, h.subject_id, h.step_name, h.action, h.actor, h.reason, h.at,
           row_number() OVER step_rows AS nth,
           count(*) OVER (PARTITION BY h.subject_type, h.subject_id, h.step_name) AS of_step
      FROM apv_history h
     WHERE (h.subject_type = 'exemption'
            AND h.action IN ('counselor-approved', 'returned', 'granted', 'rejected'))
        OR (h.subject_type = 'self-arranged-work'
            AND h.action IN ('counselor-approved', 'returned', 'vice-dean-approved', 'refused'))
    WINDOW step_rows AS (PARTITION BY h.subject_type, h.subject_id, h.step_name ORDER BY h.id)
), decisions AS (
    SELECT d.id, d.request_id, r.subject_type, r.subject_id, s.step_name, d.approved, d.decided_by, d.reason,
           d.decided_at,
           row_number() OVER step_decisions AS nth,
           count(*) OVER (PARTITION BY r.subject_type, r.subject_id, s.step_name) AS of_step
      FROM apv_decision d
      JOIN apv_request r ON r.id = d.request_id
      JOIN apv_step s ON s.request_id = d.request_id AND s.step_no = d.step_no AND s.role = d.role
    WINDOW step_decisions AS (PARTITION BY r.subject_type, r.subject_id, s.step_name ORDER BY d.id)
), matched AS (
    SELECT h.id, d.id AS decision_id, d.request_id
      FROM history_decisions h
      JOIN decisions d ON d.subject_type = h.subject_type AND d.subject_id = h.subject_id
                      AND d.step_name = h.step_name AND d.nth = h.nth AND d.of_step = h.of_step
     WHERE h.decision_id IS NULL
       AND d.decided_by = h.actor
       AND d.reason IS NOT DISTINCT FROM h.reason
       AND d.approved = (h.action IN ('counselor-approved', 'granted', 'vice-dean-approved'))
       AND date_trunc('minute', d.decided_at) = date_trunc('minute', h.at)
       AND NOT EXISTS (SELECT 1 FROM apv_history linked WHERE linked.decision_id = d.id)
)
UPDATE apv_history h
   SET decision_id = m.decision_id, request_id = m.request_id, actor = NULL, reason = NULL, at = NULL
  FROM matched m
 WHERE h.id = m.id;
