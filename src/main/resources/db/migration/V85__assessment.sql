-- Assessment (考核, module assessment): the settings of its metrics and the monthly snapshots frozen when a month
-- closes. Snapshots are written once and never changed: a figure once reported does not move (late records count in
-- the month they are entered).

-- The deadline for handling a self-arranged registration or a work record's confirmation, in days (one row).
CREATE TABLE asm_setting (
    id                  INTEGER      PRIMARY KEY CHECK (id = 1),
    handle_within_days  INTEGER      NOT NULL CHECK (handle_within_days BETWEEN 1 AND 60),
    updated_at          TIMESTAMP WITH TIME ZONE,
    updated_by          VARCHAR(64)
);
INSERT INTO asm_setting (id, handle_within_days) VALUES (1, 3);

-- A frozen month: when it was frozen, and the deadline in force then.
CREATE TABLE asm_month (
    month               DATE         PRIMARY KEY CHECK (EXTRACT(DAY FROM month) = 1),
    frozen_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    handle_within_days  INTEGER      NOT NULL
);

-- One figure of one subject (the school, a college, a counselor, a class) in a frozen month: the numerator and the
-- denominator of the metric's formula (assessment/Metric), so that annual figures combine them.
CREATE TABLE asm_figure (
    month          DATE          NOT NULL REFERENCES asm_month (month),
    subject_kind   VARCHAR(16)   NOT NULL CHECK (subject_kind IN ('SCHOOL', 'COLLEGE', 'COUNSELOR', 'CLASS')),
    subject_id     BIGINT        NOT NULL,
    subject_name   VARCHAR(200)  NOT NULL,
    college_id     BIGINT,
    metric         VARCHAR(24)   NOT NULL,
    numerator      NUMERIC(14, 2) NOT NULL,
    denominator    NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (month, subject_kind, subject_id, metric)
);
CREATE INDEX asm_figure_college_ix ON asm_figure (college_id, month);

-- Snapshots are append-only: a frozen figure is never updated or deleted.
CREATE FUNCTION asm_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'assessment snapshots are frozen: % refused on %', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER asm_month_frozen BEFORE UPDATE OR DELETE ON asm_month
    FOR EACH ROW EXECUTE FUNCTION asm_refuse_change();
CREATE TRIGGER asm_figure_frozen BEFORE UPDATE OR DELETE ON asm_figure
    FOR EACH ROW EXECUTE FUNCTION asm_refuse_change();
