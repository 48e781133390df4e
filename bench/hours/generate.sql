-- The ledger of the hours benchmark (bench/README.md, "Hours"), written straight into the tables with set-based SQL
-- for speed: about 1.7 million rows in a few minutes, where the application would take hours. The rows are shaped as
-- HoursLedger / LedgerStore write them for a counselor's record: kind RECORD, recorder_role COUNSELOR (counted at
-- once, needs_confirmation false), the source a placement with the position's employer name and place copied, the
-- counselor of the student's class as recorder. The application's rules themselves are exercised by the tests and by
-- the benchmark's bulk entry (step 4 of run.sh), which goes through HoursLedger.
--
-- What is written:
--   * one position per college, '压测工时岗位（<college>）', CLOSED, at the first on-campus demo employer, every time
--     kind, work period 2022-08-01 .. 2031-07-31 (so that it covers every cohort's five semesters);
--   * one ARRANGED placement per active student on their college's position (plc_placement), with its plc_seat count;
--   * per student, :per_student records (60) inside the student's first :window (5) semesters and before today (Asia/
--     Shanghai), spread evenly over the candidate days of the cohort with a per-student offset:
--       - vacation days (any day from the day after a term's end to the day before the next term), 08:00-14:00, 6 h;
--       - term Saturdays that are not make-up workdays (调休上班), 08:00-14:00, 6 h: one a week, so at most 6 h a
--         term-time week (cap 8) and 30 h a month (cap 40);
--       - a cohort whose window has not yet passed enough such days (the freshmen of the current autumn) gets instead,
--         besides vacation days, term Monday-Thursday evenings 18:00-20:00, 2 h: 8 h a week (the cap), at most 38 h a
--         month; its students get as many records as those days allow (fewer than 60);
--     one record a day, so no overlaps and at most 6 h a day (cap 10). recorded_at: two days after the work, 10:00;
--     rows are inserted in work-date order, as the application would have written them over the years (a student's
--     rows lie on many heap pages, not side by side);
--   * the per-student lock rows (hrs_student_lock) the application creates at a student's first write.
-- Not written: the audit rows (audit_entry) the application adds per record; nothing that is measured reads them.
--
-- psql variables: per_student (60), window (5). The caller skips this file when the bench positions exist (the whole
-- file is one transaction: all or nothing).
\set ON_ERROR_STOP on
SET synchronous_commit = off;
BEGIN;
SET LOCAL work_mem = '256MB';

INSERT INTO pos_position (bank, bank_college_id, employer_id, title, description, type, time_kinds, place, city,
        capacity, hours_per_shift, hourly_pay, work_from, work_to, opens_at, closes_at, eligible_colleges,
        eligible_cohorts, selection_mode, safety_notes, status, created_at, created_by, published_at)
SELECT 'COLLEGE', c.id, e.id, '压测工时岗位（' || c.name || '）', '工时基准测试（bench/hours）的数据，由 SQL 写入', 'FIXED',
       'EVENING,PUBLIC_HOLIDAY,SUMMER_VACATION,WEEKEND,WINTER_VACATION', c.name || '综合办公室', e.city, 10000, 6, 20,
       DATE '2022-08-01', DATE '2031-07-31', TIMESTAMPTZ '2022-08-01 08:00:00+08', TIMESTAMPTZ '2022-08-31 18:00:00+08',
       '', '', 'EMPLOYER_CHOICE', NULL, 'CLOSED', TIMESTAMPTZ '2022-07-20 10:00:00+08', 'zhongxin',
       TIMESTAMPTZ '2022-08-01 08:00:00+08'
FROM org_college c
CROSS JOIN (SELECT id, city FROM pos_employer WHERE on_campus ORDER BY id LIMIT 1) e;

INSERT INTO plc_placement (position_id, student_id, source, application_id, created_at, created_by)
SELECT p.id, s.id, 'ARRANGED', NULL, ((t.starts_on - 1) + TIME '10:00') AT TIME ZONE 'Asia/Shanghai', 'zhongxin'
FROM org_student s
JOIN org_class k ON k.id = s.class_id
JOIN pos_position p ON p.bank_college_id = k.college_id AND p.title LIKE '压测工时岗位%'
JOIN cal_term t ON t.code = s.enrolment_term
WHERE s.status = 'ACTIVE'
ON CONFLICT (position_id, student_id) DO NOTHING;

INSERT INTO plc_seat (position_id, capacity, accepted)
SELECT p.id, p.capacity, count(pl.id)
FROM pos_position p LEFT JOIN plc_placement pl ON pl.position_id = p.id AND pl.ended_at IS NULL
WHERE p.title LIKE '压测工时岗位%'
GROUP BY p.id, p.capacity
ON CONFLICT (position_id) DO UPDATE SET accepted = EXCLUDED.accepted;

-- terms in date order; semester n of an enrolment term is the term n-1 places later (consecutive halves)
CREATE TEMP TABLE hb_term ON COMMIT DROP AS
SELECT code, starts_on, ends_on, row_number() OVER (ORDER BY starts_on) AS n,
       lead(starts_on) OVER (ORDER BY starts_on) AS next_start
FROM cal_term;

-- each enrolment term's window: [semester 1 start, semester window+1 start), and before today
CREATE TEMP TABLE hb_window ON COMMIT DROP AS
SELECT e.code AS enrolment, e.starts_on AS w_from,
       least(s.starts_on, (now() AT TIME ZONE 'Asia/Shanghai')::date) AS w_to
FROM hb_term e JOIN hb_term s ON s.n = e.n + :window
WHERE e.code IN (SELECT DISTINCT enrolment_term FROM org_student);

-- every day of every semester period (a term and the vacation after it)
CREATE TEMP TABLE hb_day ON COMMIT DROP AS
SELECT d::date AS day, d::date > t.ends_on AS vacation, extract(isodow FROM d)::int AS dow, sd.kind AS special
FROM hb_term t
CROSS JOIN LATERAL generate_series(t.starts_on, t.next_start - 1, INTERVAL '1 day') d
LEFT JOIN cal_special_day sd ON sd.special_date = d::date
WHERE t.next_start IS NOT NULL;

CREATE TEMP TABLE hb_slot ON COMMIT DROP AS
WITH base AS (
    SELECT w.enrolment, d.day, d.vacation, d.dow, d.special
    FROM hb_window w JOIN hb_day d ON d.day >= w.w_from AND d.day < w.w_to
), days AS (
    SELECT enrolment, day FROM base WHERE vacation OR (dow = 6 AND special IS DISTINCT FROM 'MAKEUP_WORKDAY')
), roomy AS (
    SELECT enrolment FROM days GROUP BY enrolment HAVING count(*) >= :per_student
), chosen AS (
    SELECT d.enrolment, d.day, TIME '08:00' AS starts_at, TIME '14:00' AS ends_at, 6.00 AS hours
    FROM days d WHERE d.enrolment IN (SELECT enrolment FROM roomy)
    UNION ALL
    SELECT b.enrolment, b.day,
           CASE WHEN b.vacation THEN TIME '08:00' ELSE TIME '18:00' END,
           CASE WHEN b.vacation THEN TIME '14:00' ELSE TIME '20:00' END,
           CASE WHEN b.vacation THEN 6.00 ELSE 2.00 END
    FROM base b
    WHERE b.enrolment NOT IN (SELECT enrolment FROM roomy) AND (b.vacation OR b.dow BETWEEN 1 AND 4)
)
SELECT enrolment, day, starts_at, ends_at, hours,
       row_number() OVER (PARTITION BY enrolment ORDER BY day) - 1 AS idx,
       count(*) OVER (PARTITION BY enrolment) AS m
FROM chosen;
CREATE INDEX ON hb_slot (enrolment, idx);

-- per cohort: m candidate days, n records per student, every step-th day from the student's offset
CREATE TEMP TABLE hb_cohort ON COMMIT DROP AS
SELECT enrolment, m, least(m, :per_student) AS n, m / least(m, :per_student) AS step
FROM (SELECT enrolment, max(m) AS m FROM hb_slot GROUP BY enrolment) x;

CREATE TEMP TABLE hb_counselor ON COMMIT DROP AS
SELECT DISTINCT ON (g.scope_id) g.scope_id AS class_id, a.username, a.display_name
FROM identity_grant g JOIN identity_account a ON a.id = g.account_id
WHERE g.role = 'COUNSELOR' AND g.scope_kind = 'CLASS'
ORDER BY g.scope_id, a.id;

INSERT INTO hrs_entry (student_id, source_kind, source_id, position_id, employer_id, employer_name, place, work_date,
        starts_at, ends_at, hours, content, kind, corrects_id, chain_id, reason, recorded_by, recorded_by_name,
        recorder_role, recorded_at, needs_confirmation)
SELECT s.id, 'PLACEMENT', pl.id, p.id, e.id, e.name, p.place, sl.day, sl.starts_at, sl.ends_at, sl.hours,
       (ARRAY['图书馆图书整理上架', '机房值守与设备巡检', '学院档案录入', '实验室清洁与器材整理', '校园活动会务服务',
              '食堂就餐秩序引导'])[1 + ((j + s.id) % 6)::int],
       'RECORD', NULL, NULL, NULL, co.username, co.display_name, 'COUNSELOR',
       least(((sl.day + 2) + TIME '10:00') AT TIME ZONE 'Asia/Shanghai', now()), FALSE
FROM org_student s
JOIN hb_cohort c ON c.enrolment = s.enrolment_term
JOIN hb_counselor co ON co.class_id = s.class_id
JOIN plc_placement pl ON pl.student_id = s.id
JOIN pos_position p ON p.id = pl.position_id AND p.title LIKE '压测工时岗位%'
JOIN pos_employer e ON e.id = p.employer_id
CROSS JOIN LATERAL generate_series(0::bigint, c.n - 1) j
JOIN hb_slot sl ON sl.enrolment = s.enrolment_term AND sl.idx = j * c.m / c.n + s.id % c.step
ORDER BY sl.day, s.id;

INSERT INTO hrs_student_lock (student_id)
SELECT DISTINCT student_id FROM hrs_entry
ON CONFLICT DO NOTHING;

SELECT c.enrolment, c.m AS candidate_days, c.n AS records_per_student, c.step,
       (SELECT count(*) FROM org_student s WHERE s.enrolment_term = c.enrolment) AS students
FROM hb_cohort c ORDER BY c.enrolment;

COMMIT;
