#!/usr/bin/env bash
# The graduation benchmark: the graduation audit (毕业审核) of a 10,000-student cohort with ~600,000 ledger rows on
# PostgreSQL — time to compute (the audit page and API, median and p95 over repeated requests after warm-up) and to
# export (.xlsx). See bench/README.md, "Graduation audit".
#
#   bench/graduation/run.sh                                   # full size: 50,000-student demo (10,000 a cohort)
#   BENCH_DEMO_STUDENTS=5000 BENCH_DB=workstudy_graduation_small BENCH_REQUESTS=5 bench/graduation/run.sh
#
# Everything is an environment variable with a default (below). Traffic goes to this machine only; every loop is
# bounded (request counts, curl --max-time).
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCH_DB=${BENCH_DB:-workstudy_graduation_bench}  # the application's database (created when missing)
BENCH_DEMO_STUDENTS=${BENCH_DEMO_STUDENTS:-50000} # demo school size: five cohorts, so 10,000 in the graduating one
BENCH_COHORT=${BENCH_COHORT:-2023}                # the graduating cohort (window over, graduating 2026)
BENCH_WINDOW=${BENCH_WINDOW:-5}
BENCH_WARMUP=${BENCH_WARMUP:-3}                   # requests before each measurement, not counted
BENCH_REQUESTS=${BENCH_REQUESTS:-20}              # measured requests, one after the other
BENCH_USER=${BENCH_USER:-jiaowu}                  # academic affairs (教学科研处)
BENCH_STAFF_PASSWORD=${BENCH_STAFF_PASSWORD:-Demo1234}
BENCH_PORT=${BENCH_PORT:-18091}
BENCH_BASE_URL=${BENCH_BASE_URL:-http://127.0.0.1:$BENCH_PORT}
BENCH_START_APP=${BENCH_START_APP:-auto}          # auto: start the app unless one answers at BENCH_BASE_URL; yes; no
BENCH_APP_JAVA_OPTS=${BENCH_APP_JAVA_OPTS:--Xmx2g}
BENCH_APP_ARGS=${BENCH_APP_ARGS:-}
BENCH_START_TIMEOUT=${BENCH_START_TIMEOUT:-1800}
BENCH_MVN_OFFLINE=${BENCH_MVN_OFFLINE:--o}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-}
JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB"
BASE=$BENCH_BASE_URL

case "$BENCH_BASE_URL" in
  http://127.0.0.1:*|http://localhost:*) ;;
  *) echo "BENCH_BASE_URL must be on this machine (127.0.0.1 or localhost): $BENCH_BASE_URL" >&2; exit 2 ;;
esac

