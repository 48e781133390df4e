-- Sign-in throttling per typed username AND client address (identity/SignInThrottle). A row exists for any typed
-- username, known or not, so that the answers do not tell which accounts exist; failures from one client never
-- block the account's owner elsewhere.
CREATE TABLE idn_signin_throttle (
    username        VARCHAR(100)             NOT NULL,
    client          VARCHAR(64)              NOT NULL,
    failures        INTEGER                  NOT NULL,
    blocked_until   TIMESTAMP WITH TIME ZONE,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idn_signin_throttle_pk PRIMARY KEY (username, client)
);
CREATE INDEX idn_signin_throttle_last_ix ON idn_signin_throttle (last_failure_at);
