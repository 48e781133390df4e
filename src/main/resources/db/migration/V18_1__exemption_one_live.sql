-- One live (or final) exemption/offset application per student, also under concurrent submissions: the service
-- checks under a row lock, this partial unique index is the last word. PostgreSQL only (H2 has no partial indexes).
CREATE UNIQUE INDEX cr_exemption_live_uk ON cr_exemption (student_id)
    WHERE status IN ('SUBMITTED', 'WAITING_DIRECTOR', 'GRANTED', 'IN_NOTICE', 'FINAL');
