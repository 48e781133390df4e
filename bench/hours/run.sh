#!/usr/bin/env bash
# The hours benchmark: with 30,000 students and ~1.7 million ledger rows on PostgreSQL, times a student's progress
# page (/my/hours as the student, /hours/students/{id} as the counselor) and a 50-student class register export
# (.xlsx), median and p95; then a bulk entry of 10,000 records from an .xlsx. See bench/README.md, "Hours".
#
#   bench/hours/run.sh                      # full size: database workstudy_hours_bench, app on 127.0.0.1:18090
#   BENCH_DEMO_STUDENTS=3000 BENCH_DB=workstudy_hours_small BENCH_REQUESTS=30 BENCH_BULK_ROWS=2000 bench/hours/run.sh
#
# Everything is an environment variable with a default (below). Traffic goes to this machine only; every loop is
# bounded (request counts, curl --max-time).
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCH_DB=${BENCH_DB:-workstudy_hours_bench}       # the application's database (created when missing)
BENCH_DEMO_STUDENTS=${BENCH_DEMO_STUDENTS:-30000} # size of the demo school loaded into an empty database
BENCH_PER_STUDENT=${BENCH_PER_STUDENT:-60}        # ledger rows per student (fewer where the calendar has no room)
BENCH_WINDOW=${BENCH_WINDOW:-5}                   # semesters in which hours count (workstudy.policy.semester-window)
BENCH_WARMUP=${BENCH_WARMUP:-20}                  # requests before each measurement, not counted
BENCH_REQUESTS=${BENCH_REQUESTS:-200}             # measured requests per page, one after the other
BENCH_BIG_REQUESTS=${BENCH_BIG_REQUESTS:-20}      # measured requests for the whole demo class and the PDF
BENCH_STUDENTS_SIGNED_IN=${BENCH_STUDENTS_SIGNED_IN:-5}
BENCH_CLASS_SIZE=${BENCH_CLASS_SIZE:-50}          # the class whose register is exported
BENCH_CLASS_COHORT=${BENCH_CLASS_COHORT:-2023}    # its cohort (window complete: every student has all records)
BENCH_BULK_ROWS=${BENCH_BULK_ROWS:-10000}
BENCH_BULK_COHORT=${BENCH_BULK_COHORT:-2022}      # the bulk class's cohort: its five semesters must be past
BENCH_PASSWORD=${BENCH_PASSWORD:-Bench-2026-hours} # the signed-in students' password (set by the bench)
BENCH_STAFF_PASSWORD=${BENCH_STAFF_PASSWORD:-Demo1234}
BENCH_PORT=${BENCH_PORT:-18090}
BENCH_BASE_URL=${BENCH_BASE_URL:-http://127.0.0.1:$BENCH_PORT}
BENCH_START_APP=${BENCH_START_APP:-auto}          # auto: start the app unless one answers at BENCH_BASE_URL; yes; no
BENCH_APP_JAVA_OPTS=${BENCH_APP_JAVA_OPTS:--Xmx2g}
BENCH_APP_ARGS=${BENCH_APP_ARGS:-}
BENCH_START_TIMEOUT=${BENCH_START_TIMEOUT:-1200}
BENCH_MVN_OFFLINE=${BENCH_MVN_OFFLINE:--o}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-}
JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB"
BASE=$BENCH_BASE_URL

case "$BENCH_BASE_URL" in
  http://127.0.0.1:*|http://localhost:*) ;;
  *) echo "BENCH_BASE_URL must be on this machine (127.0.0.1 or localhost): $BENCH_BASE_URL" >&2; exit 2 ;;
esac

OUT=target/bench
WORK=$OUT/hours
mkdir -p "$WORK"
RESULT="$OUT/hours-result.properties"
rm -f "$RESULT"
log() { printf '[hours %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
put() { echo "$1=$2" >>"$RESULT"; }
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" -Atc "$1"; }

pg_isready -q || { echo "PostgreSQL does not answer at $PGHOST:$PGPORT" >&2; exit 2; }

# ---- 1. the application --------------------------------------------------------------------------------------------
APP_PID=
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping the application (pid $APP_PID)"
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
}
trap stop_app EXIT

answers() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/login" | grep -q '^200$'; }

if answers; then
  [ "$BENCH_START_APP" = yes ] && { echo "something already answers at $BASE" >&2; exit 2; }
  log "using the application already running at $BASE (it must use the database $BENCH_DB)"
elif [ "$BENCH_START_APP" = no ]; then
  echo "no application answers at $BASE and BENCH_START_APP=no" >&2; exit 2
