-- Statistics' own read model (module statistics): a summary per student, refreshed from the owners' facades, so
-- that dashboards over 30,000 students never scan the hours ledger. No other module reads these tables.

-- One row per student: where they are (college, major, class, cohort) and where they stand.
CREATE TABLE sts_student (
    student_id       BIGINT       PRIMARY KEY,
    college_id       BIGINT       NOT NULL,
    major_id         BIGINT       NOT NULL,
    class_id         BIGINT       NOT NULL,
    cohort           INTEGER      NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    required_hours   NUMERIC(8, 2) NOT NULL,
    counted_hours    NUMERIC(8, 2) NOT NULL,
    waiting_hours    NUMERIC(8, 2) NOT NULL,
    expected_hours   NUMERIC(8, 2) NOT NULL,
    hours_done       BOOLEAN      NOT NULL,
    behind           BOOLEAN      NOT NULL,
    projected_short  BOOLEAN      NOT NULL,
    exemption        VARCHAR(16),
    offset_hours     NUMERIC(8, 2) NOT NULL,
    recognised       BOOLEAN      NOT NULL,
    deferral         VARCHAR(16),
    -- the three standings of statistics/Standing, written with the row so that figures only count them
    completed        BOOLEAN      NOT NULL,
    on_track         BOOLEAN      NOT NULL,
    at_risk          BOOLEAN      NOT NULL,
    refreshed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sts_student_college_ix ON sts_student (college_id, cohort);
CREATE INDEX sts_student_class_ix ON sts_student (class_id);
CREATE INDEX sts_student_refreshed_ix ON sts_student (refreshed_at);

-- Counted hours per student, month worked, month entered, kind of day and source kind.
CREATE TABLE sts_hours (
    student_id     BIGINT       NOT NULL,
    work_month     DATE         NOT NULL,
    entered_month  DATE         NOT NULL,
    time_kind      VARCHAR(16)  NOT NULL,
    source_kind    VARCHAR(16)  NOT NULL,
    college_id     BIGINT       NOT NULL,
    major_id       BIGINT       NOT NULL,
    class_id       BIGINT       NOT NULL,
    cohort         INTEGER      NOT NULL,
    hours          NUMERIC(9, 2) NOT NULL,
    PRIMARY KEY (student_id, work_month, entered_month, time_kind, source_kind)
);
CREATE INDEX sts_hours_month_ix ON sts_hours (work_month, college_id);

-- The same hours summed per class: what the dashboards read (a few hundred rows per month, not tens of thousands).
CREATE TABLE sts_class_hours (
    class_id       BIGINT       NOT NULL,
    college_id     BIGINT       NOT NULL,
    major_id       BIGINT       NOT NULL,
    cohort         INTEGER      NOT NULL,
    work_month     DATE         NOT NULL,
    time_kind      VARCHAR(16)  NOT NULL,
    source_kind    VARCHAR(16)  NOT NULL,
    hours          NUMERIC(11, 2) NOT NULL,
    PRIMARY KEY (class_id, work_month, time_kind, source_kind)
);
CREATE INDEX sts_class_hours_month_ix ON sts_class_hours (work_month);

-- Placements with the facts of their position.
CREATE TABLE sts_placement (
    placement_id   BIGINT       PRIMARY KEY,
    student_id     BIGINT       NOT NULL,
    college_id     BIGINT       NOT NULL,
    major_id       BIGINT       NOT NULL,
    class_id       BIGINT       NOT NULL,
    cohort         INTEGER      NOT NULL,
    position_id    BIGINT       NOT NULL,
    position_type  VARCHAR(16)  NOT NULL,
    bank           VARCHAR(16)  NOT NULL,
    on_campus      BOOLEAN      NOT NULL,
    employer_id    BIGINT       NOT NULL,
    employer_name  VARCHAR(200) NOT NULL,
    placed_on      DATE         NOT NULL,
    active         BOOLEAN      NOT NULL
);
CREATE INDEX sts_placement_student_ix ON sts_placement (student_id);
CREATE INDEX sts_placement_placed_ix ON sts_placement (placed_on);

-- Students whose facts changed since their row was written (hours, placements): refreshed first.
CREATE TABLE sts_dirty (
    student_id     BIGINT       PRIMARY KEY,
    marked_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A counter raised by every refresh: cached figures of an older generation are stale on every instance.
CREATE TABLE sts_generation (
    id             INTEGER      PRIMARY KEY CHECK (id = 1),
    generation     BIGINT       NOT NULL,
    refreshed_at   TIMESTAMP WITH TIME ZONE
);
INSERT INTO sts_generation (id, generation) VALUES (1, 0);