OUT=target/bench
WORK=$OUT/graduation
mkdir -p "$WORK"
RESULT="$OUT/graduation-result.properties"
rm -f "$RESULT"
log() { printf '[graduation %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
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
  if [ -z "$(q "SELECT to_regclass('org_college')")" ] || [ "$(q "SELECT count(*) FROM org_college")" = "0" ]; then
    FRESH=1; else FRESH=0; fi
  log "starting $JAR on $BENCH_DB, port $BENCH_PORT (an empty database gets the demo school of $BENCH_DEMO_STUDENTS"
  log "  students); log: $OUT/graduation-app.log"
  SPRING_PROFILES_ACTIVE=postgres WORKSTUDY_DB_URL="$JDBC_URL" WORKSTUDY_DB_USER="$PGUSER" \
    WORKSTUDY_DB_PASSWORD="$PGPASSWORD" WORKSTUDY_DEMO=true \
    java $BENCH_APP_JAVA_OPTS -jar "$JAR" --spring.profiles.active=postgres --server.port="$BENCH_PORT" \
      --server.address=127.0.0.1 --workstudy.demo.students="$BENCH_DEMO_STUDENTS" --workstudy.demo.history=false $BENCH_APP_ARGS \
      >"$OUT/graduation-app.log" 2>&1 &
  APP_PID=$!
  started=$(date +%s)
  until answers; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped; see $OUT/graduation-app.log" >&2; tail -20 "$OUT/graduation-app.log"; exit 1; }
    [ $(( $(date +%s) - started )) -lt "$BENCH_START_TIMEOUT" ] || { echo "the application did not start in time" >&2; exit 1; }
    sleep 2
  done
  if [ "$FRESH" = 1 ]; then
    log "pages answer after $(( $(date +%s) - started )) s; loading the demo school"
    until grep -q 'Demo school loaded' "$OUT/graduation-app.log"; do
      kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped; see $OUT/graduation-app.log" >&2; exit 1; }
      [ $(( $(date +%s) - started )) -lt "$BENCH_START_TIMEOUT" ] || { echo "the demo school did not load in time" >&2; exit 1; }
      sleep 2
    done
    grep -o 'Demo school loaded.*' "$OUT/graduation-app.log"
  fi
  log "application up after $(( $(date +%s) - started )) s"
fi

# ---- 2. the cohort's ledger, exemptions, credit records and deferred list, by SQL (once) ---------------------------
if [ "$(q "SELECT count(*) FROM pos_position WHERE title LIKE '压测毕业岗位%'")" = "0" ]; then
  log "writing the cohort's ledger by SQL (bench/graduation/generate.sql, one transaction)"
  t0=$(date +%s)
  psql -X -q -d "$BENCH_DB" -v cohort="$BENCH_COHORT" -v window="$BENCH_WINDOW" \
    -f bench/graduation/generate.sql | tee "$WORK/generate.txt"
  t1=$(date +%s)
  psql -X -q -d "$BENCH_DB" -c "VACUUM ANALYZE hrs_entry" -c "VACUUM ANALYZE hrs_confirmation" \
    -c "ANALYZE cr_exemption" -c "ANALYZE cr_credit_record" -c "ANALYZE cr_deferral" -c "ANALYZE plc_placement"
  log "written in $((t1 - t0)) s"
  put generate.seconds $((t1 - t0))
else
  log "the cohort's ledger is there already (bench positions exist): not written again"
fi

STUDENTS=$(q "SELECT count(*) FROM org_student s JOIN org_class c ON c.id = s.class_id WHERE c.cohort = $BENCH_COHORT")
ROWS=$(q "SELECT count(*) FROM hrs_entry e JOIN org_student s ON s.id = e.student_id JOIN org_class c ON c.id = s.class_id
          WHERE c.cohort = $BENCH_COHORT")
ALL_ROWS=$(q "SELECT count(*) FROM hrs_entry")
CONFIRMATIONS=$(q "SELECT count(*) FROM hrs_confirmation")
EXEMPTIONS=$(q "SELECT count(*) FROM cr_exemption WHERE status = 'FINAL'")
RECORDS=$(q "SELECT count(*) FROM cr_credit_record")
DEFERRALS=$(q "SELECT count(*) FROM cr_deferral WHERE kind = 'DEFERRED' AND cohort = $BENCH_COHORT")
log "data: cohort $BENCH_COHORT has $STUDENTS students and $ROWS ledger rows (hrs_entry $ALL_ROWS in all, $CONFIRMATIONS confirmations);"
log "  $EXEMPTIONS final exemptions/offsets, $RECORDS credit records, $DEFERRALS deferred"
put data.cohortStudents "$STUDENTS"
put data.cohortRows "$ROWS"
put data.hrsEntryRows "$ALL_ROWS"
put data.confirmations "$CONFIRMATIONS"
put data.exemptions "$EXEMPTIONS"
put data.creditRecords "$RECORDS"
put data.deferred "$DEFERRALS"

# ---- 3. sign-in (session cookie, as the browser) -------------------------------------------------------------------
csrf_of() { grep -oE '<(input|meta)[^>]*name="_csrf"[^>]*>' | head -1 | grep -oE '(value|content)="[^"]*"' | cut -d'"' -f2; }
JAR="$WORK/staff.cookies"
rm -f "$JAR"
TOKEN=$(curl -s --max-time 30 -c "$JAR" -b "$JAR" "$BASE/login" | csrf_of)
LOC=$(curl -s --max-time 30 -o /dev/null -w '%{redirect_url}' -c "$JAR" -b "$JAR" --data-urlencode "username=$BENCH_USER" \
  --data-urlencode "password=$BENCH_STAFF_PASSWORD" --data-urlencode "_csrf=$TOKEN" "$BASE/login")
case "$LOC" in *"/login"*|"") echo "sign-in failed for $BENCH_USER: $LOC" >&2; exit 1 ;; esac

# ---- 4. measurements, one request after the other ------------------------------------------------------------------
# measure NAME URL [curl args...]: BENCH_WARMUP + BENCH_REQUESTS GETs; times in seconds to NAME.times
measure() {
  local name=$1 url=$2 i line; shift 2
  local file="$WORK/$name.times"
  : >"$file"
  for ((i = 0; i < BENCH_WARMUP + BENCH_REQUESTS; i++)); do
    line=$(curl -s --max-time 300 "$@" -o "$WORK/$name.body" -w '%{time_total} %{size_download} %{http_code}' "$BASE$url" || true)
    [ "$i" -lt "$BENCH_WARMUP" ] || echo "$line" >>"$file"
  done
}
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
  put "$1.bytes" "$bytes"
  printf '  %-44s %3d requests, %3d ok   p50 %6s ms   p95 %6s ms   max %6s ms   %9s bytes\n' \
    "$2" "$n" "$ok" "$p50" "$p95" "$max" "$bytes"
}