else
  JAR=$(ls target/workstudy-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
  if [ -z "$JAR" ]; then
    log "building the application jar"
    ./mvnw -q -B $BENCH_MVN_OFFLINE package -DskipTests
    JAR=$(ls target/workstudy-*.jar | grep -v -- '-plain' | head -1)
  fi
  if ! psql -X -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1; then
    log "creating the database $BENCH_DB"
    createdb "$BENCH_DB"
  fi
  # two queries: PostgreSQL plans a query whole, so one that names a missing table fails even behind a CASE
  if [ -z "$(q "SELECT to_regclass('org_college')")" ] || [ "$(q "SELECT count(*) FROM org_college")" = "0" ]; then
    FRESH=1; else FRESH=0; fi
  log "starting $JAR on $BENCH_DB, port $BENCH_PORT (an empty database gets the demo school of $BENCH_DEMO_STUDENTS"
  log "  students); log: $OUT/hours-app.log"
  SPRING_PROFILES_ACTIVE=postgres WORKSTUDY_DB_URL="$JDBC_URL" WORKSTUDY_DB_USER="$PGUSER" \
    WORKSTUDY_DB_PASSWORD="$PGPASSWORD" WORKSTUDY_DEMO=true \
    java $BENCH_APP_JAVA_OPTS -jar "$JAR" --spring.profiles.active=postgres --server.port="$BENCH_PORT" \
      --server.address=127.0.0.1 --workstudy.demo.students="$BENCH_DEMO_STUDENTS" --workstudy.demo.history=false $BENCH_APP_ARGS \
      >"$OUT/hours-app.log" 2>&1 &
  APP_PID=$!
  started=$(date +%s)
  until answers; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped; see $OUT/hours-app.log" >&2; tail -20 "$OUT/hours-app.log"; exit 1; }
    [ $(( $(date +%s) - started )) -lt "$BENCH_START_TIMEOUT" ] || { echo "the application did not start in time" >&2; exit 1; }
    sleep 2
  done
  if [ "$FRESH" = 1 ]; then
    log "pages answer after $(( $(date +%s) - started )) s; loading the demo school"
    until grep -q 'Demo school loaded' "$OUT/hours-app.log"; do
      kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped; see $OUT/hours-app.log" >&2; exit 1; }
      [ $(( $(date +%s) - started )) -lt "$BENCH_START_TIMEOUT" ] || { echo "the demo school did not load in time" >&2; exit 1; }
      sleep 2
    done
    grep -o 'Demo school loaded.*' "$OUT/hours-app.log"
  fi
  log "application up after $(( $(date +%s) - started )) s"
fi

# ---- 2. the ledger, by SQL (once) ----------------------------------------------------------------------------------
if [ "$(q "SELECT count(*) FROM pos_position WHERE title LIKE '压测工时岗位%'")" = "0" ]; then
  log "writing the ledger by SQL (bench/hours/generate.sql: $BENCH_PER_STUDENT rows a student, one transaction)"
  t0=$(date +%s)
  psql -X -q -d "$BENCH_DB" -v per_student="$BENCH_PER_STUDENT" -v window="$BENCH_WINDOW" \
    -f bench/hours/generate.sql | tee "$WORK/generate.txt"
  t1=$(date +%s)
  log "VACUUM ANALYZE"
  psql -X -q -d "$BENCH_DB" -c "VACUUM ANALYZE hrs_entry" -c "ANALYZE plc_placement" -c "ANALYZE plc_seat" \
    -c "ANALYZE pos_position" -c "ANALYZE hrs_student_lock"
  t2=$(date +%s)
  log "ledger written in $((t1 - t0)) s, vacuum/analyze $((t2 - t1)) s"
  put generate.seconds $((t1 - t0))
  put generate.vacuumAnalyzeSeconds $((t2 - t1))
else
  log "the ledger is there already (bench positions exist): not written again"
fi

# ---- 2b. a class of 50 (students moved by SQL into a new class of the same major and cohort, same counselor) -------
CLASS50=$(q "SELECT id FROM org_class WHERE name LIKE '%压测${BENCH_CLASS_SIZE}人%' AND cohort = $BENCH_CLASS_COHORT ORDER BY id LIMIT 1")
if [ -z "$CLASS50" ]; then
  SRC=$(q "SELECT c.id FROM org_class c
           JOIN identity_grant g ON g.role = 'COUNSELOR' AND g.scope_kind = 'CLASS' AND g.scope_id = c.id
           JOIN identity_account a ON a.id = g.account_id AND a.username LIKE 'fdy%'
           WHERE c.cohort = $BENCH_CLASS_COHORT AND c.name NOT LIKE '%压测%'
           ORDER BY (SELECT count(*) FROM org_student s WHERE s.class_id = c.id) DESC, c.id LIMIT 1")
  [ -n "$SRC" ] || { echo "no class of cohort $BENCH_CLASS_COHORT with an fdy* counselor" >&2; exit 1; }
  CLASS50=$(psql -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" -At <<SQL | tail -1
BEGIN;
INSERT INTO org_class (major_id, college_id, cohort, name, active)
SELECT major_id, college_id, cohort, name || '（压测${BENCH_CLASS_SIZE}人）', TRUE FROM org_class WHERE id = $SRC;
UPDATE org_student SET class_id = currval(pg_get_serial_sequence('org_class', 'id'))
WHERE id IN (SELECT id FROM org_student WHERE class_id = $SRC ORDER BY student_no LIMIT $BENCH_CLASS_SIZE);
INSERT INTO identity_grant (account_id, role, scope_kind, scope_id)
SELECT account_id, 'COUNSELOR', 'CLASS', currval(pg_get_serial_sequence('org_class', 'id'))
FROM identity_grant WHERE role = 'COUNSELOR' AND scope_kind = 'CLASS' AND scope_id = $SRC;
ANALYZE org_student;
SELECT currval(pg_get_serial_sequence('org_class', 'id'));
COMMIT;
SQL
)
  log "class $CLASS50 made of $BENCH_CLASS_SIZE students of class $SRC"
fi
CLASS50_NAME=$(q "SELECT name FROM org_class WHERE id = $CLASS50")
SRC=$(q "SELECT c.id FROM org_class c JOIN org_class b ON b.id = $CLASS50
         WHERE c.major_id = b.major_id AND c.cohort = b.cohort AND c.id <> b.id ORDER BY c.id LIMIT 1")
COUNSELOR=$(q "SELECT a.username FROM identity_grant g JOIN identity_account a ON a.id = g.account_id
               WHERE g.role = 'COUNSELOR' AND g.scope_kind = 'CLASS' AND g.scope_id = $CLASS50 ORDER BY a.id LIMIT 1")
log "measured class: $CLASS50 $CLASS50_NAME ($(q "SELECT count(*) FROM org_student WHERE class_id = $CLASS50") students), counselor $COUNSELOR; the rest of its class: $SRC"

# data size
ROWS=$(q "SELECT count(*) FROM hrs_entry")
STUDENTS=$(q "SELECT count(*) FROM org_student")
WITH_ROWS=$(q "SELECT count(DISTINCT student_id) FROM hrs_entry")
C50_STUDENTS=$(q "SELECT count(*) FROM org_student WHERE class_id = $CLASS50")
C50_ROWS=$(q "SELECT count(*) FROM hrs_entry e JOIN org_student s ON s.id = e.student_id WHERE s.class_id = $CLASS50")
SRC_STUDENTS=$(q "SELECT count(*) FROM org_student WHERE class_id = $SRC")
SRC_ROWS=$(q "SELECT count(*) FROM hrs_entry e JOIN org_student s ON s.id = e.student_id WHERE s.class_id = $SRC")
TABLE_MB=$(q "SELECT pg_total_relation_size('hrs_entry') / 1048576")
q "SELECT enrolment_term || ': ' || count(*) || ' students x ' || round(avg(n), 1) FROM
     (SELECT s.enrolment_term, count(e.id) AS n FROM org_student s LEFT JOIN hrs_entry e ON e.student_id = s.id
      GROUP BY s.id, s.enrolment_term) x GROUP BY enrolment_term ORDER BY 1" >"$WORK/per-cohort.txt"
log "data: $ROWS rows in hrs_entry ($TABLE_MB MB with indexes), $STUDENTS students ($WITH_ROWS with rows)"
sed 's/^/                 /' "$WORK/per-cohort.txt"
put data.hrsEntryRows "$ROWS"
put data.hrsEntryMegabytes "$TABLE_MB"
put data.students "$STUDENTS"
put data.studentsWithRows "$WITH_ROWS"
put data.class50.id "$CLASS50"
put data.class50.students "$C50_STUDENTS"
put data.class50.rows "$C50_ROWS"
put data.classRest.id "$SRC"
put data.classRest.students "$SRC_STUDENTS"
put data.classRest.rows "$SRC_ROWS"

# ---- 3. sign-in ----------------------------------------------------------------------------------------------------
csrf_of() { grep -oE '<(input|meta)[^>]*name="_csrf"[^>]*>' | head -1 | grep -oE '(value|content)="[^"]*"' | cut -d'"' -f2; }

# sign_in USER PASSWORD JAR: prints where POST /login redirects to
sign_in() {
  rm -f "$3"
  local token
  token=$(curl -s --max-time 30 -c "$3" -b "$3" "$BASE/login" | csrf_of)
  curl -s --max-time 30 -o /dev/null -w '%{redirect_url}' -c "$3" -b "$3" --data-urlencode "username=$1" \
    --data-urlencode "password=$2" --data-urlencode "_csrf=$token" "$BASE/login"
}

# Students sign in for the first time with an activation code from their class sheet; the bench prints no sheets, so
# it gives the picked students the bench password as if they had activated (a BCrypt hash made by pgcrypto).
CHANGED=$(q "CREATE EXTENSION IF NOT EXISTS pgcrypto;
  UPDATE identity_account a SET password_hash = crypt('$BENCH_PASSWORD', gen_salt('bf', 10)), must_change_password = false,
    failed_logins = 0, locked_until = NULL
  FROM (SELECT account_id FROM org_student WHERE class_id = $CLASS50 ORDER BY student_no LIMIT $BENCH_STUDENTS_SIGNED_IN) s
  WHERE a.id = s.account_id AND (a.password_hash IS NULL OR a.password_hash <> crypt('$BENCH_PASSWORD', a.password_hash))
  RETURNING a.id" | grep -c . || true)
STUDENT_IDS=()
STUDENT_JARS=()
while IFS='|' read -r sid no; do
  jar="$WORK/student-$sid.cookies"
  loc=$(sign_in "$no" "$BENCH_PASSWORD" "$jar")
  case "$loc" in *"/login"*|"") echo "sign-in failed for $no: $loc" >&2; exit 1 ;; esac
  STUDENT_IDS+=("$sid"); STUDENT_JARS+=("$jar")
done < <(q "SELECT id, student_no FROM org_student WHERE class_id = $CLASS50 ORDER BY student_no
            LIMIT $BENCH_STUDENTS_SIGNED_IN")
COUNSELOR_JAR="$WORK/counselor.cookies"
loc=$(sign_in "$COUNSELOR" "$BENCH_STAFF_PASSWORD" "$COUNSELOR_JAR")
case "$loc" in *"/login"*|"") echo "sign-in failed for $COUNSELOR: $loc" >&2; exit 1 ;; esac
log "signed in: ${#STUDENT_IDS[@]} students of class $CLASS50 ($CHANGED given the bench password) and $COUNSELOR"
SIGNED_ROWS=$(q "SELECT count(*) FROM hrs_entry WHERE student_id IN ($(IFS=,; echo "${STUDENT_IDS[*]}"))")
put data.signedInStudents "${#STUDENT_IDS[@]}"
put data.signedInStudentsRows "$SIGNED_ROWS"

# ---- 4. the pages, one request after the other ---------------------------------------------------------------------
# measure NAME WARMUP COUNT: GETs URLS[k] with the cookies JARS[k], k round-robin; times in seconds to NAME.times
measure() {
  local name=$1 warm=$2 n=$3 i k line before after
  local file="$WORK/$name.times"
  : >"$file"
  sleep 11; before=$(scan_total)
  for ((i = 0; i < warm + n; i++)); do
    k=$(( i % ${#URLS[@]} ))
    line=$(curl -s --max-time 300 -b "${JARS[k]}" -o "$WORK/$name.body" \
      -w '%{time_total} %{size_download} %{http_code}' "$BASE${URLS[k]}" || true)
    [ "$i" -lt "$warm" ] || echo "$line" >>"$file"
  done
  sleep 11; after=$(scan_total)
  put "$name.tableScansPerRequest" "$(( (after - before) / (warm + n) ))"
}
# index + sequential scans of all tables so far (pg_stat_user_tables; a backend reports them when idle, within 10 s)
scan_total() { q "SELECT sum(seq_scan + coalesce(idx_scan, 0)) FROM pg_stat_user_tables"; }
# stats NAME: count ok p50 p95 max mean bytes (ms; nearest-rank percentiles)
stats() {
  awk '{ printf "%.3f %d %s\n", $1 * 1000, $2, $3 }' "$WORK/$1.times" | sort -n | awk '
    { v[NR] = $1; s += $1; b += $2; if ($3 == "200") ok++ }
    END { n = NR; printf "%d %d %.0f %.0f %.0f %.0f %.0f\n", n, ok, v[int((n * 50 + 99) / 100)],
          v[int((n * 95 + 99) / 100)], v[n], s / n, b / n }'
}
report() { # NAME LABEL
  local n ok p50 p95 max mean bytes
  read -r n ok p50 p95 max mean bytes < <(stats "$1")
  put "$1.count" "$n"; put "$1.ok" "$ok"; put "$1.p50Ms" "$p50"; put "$1.p95Ms" "$p95"; put "$1.maxMs" "$max"
  put "$1.meanMs" "$mean"; put "$1.bytes" "$bytes"
  printf '  %-34s %4d requests, %4d ok   p50 %6s ms   p95 %6s ms   max %6s ms   %8s bytes   %s table scans/request\n' \
    "$2" "$n" "$ok" "$p50" "$p95" "$max" "$bytes" "$(grep -m1 "^$1.tableScansPerRequest=" "$RESULT" | cut -d= -f2)"
}

URLS=(); JARS=()
for k in "${!STUDENT_IDS[@]}"; do URLS+=("/my/hours"); JARS+=("${STUDENT_JARS[k]}"); done
log "GET /my/hours as ${#STUDENT_IDS[@]} students: $BENCH_WARMUP warm-up + $BENCH_REQUESTS"
measure my-hours "$BENCH_WARMUP" "$BENCH_REQUESTS"
report my-hours "/my/hours (student)"

URLS=(); JARS=()
for sid in "${STUDENT_IDS[@]}"; do URLS+=("/hours/students/$sid"); JARS+=("$COUNSELOR_JAR"); done
log "GET /hours/students/{id} as $COUNSELOR: $BENCH_WARMUP warm-up + $BENCH_REQUESTS"
measure ledger-page "$BENCH_WARMUP" "$BENCH_REQUESTS"
report ledger-page "/hours/students/{id} (counselor)"

URLS=("/hours/classes/$CLASS50/register.xlsx"); JARS=("$COUNSELOR_JAR")
log "GET /hours/classes/$CLASS50/register.xlsx ($C50_STUDENTS students): $BENCH_WARMUP warm-up + $BENCH_REQUESTS"
measure register50 "$BENCH_WARMUP" "$BENCH_REQUESTS"
report register50 "register.xlsx, $C50_STUDENTS students"
cp "$WORK/register50.body" "$WORK/register50.xlsx"
XLSX_ROWS=$(unzip -p "$WORK/register50.xlsx" 'xl/worksheets/sheet*.xml' 2>/dev/null | grep -o '<row ' | wc -l || echo 0)
put register50.sheetRows "$XLSX_ROWS"

URLS=("/hours/classes/$SRC/register.xlsx"); JARS=("$COUNSELOR_JAR")
log "GET /hours/classes/$SRC/register.xlsx ($SRC_STUDENTS students): 2 warm-up + $BENCH_BIG_REQUESTS"
measure register-rest 2 "$BENCH_BIG_REQUESTS"
report register-rest "register.xlsx, $SRC_STUDENTS students"

PDF_CODE=$(curl -s --max-time 300 -o /dev/null -w '%{http_code}' -b "$COUNSELOR_JAR" "$BASE/hours/classes/$CLASS50/register.pdf")
if [ "$PDF_CODE" = 200 ]; then
  URLS=("/hours/classes/$CLASS50/register.pdf"); JARS=("$COUNSELOR_JAR")
  log "GET /hours/classes/$CLASS50/register.pdf: 2 warm-up + $BENCH_BIG_REQUESTS"
  measure register50-pdf 2 "$BENCH_BIG_REQUESTS"
  report register50-pdf "register.pdf, $C50_STUDENTS students"
else
  log "register.pdf answers $PDF_CODE (no CJK font on this machine?): not measured"
  put register50-pdf.http "$PDF_CODE"
fi

# the plans of the reads behind those pages (LedgerStore.ofStudent / ofStudents, Roster.ofAccount for /my/hours)
ONE=${STUDENT_IDS[0]}
ACCOUNT=$(q "SELECT account_id FROM org_student WHERE id = $ONE")
C50_IDS=$(q "SELECT string_agg(id::text, ',') FROM org_student WHERE class_id = $CLASS50")
LEDGER_SELECT="SELECT e.*, c.confirmed, c.by_name, c.by_role, c.at, c.reason FROM hrs_entry e
  LEFT JOIN hrs_confirmation c ON c.entry_id = e.id"
psql -X -q -d "$BENCH_DB" >"$WORK/explain.txt" 2>&1 <<SQL || true
\echo '-- LedgerStore.ofStudent (one student)'
EXPLAIN (ANALYZE, BUFFERS) $LEDGER_SELECT WHERE e.student_id = $ONE ORDER BY e.id;
\echo '-- LedgerStore.ofStudents (the class of 50)'
EXPLAIN (ANALYZE, BUFFERS) $LEDGER_SELECT WHERE e.student_id IN ($C50_IDS) ORDER BY e.id;
\echo '-- Roster.ofAccount (every /my/hours request: HoursLedger.studentIdOf)'
EXPLAIN (ANALYZE, BUFFERS) SELECT id, student_no, name FROM org_student WHERE account_id = $ACCOUNT;
SQL
OF_ACCOUNT_MS=$(grep -A30 'Roster.ofAccount' "$WORK/explain.txt" | grep -m1 'Execution Time' | grep -oE '[0-9.]+' || true)
OF_ACCOUNT_PLAN=$(grep -A6 'Roster.ofAccount' "$WORK/explain.txt" | grep -m1 -oE 'Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan' || true)
OF_STUDENT_MS=$(grep -A30 'ofStudent (one' "$WORK/explain.txt" | grep -m1 'Execution Time' | grep -oE '[0-9.]+' || true)
OF_CLASS_MS=$(grep -A40 'ofStudents (the' "$WORK/explain.txt" | grep -m1 'Execution Time' | grep -oE '[0-9.]+' || true)
put sql.ofStudentMs "$OF_STUDENT_MS"
put sql.ofStudentsClass50Ms "$OF_CLASS_MS"
put sql.ofAccountMs "$OF_ACCOUNT_MS"
put sql.ofAccountPlan "$OF_ACCOUNT_PLAN"

# ---- 5. bulk entry of BENCH_BULK_ROWS records from .xlsx ------------------------------------------------------------
BULK=$(q "SELECT c.id FROM org_class c
          JOIN identity_grant g ON g.role = 'COUNSELOR' AND g.scope_kind = 'CLASS' AND g.scope_id = c.id
          JOIN identity_account a ON a.id = g.account_id AND a.username LIKE 'fdy%'
          WHERE c.cohort = $BENCH_BULK_COHORT AND c.name NOT LIKE '%压测%'
            AND NOT EXISTS (SELECT 1 FROM hrs_entry e JOIN org_student s ON s.id = e.student_id
                            WHERE s.class_id = c.id AND e.content = '压测批量登记')
          ORDER BY (SELECT count(*) FROM org_student s WHERE s.class_id = c.id) DESC, c.id LIMIT 1")
[ -n "$BULK" ] || { echo "no class of cohort $BENCH_BULK_COHORT left without a bench bulk entry" >&2; exit 1; }
BULK_COUNSELOR=$(q "SELECT a.username FROM identity_grant g JOIN identity_account a ON a.id = g.account_id
                    WHERE g.role = 'COUNSELOR' AND g.scope_kind = 'CLASS' AND g.scope_id = $BULK ORDER BY a.id LIMIT 1")
BULK_STUDENTS=$(q "SELECT count(*) FROM org_student WHERE class_id = $BULK")
BULK_BEFORE=$(q "SELECT count(*) FROM hrs_entry e JOIN org_student s ON s.id = e.student_id WHERE s.class_id = $BULK")
# Rows: 2 hours, 15:00-17:00, on vacation days of the cohort's five semesters (all past, no term-time cap), spread
# over the days with a per-student offset, one a day per student; the SQL rows of those days are 08:00-14:00, so
# no overlap and at most 8 hours a day. Source: the student's own placement, P<id> (the template's 来源编号).
psql -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" -At -F $'\t' >"$WORK/bulk.tsv" <<SQL
SELECT '学号', '姓名', '日期', '开始时间', '结束时间', '工时', '来源编号', '工作内容';
WITH term AS (
    SELECT code, starts_on, ends_on, row_number() OVER (ORDER BY starts_on) AS n,
           lead(starts_on) OVER (ORDER BY starts_on) AS next_start
    FROM cal_term
), win AS (
    SELECT e.starts_on AS w_from, least(s.starts_on, (now() AT TIME ZONE 'Asia/Shanghai')::date) AS w_to
    FROM term e JOIN term s ON s.n = e.n + $BENCH_WINDOW
    WHERE e.code = (SELECT min(enrolment_term) FROM org_student WHERE class_id = $BULK)
), vd AS (
    SELECT d::date AS day, row_number() OVER (ORDER BY d) - 1 AS i, count(*) OVER () AS v
    FROM term t CROSS JOIN win
    CROSS JOIN LATERAL generate_series(t.ends_on + 1, t.next_start - 1, INTERVAL '1 day') d
    WHERE t.next_start IS NOT NULL AND d::date >= win.w_from AND d::date < win.w_to
), st AS (
    SELECT s.student_no, s.name, pl.id AS placement, row_number() OVER (ORDER BY s.student_no) - 1 AS k,
           count(*) OVER () AS n
    FROM org_student s
    JOIN plc_placement pl ON pl.student_id = s.id AND pl.ended_at IS NULL
    JOIN pos_position p ON p.id = pl.position_id AND p.title LIKE '压测工时岗位%'
    WHERE s.class_id = $BULK AND s.status = 'ACTIVE'
), per AS (
    SELECT ceil($BENCH_BULK_ROWS::numeric / max(n))::bigint AS r FROM st
)
SELECT st.student_no, st.name, to_char(vd.day, 'YYYY-MM-DD'), '15:00', '17:00', '2', 'P' || st.placement, '压测批量登记'
FROM st CROSS JOIN per
CROSS JOIN LATERAL generate_series(0::bigint, per.r - 1) j
JOIN vd ON vd.i = j * vd.v / per.r + st.k % greatest(1, vd.v / per.r)
ORDER BY j, st.k
LIMIT $BENCH_BULK_ROWS;
SQL
python3 bench/hours/xlsx.py "$WORK/bulk.xlsx" < "$WORK/bulk.tsv" >/dev/null
FILE_ROWS=$(( $(wc -l <"$WORK/bulk.tsv") - 1 ))
log "bulk entry: $FILE_ROWS rows for class $BULK ($BULK_STUDENTS students, $BULK_BEFORE rows before), as $BULK_COUNSELOR,"
log "  POST /api/v1/classes/$BULK/work-records/import ($(stat -c %s "$WORK/bulk.xlsx") bytes .xlsx)"

# where the time goes: index and sequential scans per table (pg_stat_user_tables) and thread dumps of the app
scans() { q "SELECT relname, seq_scan, coalesce(idx_scan, 0), n_tup_ins FROM pg_stat_user_tables ORDER BY relname COLLATE \"C\""; }
sleep 11 # backends report their statistics when idle at the latest every 10 s (PostgreSQL 15)
scans >"$WORK/scans-before.txt"
: >"$WORK/bulk-stacks.txt"
set +e
curl -s --max-time 3600 -u "$BULK_COUNSELOR:$BENCH_STAFF_PASSWORD" -H 'Accept: application/json' \
  -F "file=@$WORK/bulk.xlsx;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" \
  -o "$WORK/bulk-response.json" -w '%{http_code} %{time_total}' \
  "$BASE/api/v1/classes/$BULK/work-records/import" >"$WORK/bulk-curl.txt" &
CURL_PID=$!
if [ -n "$APP_PID" ]; then
  dumps=0
  while kill -0 "$CURL_PID" 2>/dev/null && [ $dumps -lt 600 ]; do
    sleep 1; jstack "$APP_PID" >>"$WORK/bulk-stacks.txt" 2>/dev/null; dumps=$((dumps + 1))
  done
fi
wait "$CURL_PID"
set -e
read -r BULK_HTTP BULK_SECONDS <"$WORK/bulk-curl.txt" || true
BULK_SECONDS=${BULK_SECONDS:-0}
sleep 11
scans >"$WORK/scans-after.txt"
BULK_AFTER=$(q "SELECT count(*) FROM hrs_entry e JOIN org_student s ON s.id = e.student_id WHERE s.class_id = $BULK")
BULK_WRITTEN=$(q "SELECT count(*) FROM hrs_entry e JOIN org_student s ON s.id = e.student_id
                  WHERE s.class_id = $BULK AND e.content = '压测批量登记' AND e.recorded_by = '$BULK_COUNSELOR'")
BULK_AUDIT=$(q "SELECT count(*) FROM audit_entry WHERE entity_type = 'work-record' AND actor = '$BULK_COUNSELOR'
                AND at > now() - make_interval(secs => ${BULK_SECONDS%.*} + 60)")
put bulk.class "$BULK"
put bulk.classStudents "$BULK_STUDENTS"
put bulk.fileRows "$FILE_ROWS"
put bulk.fileBytes "$(stat -c %s "$WORK/bulk.xlsx")"
put bulk.http "$BULK_HTTP"
put bulk.seconds "$BULK_SECONDS"
put bulk.rowsWritten "$BULK_WRITTEN"
put bulk.classRowsBefore "$BULK_BEFORE"
put bulk.classRowsAfter "$BULK_AFTER"
put bulk.auditRows "$BULK_AUDIT"
put bulk.rowsPerSecond "$(awk -v r="$BULK_WRITTEN" -v s="$BULK_SECONDS" 'BEGIN { printf "%.0f", (s > 0 ? r / s : 0) }')"
put bulk.response "$(head -c 300 "$WORK/bulk-response.json" | tr '\n' ' ')"

# statements per table during the upload (index + sequential scans), largest first
LC_ALL=C join -t'|' "$WORK/scans-before.txt" "$WORK/scans-after.txt" | awk -F'|' '
  { d = ($5 - $2) + ($6 - $3); ins = $7 - $4; if (d > 0 || ins > 0) printf "%s %d %d\n", $1, d, ins }' \
  | sort -k2,2nr >"$WORK/bulk-scans.txt"
# thread samples of the request: the innermost application frame, and whether the thread was in the JDBC driver
awk '
  function flush() { if (bulk) { n++; print (ws == "" ? "?" : ws) (db ? "  [in PostgreSQL/JDBC]" : "  [in Java]") }
                     bulk = 0; ws = ""; db = 0 }
  /^"/ { flush(); next }
  /^[ \t]+at / { f = $2; if (ws == "" && f ~ /^org\.workstudy\./) ws = f
                 if (f ~ /^org\.postgresql\./) db = 1
                 if (f ~ /HoursBulkEntry\.upload/) bulk = 1; next }
  /^$/ { flush() }
  END { flush() }' "$WORK/bulk-stacks.txt" | sed 's/(.*)//' | sort | uniq -c | sort -rn >"$WORK/bulk-profile.txt" || true
SAMPLES=$(awk '{ s += $1 } END { print s + 0 }' "$WORK/bulk-profile.txt")
IN_DB=$(grep -F '[in PostgreSQL/JDBC]' "$WORK/bulk-profile.txt" | awk '{ s += $1 } END { print s + 0 }' || true)
put bulk.stackSamples "$SAMPLES"
put bulk.stackSamplesInJdbc "$IN_DB"

# ---- 6. summary ----------------------------------------------------------------------------------------------------
MACHINE="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/ { print $2 }') GB, $(psql -X -d postgres -Atc 'SHOW server_version' | cut -d' ' -f1)"
put run.date "$(date '+%Y-%m-%d %H:%M %Z')"
put run.machine "$MACHINE"
put run.load "$(cut -d' ' -f1-3 /proc/loadavg)"
get() { grep -m1 "^$1=" "$RESULT" | cut -d= -f2-; }
cat <<EOF

================ hours — $(date '+%Y-%m-%d %H:%M %Z') ================
machine      : $MACHINE; load $(cut -d' ' -f1-3 /proc/loadavg)
data         : $ROWS rows in hrs_entry ($TABLE_MB MB with indexes), $STUDENTS students, $WITH_ROWS with rows
               rows per student by cohort: $(paste -sd';' "$WORK/per-cohort.txt" | sed 's/;/; /g')
measured     : class $CLASS50 ($C50_STUDENTS students, $C50_ROWS rows); $(get data.signedInStudents) signed-in students with $SIGNED_ROWS rows;
               class $SRC ($SRC_STUDENTS students, $SRC_ROWS rows)
pages        : $BENCH_WARMUP warm-up requests, then one request after the other; times are curl's (request to last byte)
EOF
for n in my-hours ledger-page register50 register-rest register50-pdf; do
  [ -f "$WORK/$n.times" ] || continue
  printf '  %-16s p50 %5s ms  p95 %5s ms  max %5s ms  (%s requests, %s ok, %s bytes, %s table scans a request)\n' \
    "$n" "$(get $n.p50Ms)" "$(get $n.p95Ms)" "$(get $n.maxMs)" "$(get $n.count)" "$(get $n.ok)" "$(get $n.bytes)" \
    "$(get $n.tableScansPerRequest)"
done
cat <<EOF
queries      : ledger of one student $OF_STUDENT_MS ms, of the class of $C50_STUDENTS $OF_CLASS_MS ms; student of an account
               (every /my/hours) $OF_ACCOUNT_MS ms, $OF_ACCOUNT_PLAN on org_student  (EXPLAIN ANALYZE, $WORK/explain.txt)
bulk entry   : $FILE_ROWS rows for class $BULK ($BULK_STUDENTS students): HTTP $BULK_HTTP in $BULK_SECONDS s, $BULK_WRITTEN rows written
               ($(get bulk.rowsPerSecond) rows/s; class rows $BULK_BEFORE -> $BULK_AFTER; audit rows $BULK_AUDIT); response: $(get bulk.response)
               thread samples of the request: $SAMPLES, of which in the JDBC driver: $IN_DB; top frames:
$(head -8 "$WORK/bulk-profile.txt" | sed 's/^/                 /')
               statements by table during the upload (index + sequential scans, rows inserted):
$(head -10 "$WORK/bulk-scans.txt" | sed 's/^/                 /')
all figures  : $RESULT   (details in $WORK/)
EOF
