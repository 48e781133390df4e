-- Revoking a reward or penalty (撤销, issue 14): the record stays, marked with who revoked it, when and why; the
-- eligibility rules stop counting it. All three are set together, once (the service refuses a second revocation).
ALTER TABLE awd_record
    ADD COLUMN revoked_at      TIMESTAMP WITH TIME ZONE,
    ADD COLUMN revoked_by      VARCHAR(64),
    ADD COLUMN revoked_by_name VARCHAR(100),
    ADD COLUMN revoke_reason   VARCHAR(500),
    ADD CONSTRAINT awd_record_revoked_ck CHECK ((revoked_at IS NULL AND revoked_by IS NULL AND revoked_by_name IS NULL
        AND revoke_reason IS NULL) OR (revoked_at IS NOT NULL AND revoked_by IS NOT NULL
        AND revoked_by_name IS NOT NULL AND revoke_reason IS NOT NULL));