C=$BENCH_COHORT
log "measuring: $BENCH_WARMUP warm-up + $BENCH_REQUESTS requests each, as $BENCH_USER"
measure compute "/graduation?cohort=$C&status=DEFERRED" -b "$JAR"
measure page "/graduation?cohort=$C" -b "$JAR"
measure api "/api/v1/graduation/$C" -u "$BENCH_USER:$BENCH_STAFF_PASSWORD" -H 'Accept: application/json'
measure export "/graduation/export?cohort=$C" -b "$JAR"
cp "$WORK/export.body" "$WORK/export.xlsx"
XLSX_ROWS=$(unzip -p "$WORK/export.xlsx" 'xl/worksheets/sheet1.xml' 2>/dev/null | grep -o '<row ' | wc -l || echo 0)
put export.sheetRows "$XLSX_ROWS"
API_STATUS=$(grep -o '"status":"[A-Z_]*"' "$WORK/api.body" | sort | uniq -c | awk '{ printf "%s%s %s", sep, $2, $1; sep = ", " }' | tr -d '"' | sed 's/status://g')
put api.statuses "$API_STATUS"

# the plan of the aggregate behind HoursLedger.totals, for 2,500 students of the cohort (one chunk)
IDS=$(q "SELECT string_agg(id::text, ',') FROM (SELECT s.id FROM org_student s JOIN org_class c ON c.id = s.class_id
         WHERE c.cohort = $C ORDER BY s.id LIMIT 2500) x")
psql -X -q -d "$BENCH_DB" >"$WORK/explain.txt" 2>&1 <<SQL || true
EXPLAIN (ANALYZE, BUFFERS)
SELECT e.student_id, CASE WHEN e.source_kind = 'SELF_ARRANGED' THEN e.source_id END,
       CASE WHEN e.source_kind = 'SELF_ARRANGED' THEN e.work_date END,
       SUM(CASE WHEN COALESCE(c.confirmed, NOT e.needs_confirmation) THEN e.hours ELSE 0 END),
       SUM(CASE WHEN e.needs_confirmation AND c.id IS NULL THEN e.hours ELSE 0 END)
FROM hrs_entry e LEFT JOIN hrs_confirmation c ON c.entry_id = e.id
WHERE e.student_id IN ($IDS) AND e.kind <> 'VOID' AND e.id NOT IN (SELECT n.corrects_id FROM hrs_entry n
      WHERE n.student_id IN ($IDS) AND n.corrects_id IS NOT NULL)
GROUP BY e.student_id, CASE WHEN e.source_kind = 'SELF_ARRANGED' THEN e.source_id END,
         CASE WHEN e.source_kind = 'SELF_ARRANGED' THEN e.work_date END;
SQL
CHUNK_MS=$(grep -m1 'Execution Time' "$WORK/explain.txt" | grep -oE '[0-9.]+' || true)
put sql.totalsChunk2500Ms "$CHUNK_MS"

# ---- 5. summary ----------------------------------------------------------------------------------------------------
MACHINE="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/ { print $2 }') GB, PostgreSQL $(psql -X -d postgres -Atc 'SHOW server_version' | cut -d' ' -f1)"
put run.date "$(date '+%Y-%m-%d %H:%M %Z')"
put run.machine "$MACHINE"
put run.load "$(cut -d' ' -f1-3 /proc/loadavg)"
cat <<EOF

================ graduation audit — $(date '+%Y-%m-%d %H:%M %Z') ================
machine   : $MACHINE; load $(cut -d' ' -f1-3 /proc/loadavg)
data      : cohort $C: $STUDENTS students, $ROWS ledger rows ($ALL_ROWS in hrs_entry, $CONFIRMATIONS confirmations);
            $EXEMPTIONS final exemptions/offsets, $RECORDS credit records, $DEFERRALS deferred
requests  : $BENCH_WARMUP warm-up, then $BENCH_REQUESTS one after the other; times are curl's (request to last byte)
EOF
report compute "compute: /graduation?status=DEFERRED (page)"
report page "audit page, first 500 of the students"
report api "API GET /api/v1/graduation/$C (all rows)"
report export "export .xlsx, all students + numbers"
cat <<EOF
statuses  : $API_STATUS
export    : $XLSX_ROWS rows on the students' sheet
aggregate : one chunk of 2,500 students $CHUNK_MS ms (EXPLAIN ANALYZE, $WORK/explain.txt)
all       : $RESULT
EOF
