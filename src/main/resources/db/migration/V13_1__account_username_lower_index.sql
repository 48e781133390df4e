-- Sign-in finds the account by lower(username) (names are case-insensitive): an expression index keeps that from
-- scanning every account. PostgreSQL only: H2, the embedded demo database, has no expression indexes.
CREATE INDEX identity_account_username_lower_ix ON identity_account (lower(username));
