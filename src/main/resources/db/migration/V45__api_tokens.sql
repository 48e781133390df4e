-- Personal access tokens for programs (identity/ApiTokens): sent as "Authorization: Bearer ...", checked with one
-- indexed lookup of the token's SHA-256 (a random 256-bit token needs no slow hash), acting in the role chosen when
-- the token was issued. Shown once; revoked tokens stay listed for the record.
CREATE TABLE identity_api_token (
    id           BIGSERIAL                PRIMARY KEY,
    account_id   BIGINT                   NOT NULL REFERENCES identity_account (id),
    name         VARCHAR(100)             NOT NULL,
    role         VARCHAR(32)              NOT NULL,
    token_hash   VARCHAR(64)              NOT NULL,
    token_hint   VARCHAR(16)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT identity_api_token_hash_uk UNIQUE (token_hash)
);
CREATE INDEX identity_api_token_account_ix ON identity_api_token (account_id);
