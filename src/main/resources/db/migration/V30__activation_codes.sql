-- Accounts that have not set a password yet (password_hash NULL) sign in once with a one-time activation code and
-- choose their password then. Only the code's SHA-256 is kept; one live code per account, replaced when regenerated.
ALTER TABLE identity_account ALTER COLUMN password_hash DROP NOT NULL;

CREATE TABLE identity_activation (
    account_id BIGINT      NOT NULL PRIMARY KEY REFERENCES identity_account (id),
    code_hash  VARCHAR(64) NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Students who never signed in still hold a first password derived from their ID-card number or 学号: it goes, and
-- they activate with a code from their counselor's class sheet instead.
UPDATE identity_account SET password_hash = NULL
 WHERE must_change_password AND id IN (SELECT account_id FROM identity_grant WHERE role = 'STUDENT');
