#!/usr/bin/env bash
# The statistics benchmark: on the hours benchmark's database (30,000 students, ~1.7 million ledger rows: run
# bench/hours/run.sh once first), times (1) summarising every student (StatisticsRefresh through the job), (2) the
# school dashboard GET /api/v1/stats/dashboard with 50 concurrent viewers (p50/p95/p99), the same with a different
# filter per request (cache misses), (3) the dashboard's aggregate queries run bare in psql, side by side,
# (4) freezing the closed months for the assessment (all of them, then one month again), and (5) the weekly digest
# to 500 counselors, in the inbox and by e-mail through a local SMTP server (bench/stats/smtp_sink.py).
# See bench/README.md, "Statistics". Aim (issue 14): school dashboard p95 < 200 ms with 50 concurrent viewers.
#
#   bench/stats/run.sh
#   BENCH_VIEWERS=10 BENCH_REQUESTS=20 bench/stats/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCH_DB=${BENCH_DB:-workstudy_hours_bench}      # a database written by bench/hours/run.sh
BENCH_VIEWERS=${BENCH_VIEWERS:-50}               # concurrent viewers
BENCH_REQUESTS=${BENCH_REQUESTS:-40}             # requests per viewer, one after the other
BENCH_USER=${BENCH_USER:-zhongxin}               # a school-wide role (the center)
BENCH_STAFF_PASSWORD=${BENCH_STAFF_PASSWORD:-Demo1234}
BENCH_PORT=${BENCH_PORT:-18092}
BENCH_BASE_URL=${BENCH_BASE_URL:-http://127.0.0.1:$BENCH_PORT}
BENCH_START_APP=${BENCH_START_APP:-auto}
BENCH_APP_JAVA_OPTS=${BENCH_APP_JAVA_OPTS:--Xmx2g}
BENCH_START_TIMEOUT=${BENCH_START_TIMEOUT:-1200}
BENCH_REFRESH_TIMEOUT=${BENCH_REFRESH_TIMEOUT:-3600}
BENCH_COUNSELORS=${BENCH_COUNSELORS:-500}        # counselors who get the weekly digest (added to the demo's)
BENCH_SMTP_PORT=${BENCH_SMTP_PORT:-18025}
BENCH_JOB_TIMEOUT=${BENCH_JOB_TIMEOUT:-1800}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-}
BASE=$BENCH_BASE_URL
case "$BENCH_BASE_URL" in
  http://127.0.0.1:*|http://localhost:*) ;;
  *) echo "BENCH_BASE_URL must be on this machine: $BENCH_BASE_URL" >&2; exit 2 ;;
