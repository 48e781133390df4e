-- A record entered on a date of a provisional calendar year is checked again when the year is published. A record
-- that no longer passes the counting rules is flagged here for its counselor, never changed: the counselor corrects
-- or voids it (or leaves it, with the flag visible). One row per record; a later publication replaces the reason.
CREATE TABLE hrs_calendar_flag (
    entry_id     BIGINT       NOT NULL PRIMARY KEY REFERENCES hrs_entry (id),
    student_id   BIGINT       NOT NULL,
    year         INT          NOT NULL,
    reason_key   VARCHAR(100) NOT NULL,
    reason_args  TEXT         NOT NULL,
    flagged_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX hrs_calendar_flag_student_ix ON hrs_calendar_flag (student_id);
