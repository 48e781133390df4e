-- One row whose version every calendar write bumps in its transaction. Each application instance compares it with
-- the version of its in-memory calendar every few seconds and reloads when it differs. The UPDATE also serialises
-- calendar writes across instances, so two concurrent writes cannot both pass the overlap check.
CREATE TABLE cal_version (
    id      INT    NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO cal_version (id, version) VALUES (1, 0);
