-- The ledger of the graduation benchmark (bench/README.md, "Graduation audit"): every student of the graduating
-- cohort (:cohort, enrolled :cohort-(:cohort+1)-1) gets a work-study history written straight into the tables with
-- set-based SQL, shaped as the application writes it (see bench/hours/generate.sql for the ledger's shape):
--   * one closed position per college, '压测毕业岗位（<college>）', at the first on-campus demo employer, with one ARRANGED
--     placement per student of the cohort on their college's position;
--   * per student, by its rank (by id) in the cohort modulo 100 (ids alone are not spread: the demo deals students
--     out to classes in turn, so the ids of one cohort share a residue modulo 5):
--       0      exempt (免修): a FINAL cr_exemption, no hours;
--       1      offset (抵扣) of 180 hours: a FINAL cr_exemption, 30 records (180 h);
--       2..7   deficient: 40..55 records;
--       8      deferred (暂缓毕业) with 50 records, made up: 10 make-up records after the window, released;
--       9      deferred with 50 records, still making up: 4 make-up records;
--       10..99 the full 60 records (360 h); those of 10..39 already have their credit record (cr_credit_record);
--     records are 6 h, 08:00-14:00, one a day on vacation days and term Saturdays inside the five semesters (as
--     bench/hours); every tenth record of a student is an employer's record confirmed by the counselor
--     (needs_confirmation + a hrs_confirmation row); one in ten of the students of 10..99 has a 61st record, a
--     report of their own still waiting for confirmation;
--   * corrections and voids (new rows referencing the first record of the student): rank % 50 = 13 a correction to
--     5 h, rank % 50 = 14 a void;
--   * the deferred list (cr_deferral) of the students of 8 and 9, deferred on the first vacation day after the window.
-- Not written: audit rows. psql variables: cohort (2023), window (5). One transaction: all or nothing.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
BEGIN;
SET LOCAL work_mem = '256MB';

CREATE TEMP TABLE gb_student ON COMMIT DROP AS
SELECT s.id, s.class_id, k.college_id, s.enrolment_term, (x.rn % 100)::int AS cat, x.rn
FROM org_student s JOIN org_class k ON k.id = s.class_id
JOIN (SELECT s2.id, row_number() OVER (ORDER BY s2.id) - 1 AS rn FROM org_student s2
      JOIN org_class k2 ON k2.id = s2.class_id WHERE k2.cohort = :cohort AND s2.status = 'ACTIVE') x ON x.id = s.id;

INSERT INTO pos_position (bank, bank_college_id, employer_id, title, description, type, time_kinds, place, city,
        capacity, hours_per_shift, hourly_pay, work_from, work_to, opens_at, closes_at, eligible_colleges,
        eligible_cohorts, selection_mode, safety_notes, status, created_at, created_by, published_at)
SELECT 'COLLEGE', c.id, e.id, '压测毕业岗位（' || c.name || '）', '毕业审核基准测试（bench/graduation）的数据，由 SQL 写入',
       'FIXED', 'EVENING,PUBLIC_HOLIDAY,SUMMER_VACATION,WEEKEND,WINTER_VACATION', c.name || '综合办公室', e.city, 100000,
       6, 20, DATE '2020-08-01', DATE '2031-07-31', TIMESTAMPTZ '2020-08-01 08:00:00+08', TIMESTAMPTZ '2020-08-31 18:00:00+08',
       '', '', 'EMPLOYER_CHOICE', NULL, 'CLOSED', TIMESTAMPTZ '2020-07-20 10:00:00+08', 'zhongxin',
       TIMESTAMPTZ '2020-08-01 08:00:00+08'
FROM org_college c
CROSS JOIN (SELECT id, city FROM pos_employer WHERE on_campus ORDER BY id LIMIT 1) e;

INSERT INTO plc_placement (position_id, student_id, source, application_id, created_at, created_by)
SELECT p.id, s.id, 'ARRANGED', NULL, ((t.starts_on - 1) + TIME '10:00') AT TIME ZONE 'Asia/Shanghai', 'zhongxin'
FROM gb_student s
JOIN pos_position p ON p.bank_college_id = s.college_id AND p.title LIKE '压测毕业岗位%'
JOIN cal_term t ON t.code = s.enrolment_term
ON CONFLICT (position_id, student_id) DO NOTHING;

INSERT INTO plc_seat (position_id, capacity, accepted)
SELECT p.id, p.capacity, count(pl.id)
FROM pos_position p LEFT JOIN plc_placement pl ON pl.position_id = p.id AND pl.ended_at IS NULL
WHERE p.title LIKE '压测毕业岗位%'
GROUP BY p.id, p.capacity
ON CONFLICT (position_id) DO UPDATE SET accepted = EXCLUDED.accepted;

CREATE TEMP TABLE gb_term ON COMMIT DROP AS
SELECT code, starts_on, ends_on, row_number() OVER (ORDER BY starts_on) AS n,
       lead(starts_on) OVER (ORDER BY starts_on) AS next_start
FROM cal_term;

CREATE TEMP TABLE gb_window ON COMMIT DROP AS
SELECT e.code AS enrolment, e.starts_on AS w_from, s.starts_on AS w_to
FROM gb_term e JOIN gb_term s ON s.n = e.n + :window
WHERE e.code IN (SELECT DISTINCT enrolment_term FROM gb_student);

CREATE TEMP TABLE gb_day ON COMMIT DROP AS
SELECT d::date AS day, d::date > t.ends_on AS vacation, extract(isodow FROM d)::int AS dow, sd.kind AS special
FROM gb_term t
CROSS JOIN LATERAL generate_series(t.starts_on, t.next_start - 1, INTERVAL '1 day') d
LEFT JOIN cal_special_day sd ON sd.special_date = d::date
WHERE t.next_start IS NOT NULL;

-- the candidate days within the window, numbered
CREATE TEMP TABLE gb_slot ON COMMIT DROP AS
SELECT w.enrolment, d.day, row_number() OVER (PARTITION BY w.enrolment ORDER BY d.day) - 1 AS idx,
       count(*) OVER (PARTITION BY w.enrolment) AS m
FROM gb_window w JOIN gb_day d ON d.day >= w.w_from AND d.day < w.w_to
WHERE d.vacation OR (d.dow = 6 AND d.special IS DISTINCT FROM 'MAKEUP_WORKDAY');
CREATE INDEX ON gb_slot (enrolment, idx);

-- vacation days after the window and before today: the make-up days
CREATE TEMP TABLE gb_makeup_day ON COMMIT DROP AS
SELECT w.enrolment, d.day, row_number() OVER (PARTITION BY w.enrolment ORDER BY d.day) - 1 AS idx
FROM gb_window w JOIN gb_day d ON d.day >= w.w_to AND d.vacation
WHERE d.day < (now() AT TIME ZONE 'Asia/Shanghai')::date;

CREATE TEMP TABLE gb_counselor ON COMMIT DROP AS
SELECT DISTINCT ON (g.scope_id) g.scope_id AS class_id, a.username, a.display_name
FROM identity_grant g JOIN identity_account a ON a.id = g.account_id
WHERE g.role = 'COUNSELOR' AND g.scope_kind = 'CLASS'
ORDER BY g.scope_id, a.id;

-- records per student by category; 60 at most, spread over the m candidate days from a per-student offset
CREATE TEMP TABLE gb_plan ON COMMIT DROP AS
SELECT s.*, CASE WHEN s.cat = 0 THEN 0 WHEN s.cat = 1 THEN 30 WHEN s.cat BETWEEN 2 AND 7 THEN 40 + (s.id % 16)::int
                 WHEN s.cat IN (8, 9) THEN 50 WHEN s.rn % 10 = 5 THEN 61 ELSE 60 END AS n
FROM gb_student s;

CREATE TEMP TABLE gb_entry ON COMMIT DROP AS
SELECT pl.student_id, pl.id AS placement, p.id AS position, e.id AS employer, e.name AS employer_name, p.place,
       sl.day, j, co.username, co.display_name
FROM gb_plan s
JOIN gb_counselor co ON co.class_id = s.class_id
JOIN plc_placement pl ON pl.student_id = s.id
JOIN pos_position p ON p.id = pl.position_id AND p.title LIKE '压测毕业岗位%'
JOIN pos_employer e ON e.id = p.employer_id
JOIN (SELECT enrolment, max(m) AS m FROM gb_slot GROUP BY enrolment) c ON c.enrolment = s.enrolment_term
CROSS JOIN LATERAL generate_series(0::bigint, s.n - 1) j
JOIN gb_slot sl ON sl.enrolment = s.enrolment_term AND sl.idx = j * c.m / 61 + s.id % greatest(1, c.m / 61)
WHERE s.n > 0;

-- make-up records of the deferred students: 10 (made up) or 4 (still making up), on vacation days after the window
INSERT INTO gb_entry
SELECT pl.student_id, pl.id, p.id, e.id, e.name, p.place, md.day, 1000 + md.idx, co.username, co.display_name
FROM gb_plan s
JOIN gb_counselor co ON co.class_id = s.class_id
JOIN plc_placement pl ON pl.student_id = s.id
JOIN pos_position p ON p.id = pl.position_id AND p.title LIKE '压测毕业岗位%'
JOIN pos_employer e ON e.id = p.employer_id
JOIN gb_makeup_day md ON md.enrolment = s.enrolment_term AND md.idx < CASE WHEN s.cat = 8 THEN 10 ELSE 4 END
WHERE s.cat IN (8, 9);

INSERT INTO hrs_entry (student_id, source_kind, source_id, position_id, employer_id, employer_name, place, work_date,
        starts_at, ends_at, hours, content, kind, corrects_id, chain_id, reason, recorded_by, recorded_by_name,
        recorder_role, recorded_at, needs_confirmation)
SELECT g.student_id, 'PLACEMENT', g.placement, g.position, g.employer, g.employer_name, g.place, g.day,
       TIME '08:00', TIME '14:00', 6.00,
       (ARRAY['图书馆图书整理上架', '机房值守与设备巡检', '学院档案录入', '实验室清洁与器材整理', '校园活动会务服务',
              '食堂就餐秩序引导'])[1 + ((g.j + g.student_id) % 6)::int],
       'RECORD', NULL, NULL, NULL,
       CASE WHEN g.j = 60 THEN 'student' WHEN (g.student_id + g.j) % 10 = 0 THEN 'employer' ELSE g.username END,
       CASE WHEN g.j = 60 THEN '学生' WHEN (g.student_id + g.j) % 10 = 0 THEN '用人单位' ELSE g.display_name END,
       CASE WHEN g.j = 60 THEN 'STUDENT' WHEN (g.student_id + g.j) % 10 = 0 THEN 'EMPLOYER' ELSE 'COUNSELOR' END,
       least(((g.day + 2) + TIME '10:00') AT TIME ZONE 'Asia/Shanghai', now()),
       g.j = 60 OR (g.student_id + g.j) % 10 = 0
FROM gb_entry g
ORDER BY g.day, g.student_id;

-- the employers' records are confirmed by the counselor; the students' reports wait
INSERT INTO hrs_confirmation (entry_id, confirmed, by_username, by_name, by_role, at, reason)
SELECT e.id, TRUE, co.username, co.display_name, 'COUNSELOR', e.recorded_at + INTERVAL '1 day', NULL
FROM hrs_entry e JOIN gb_student s ON s.id = e.student_id JOIN gb_counselor co ON co.class_id = s.class_id
WHERE e.recorder_role = 'EMPLOYER' AND e.needs_confirmation;

-- a correction (to 5 h) or a void of each such student's first record
INSERT INTO hrs_entry (student_id, source_kind, source_id, position_id, employer_id, employer_name, place, work_date,
        starts_at, ends_at, hours, content, kind, corrects_id, chain_id, reason, recorded_by, recorded_by_name,
        recorder_role, recorded_at, needs_confirmation)
SELECT f.student_id, f.source_kind, f.source_id, f.position_id, f.employer_id, f.employer_name, f.place, f.work_date,
       CASE WHEN s.rn % 50 = 13 THEN TIME '08:00' END, CASE WHEN s.rn % 50 = 13 THEN TIME '13:00' END,
       CASE WHEN s.rn % 50 = 13 THEN 5.00 END, CASE WHEN s.rn % 50 = 13 THEN f.content END,
       CASE WHEN s.rn % 50 = 13 THEN 'CORRECTION' ELSE 'VOID' END, f.id, f.id,
       CASE WHEN s.rn % 50 = 13 THEN '实际工作5小时' ELSE '重复登记' END, co.username, co.display_name, 'COUNSELOR',
       f.recorded_at + INTERVAL '3 days', FALSE
FROM (SELECT DISTINCT ON (e.student_id) e.* FROM hrs_entry e JOIN gb_student s ON s.id = e.student_id
      WHERE s.rn % 50 IN (13, 14) AND e.kind = 'RECORD' AND e.recorder_role = 'COUNSELOR'
      ORDER BY e.student_id, e.work_date) f
JOIN gb_student s ON s.id = f.student_id JOIN gb_counselor co ON co.class_id = s.class_id;

INSERT INTO hrs_student_lock (student_id)
SELECT id FROM gb_student
ON CONFLICT DO NOTHING;

-- exemptions and offsets, final after their notice
INSERT INTO cr_exemption (student_id, kind, reason_kind, reason, status, policy_version_id, quality_credits,
        offset_hours, final_on, created_by, created_at)
SELECT s.id, CASE WHEN s.cat = 0 THEN 'EXEMPT' ELSE 'OFFSET' END, 'HARDSHIP', '家庭经济困难（压测数据）', 'FINAL',
       (SELECT min(id) FROM pol_version), CASE WHEN s.cat = 1 THEN 1 END, CASE WHEN s.cat = 1 THEN 180 END,
       DATE '2025-06-20', s.id::text, TIMESTAMPTZ '2025-06-01 10:00:00+08'
FROM gb_student s WHERE s.cat IN (0, 1);

-- credit records already recognised for a third of those who completed
INSERT INTO cr_credit_record (student_id, recognition_id, course_name, credits, term_code, recognised_on, basis,
        hours, verification_code, created_at)
SELECT s.id, NULL, '勤工助学', 2, '2025-2026-2', DATE '2026-04-30', 'HOURS', 360, 'BG' || s.id,
       TIMESTAMPTZ '2026-04-30 10:00:00+08'
FROM gb_student s WHERE s.cat BETWEEN 10 AND 39
ON CONFLICT DO NOTHING;

-- the deferred list: the students of 8 and 9, deferred on the first make-up day; those of 8 released after 10 days
INSERT INTO cr_deferral (student_id, cohort, kind, on_date, deficit_hours, make_up_hours, deferral_id, by_username,
        by_name, created_at)
SELECT s.id, :cohort, 'DEFERRED', md.day, 60, NULL, NULL, 'jiaowu', '黄老师（教学科研处）', md.day + TIME '09:00'
FROM gb_student s JOIN gb_makeup_day md ON md.enrolment = s.enrolment_term AND md.idx = 0
WHERE s.cat IN (8, 9);
INSERT INTO cr_deferral (student_id, cohort, kind, on_date, deficit_hours, make_up_hours, deferral_id, by_username,
        by_name, created_at)
SELECT d.student_id, d.cohort, 'RELEASED', md.day, NULL, 60, d.id, 'system', 'system', md.day + TIME '18:00'
FROM cr_deferral d JOIN gb_student s ON s.id = d.student_id
JOIN gb_makeup_day md ON md.enrolment = s.enrolment_term AND md.idx = 9
WHERE s.cat = 8 AND d.kind = 'DEFERRED';

SELECT (SELECT count(*) FROM gb_student) AS students,
       (SELECT count(*) FROM hrs_entry e JOIN gb_student s ON s.id = e.student_id) AS entries,
       (SELECT count(*) FROM cr_exemption e JOIN gb_student s ON s.id = e.student_id) AS exemptions,
       (SELECT count(*) FROM cr_credit_record e JOIN gb_student s ON s.id = e.student_id) AS credit_records,
       (SELECT count(*) FROM cr_deferral WHERE cohort = :cohort) AS deferral_rows;

COMMIT;
