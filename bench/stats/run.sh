#!/usr/bin/env bash
# The statistics benchmark: on the hours benchmark's database (30,000 students, ~1.7 million ledger rows: run
# bench/hours/run.sh once first), times (1) summarising every student (StatisticsRefresh through the job), (2) the
# school dashboard GET /api/v1/stats/dashboard with 50 concurrent viewers (p50/p95/p99), the same with a different
# filter per request (cache misses), and (3) the dashboard's aggregate queries run bare in psql, side by side.
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
APP_PID=
stop_app() { if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" || true; fi; }
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
      --workstudy.statistics.refresh-interval=PT10S >"$OUT/stats-app.log" 2>&1 &
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
log "results in $RESULT"