esac
OUT=target/bench
WORK=$OUT/stats
mkdir -p "$WORK"
RESULT="$OUT/stats-result.properties"
rm -f "$RESULT"
log() { printf '[stats %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
put() { echo "$1=$2" >>"$RESULT"; }
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" -Atc "$1"; }

pg_isready -q || { echo "PostgreSQL does not answer at $PGHOST:$PGPORT" >&2; exit 2; }
[ -n "$(q "SELECT to_regclass('hrs_entry')")" ] && [ "$(q "SELECT count(*) > 1000000 FROM hrs_entry")" = t ] \
  || { echo "$BENCH_DB has no big ledger: run bench/hours/run.sh first" >&2; exit 2; }

# ---- 1. the application (its job summarises every student: a big batch every 10 s) ---------------------------------
# The freeze and digest jobs run every 10 s here, but each is held off by its ShedLock row until parts 4 and 5
# release it (a job whose lock is held skips its run), so that they do not disturb the dashboard's figures.
hold() { q "INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES ('$1', timezone('utc', now()) + interval '1 day', timezone('utc', now()), 'bench/stats')
  ON CONFLICT (name) DO UPDATE SET lock_until = EXCLUDED.lock_until, locked_by = EXCLUDED.locked_by" >/dev/null; }
release() { q "UPDATE shedlock SET lock_until = timezone('utc', now()) WHERE name = '$1'" >/dev/null; }
hold assessment.freeze
hold delivery.weekly-digest
APP_PID= SINK_PID=
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" || true; fi
  if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null || true; fi
  q "DELETE FROM shedlock WHERE locked_by = 'bench/stats'" >/dev/null 2>&1 || true
}
trap stop_app EXIT
answers() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/login" | grep -q '^200$'; }
if answers; then
  [ "$BENCH_START_APP" = yes ] && { echo "something already answers at $BASE" >&2; exit 2; }
  log "using the application already running at $BASE (it must use $BENCH_DB)"
else
  [ "$BENCH_START_APP" = no ] && { echo "no application at $BASE and BENCH_START_APP=no" >&2; exit 2; }
  JAR=$(ls target/workstudy-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
  [ -n "$JAR" ] || { ./mvnw -q -B -o package -DskipTests; JAR=$(ls target/workstudy-*.jar | grep -v -- '-plain' | head -1); }
  log "starting $JAR on $BENCH_DB, port $BENCH_PORT; log $OUT/stats-app.log"
  WORKSTUDY_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" WORKSTUDY_DB_USER="$PGUSER" \
    WORKSTUDY_DB_PASSWORD="$PGPASSWORD" \
    java $BENCH_APP_JAVA_OPTS -jar "$JAR" --spring.profiles.active=postgres --server.port="$BENCH_PORT" \
      --server.address=127.0.0.1 --workstudy.statistics.refresh-batch=50000 \
      --workstudy.statistics.refresh-interval=PT10S --workstudy.assessment.freeze-delay=PT10S \
      --workstudy.assessment.freeze-interval=PT10S --workstudy.delivery.weekly-digest-cron='*/10 * * * * *' \
      --workstudy.delivery.poll-interval=PT5S >"$OUT/stats-app.log" 2>&1 &
  APP_PID=$!
  started=$(date +%s)
  until answers; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -20 "$OUT/stats-app.log"; exit 1; }
    [ $(( $(date +%s) - started )) -lt "$BENCH_START_TIMEOUT" ] || { echo "no start in time" >&2; exit 1; }
    sleep 2
  done
fi

STUDENTS=$(q "SELECT count(*) FROM org_student")
log "waiting until the summary holds all $STUDENTS students"
t0=$(date +%s)
until [ "$(q "SELECT count(*) FROM sts_student")" -ge "$STUDENTS" ]; do
  [ $(( $(date +%s) - t0 )) -lt "$BENCH_REFRESH_TIMEOUT" ] || { echo "the summary did not fill in time" >&2; exit 1; }
  sleep 5
done
put refresh.students "$STUDENTS"
put refresh.secondsObserved $(( $(date +%s) - t0 ))
log "summary: $(q "SELECT count(*) FROM sts_student") students, $(q "SELECT count(*) FROM sts_hours") hour rows,"
log "  $(q "SELECT count(*) FROM sts_class_hours") class rows, $(q "SELECT count(*) FROM sts_placement") placements"
q "VACUUM ANALYZE sts_student" >/dev/null; q "ANALYZE sts_hours" >/dev/null; q "ANALYZE sts_class_hours" >/dev/null
q "ANALYZE sts_placement" >/dev/null

# ---- 2. the dashboard under 50 viewers (a token: HTTP Basic would cost a BCrypt check per call) --------------------
TOKEN=$(curl -s --max-time 30 -u "$BENCH_USER:$BENCH_STAFF_PASSWORD" -H 'Content-Type: application/json' \
  -d '{"name":"bench stats","validDays":30}' "$BASE/api/v1/me/tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "could not issue a token for $BENCH_USER" >&2; exit 1; }
YEAR=$(q "SELECT CASE WHEN extract(month FROM now()) >= 9 THEN extract(year FROM now())::int ELSE extract(year FROM now())::int - 1 END")
ACADEMIC="$YEAR-$((YEAR + 1))"
COHORTS=($(q "SELECT DISTINCT cohort FROM sts_student ORDER BY 1"))

urls() { # $1 same|vary: the dashboard addresses, one a line
  local i y url
  for i in $(seq 1 $((BENCH_VIEWERS * BENCH_REQUESTS))); do
    url="$BASE/api/v1/stats/dashboard?academicYear=$ACADEMIC"
    if [ "$1" = vary ]; then # another year and cohort per request: mostly cache misses
      y=$((YEAR - i % 4)); url="$BASE/api/v1/stats/dashboard?academicYear=$y-$((y + 1))"
      [ $((i % (${#COHORTS[@]} + 1))) -gt 0 ] && url="$url&cohort=${COHORTS[$((i % (${#COHORTS[@]} + 1) - 1))]}"
    fi
    echo "$url"
  done
}

run_load() { # $1 name, $2 same|vary
  local name=$1 file="$WORK/$1.times"
  curl -s -o /dev/null --max-time 60 -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/stats/dashboard?academicYear=$ACADEMIC"
  urls "$2" | xargs -P "$BENCH_VIEWERS" -n 1 curl -s -o /dev/null --max-time 60 \
    -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" >"$file"
  local bad n p50 p95 p99 max
  bad=$(grep -vc '^200 ' "$file" || true)
  read -r n p50 p95 p99 max <<<"$(awk '{print $2 * 1000}' "$file" | sort -n | awk '{a[NR]=$1} END {
      printf "%d %.1f %.1f %.1f %.1f", NR, a[int(NR*0.5)], a[int(NR*0.95)], a[int(NR*0.99)], a[NR]}')"
  log "$name: $n requests, $bad not 200, p50 $p50 ms, p95 $p95 ms, p99 $p99 ms, max $max ms"
  put "$name.requests" "$n"; put "$name.errors" "$bad"; put "$name.p50ms" "$p50"; put "$name.p95ms" "$p95"
  put "$name.p99ms" "$p99"; put "$name.maxms" "$max"
}
run_load dashboard same
run_load dashboardVaried vary

# ---- 3. the same aggregates bare in psql (what one cache miss computes for the school) ------------------------------
FROM="$YEAR-09-01"; UNTIL="$((YEAR + 1))-09-01"
cat >"$WORK/bare.sql" <<SQL
\timing on
SELECT count(*), count(*) FILTER (WHERE completed), count(*) FILTER (WHERE on_track), count(*) FILTER (WHERE at_risk) FROM sts_student t WHERE status <> 'WITHDRAWN';
SELECT college_id, count(*), count(*) FILTER (WHERE completed), count(*) FILTER (WHERE on_track), count(*) FILTER (WHERE at_risk) FROM sts_student t WHERE status <> 'WITHDRAWN' GROUP BY 1 ORDER BY 1;
SELECT cohort, count(*), count(*) FILTER (WHERE completed), count(*) FILTER (WHERE on_track), count(*) FILTER (WHERE at_risk) FROM sts_student t WHERE status <> 'WITHDRAWN' GROUP BY 1 ORDER BY 1;
SELECT to_char(work_month, 'YYYY-MM'), time_kind, sum(hours) FROM sts_class_hours t WHERE work_month >= '$FROM' AND work_month < '$UNTIL' GROUP BY work_month, time_kind ORDER BY 1, 2;
SELECT source_kind, sum(hours) FROM sts_class_hours t WHERE work_month >= '$FROM' AND work_month < '$UNTIL' GROUP BY 1;
SELECT position_type, count(*) FROM sts_placement t WHERE placed_on >= '$FROM' AND placed_on < '$UNTIL' GROUP BY 1;
SELECT bank, count(*) FROM sts_placement t WHERE placed_on >= '$FROM' AND placed_on < '$UNTIL' GROUP BY 1;
SELECT on_campus, count(*) FROM sts_placement t WHERE placed_on >= '$FROM' AND placed_on < '$UNTIL' GROUP BY 1;
SELECT employer_id, min(employer_name), count(*) FROM sts_placement t WHERE placed_on >= '$FROM' AND placed_on < '$UNTIL' GROUP BY 1 ORDER BY 3 DESC LIMIT 10;
SELECT count(DISTINCT student_id) FROM sts_placement t WHERE placed_on >= '$FROM' AND placed_on < '$UNTIL';
SELECT count(*) FILTER (WHERE exemption = 'EXEMPT'), count(*) FILTER (WHERE exemption = 'OFFSET'), count(*) FILTER (WHERE recognised), count(*) FILTER (WHERE deferral = 'DEFERRED'), count(*) FILTER (WHERE deferral = 'RELEASED') FROM sts_student t;
SQL
for run in 1 2 3; do psql -X -q -d "$BENCH_DB" -f "$WORK/bare.sql" >"$WORK/bare-$run.txt"; done
BARE=$(grep -h '^Time:' "$WORK/bare-3.txt" | awk '{s += $2} END {printf "%.1f", s}')
log "bare aggregates (third run, summed): $BARE ms"
put bare.summaryQueriesMs "$BARE"
# for comparison: the same completion figure straight from the ledger, as a module without a summary would need
LEDGER=$(psql -X -q -d "$BENCH_DB" -c '\timing on' -c "SELECT count(DISTINCT student_id) FROM hrs_entry WHERE kind = 'RECORD'" | grep '^Time:' | awk '{print $2}')
log "one scan of the ledger (count of students with records): $LEDGER ms"
put bare.ledgerScanMs "$LEDGER"

# ---- 4. freezing the assessment's closed months (read from the job's own log line) --------------------------------
APP_LOG=$OUT/stats-app.log
[ -n "$APP_PID" ] || { log "parts 4 and 5 need the application this script starts (BENCH_START_APP=auto)"; exit 0; }
wait_log() { # $1 pattern, $2 lines already seen: waits for a new matching line, prints it
  local t0=$(date +%s) line
  while true; do
    line=$(tail -n +"$(( $2 + 1 ))" "$APP_LOG" | grep -m1 -- "$1" || true)
    [ -n "$line" ] && { echo "$line"; return; }
    [ $(( $(date +%s) - t0 )) -lt "$BENCH_JOB_TIMEOUT" ] || { echo "no '$1' in the log in time" >&2; exit 1; }
    sleep 1
  done
}
ms_of() { sed -n 's/.* in \([0-9]*\) ms.*/\1/p'; }
if [ "$(q "SELECT count(*) FROM asm_month")" = 0 ]; then # the first run on this database: every closed month
  seen=$(wc -l <"$APP_LOG"); release assessment.freeze
  line=$(wait_log 'assessment: froze' "$seen")
  MONTHS=$(q "SELECT count(*) FROM asm_month"); FIGS=$(q "SELECT count(*) FROM asm_figure")
  log "freeze, every closed month: $MONTHS months, $FIGS figures in $(echo "$line" | ms_of) ms"
  put freeze.allMonths "$MONTHS"; put freeze.allFigures "$FIGS"; put freeze.allMs "$(echo "$line" | ms_of)"
else
  log "freeze: the closed months were frozen by an earlier run ($(q "SELECT count(*) FROM asm_month") months)"
  release assessment.freeze
fi
LAST=$(q "SELECT max(month) FROM asm_month")
# snapshots refuse deletes (a trigger); the bench lifts that for its own session only, to have one month to freeze
q "SET session_replication_role = replica; DELETE FROM asm_figure WHERE month = '$LAST'; DELETE FROM asm_month WHERE month = '$LAST'" >/dev/null
seen=$(wc -l <"$APP_LOG")
line=$(wait_log 'assessment: froze' "$seen")
log "freeze, one month ($LAST) again: $(q "SELECT count(*) FROM asm_figure WHERE month = '$LAST'") figures in $(echo "$line" | ms_of) ms"
put freeze.oneMonthMs "$(echo "$line" | ms_of)"

# ---- 5. the weekly digest to BENCH_COUNSELORS counselors, in the inbox and by e-mail -------------------------------
python3 -W ignore::DeprecationWarning bench/stats/smtp_sink.py "$BENCH_SMTP_PORT" "$WORK/smtp-count" &
SINK_PID=$!
echo 0 >"$WORK/smtp-count"
CLASSES=$(q "SELECT count(*) FROM org_class")
q "INSERT INTO identity_account (username, display_name, enabled, created_at)
   SELECT 'bench_fdy' || n, '辅导员' || n, true, now() FROM generate_series(1, $BENCH_COUNSELORS) n
   WHERE (SELECT count(DISTINCT account_id) FROM identity_grant WHERE role = 'COUNSELOR') + n <= $BENCH_COUNSELORS
   ON CONFLICT (username) DO NOTHING" >/dev/null
q "INSERT INTO identity_grant (account_id, role, scope_kind, scope_id)
   SELECT a.id, 'COUNSELOR', 'CLASS', c.id FROM identity_account a
   JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM org_class) c
     ON c.k = substr(a.username, 10)::int % $CLASSES
   WHERE a.username LIKE 'bench_fdy%' AND NOT EXISTS (SELECT 1 FROM identity_grant g WHERE g.account_id = a.id)" >/dev/null
COUNSELORS=$(q "SELECT count(DISTINCT g.account_id) FROM identity_grant g JOIN identity_account a ON a.id = g.account_id WHERE g.role = 'COUNSELOR' AND a.enabled")
q "UPDATE dlv_settings SET email_on = true, smtp_host = '127.0.0.1', smtp_port = $BENCH_SMTP_PORT, smtp_security = 'NONE',
   smtp_username = NULL, smtp_password = NULL, smtp_from = 'workstudy@bench.invalid'" >/dev/null
q "INSERT INTO dlv_preference (account_id, email, email_on, group_on, updated_at)
   SELECT DISTINCT account_id, 'fdy' || account_id || '@bench.invalid', true, false, now() FROM identity_grant WHERE role = 'COUNSELOR'
   ON CONFLICT (account_id) DO UPDATE SET email = EXCLUDED.email, email_on = true" >/dev/null
q "DELETE FROM dlv_digest WHERE kind = 'WEEKLY'" >/dev/null
OUTBOX_BEFORE=$(q "SELECT coalesce(max(id), 0) FROM dlv_outbox")
seen=$(wc -l <"$APP_LOG"); release delivery.weekly-digest
line=$(wait_log 'weekly digest:' "$seen")
SENT=$(echo "$line" | sed -n 's/.*weekly digest: \([0-9]*\) sent.*/\1/p')
log "weekly digest: $SENT of $COUNSELORS counselors in $(echo "$line" | ms_of) ms (in-app messages and outbox rows)"
put digest.counselors "$COUNSELORS"; put digest.sent "$SENT"; put digest.ms "$(echo "$line" | ms_of)"
t0=$(date +%s)
until [ "$(q "SELECT count(*) FROM dlv_outbox WHERE id > $OUTBOX_BEFORE AND status IN ('PENDING', 'SENDING')")" = 0 ]; do
  [ $(( $(date +%s) - t0 )) -lt "$BENCH_JOB_TIMEOUT" ] || { echo "the outbox did not drain in time" >&2; exit 1; }
  sleep 1
done
read -r MAILS SENTOK FAILED SPAN <<<"$(q "SELECT count(*), count(*) FILTER (WHERE status = 'SENT'), count(*) FILTER (WHERE status <> 'SENT'),
  round(extract(epoch FROM max(sent_at) - min(created_at)) * 1000) FROM dlv_outbox WHERE id > $OUTBOX_BEFORE AND channel = 'EMAIL'" | tr '|' ' ')"
log "e-mail: $MAILS in the outbox, $SENTOK sent, $FAILED not, $(cat "$WORK/smtp-count") received by the SMTP server;"
log "  $SPAN ms from the first digest written to the last e-mail sent"
put digest.emails "$MAILS"; put digest.emailsSent "$SENTOK"; put digest.emailsFailed "$FAILED"
put digest.emailsReceived "$(cat "$WORK/smtp-count")"; put digest.emailSpanMs "$SPAN"
log "results in $RESULT"
