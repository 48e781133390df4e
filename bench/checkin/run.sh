#!/usr/bin/env bash
# Check-in at the workplace: 2,000 students check in within five minutes (evenly spread) on open shifts of the
# 30,000-student demo school, each scanning the current rotating code of their shift through the phone page's form.
# See bench/README.md ("Check-in").
#
#   bench/checkin/run.sh                                      # full size
#   BENCH_STUDENTS=100 BENCH_SECONDS=30 BENCH_DEMO_STUDENTS=3000 BENCH_DB=workstudy_bench_small bench/checkin/run.sh
#   BENCH_BASE_URL=http://127.0.0.1:18093 BENCH_DB=workstudy_onsite_bench bench/checkin/run.sh   # an app already up
#
# Everything is an environment variable with a default (below). Traffic goes to this machine only.
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCH_STUDENTS=${BENCH_STUDENTS:-2000}            # students who check in (distinct; signed in and placed before)
BENCH_SECONDS=${BENCH_SECONDS:-300}               # the window they check in within (evenly spread)
BENCH_SHIFTS=${BENCH_SHIFTS:-20}                  # positions and open shifts (students / shifts on each)
BENCH_DEMO_STUDENTS=${BENCH_DEMO_STUDENTS:-30000} # size of the demo school loaded into an empty database
BENCH_DB=${BENCH_DB:-workstudy_bench}             # the application's database (created when missing)
BENCH_SEED=${BENCH_SEED:-20261205}
BENCH_LOGIN_CONCURRENCY=${BENCH_LOGIN_CONCURRENCY:-8}
BENCH_PASSWORD=${BENCH_PASSWORD:-Bench-2026-rush}
BENCH_PORT=${BENCH_PORT:-8080}
BENCH_BASE_URL=${BENCH_BASE_URL:-http://127.0.0.1:$BENCH_PORT}
BENCH_APP_JAVA_OPTS=${BENCH_APP_JAVA_OPTS:--Xmx1g}
BENCH_START_TIMEOUT=${BENCH_START_TIMEOUT:-1200}
BENCH_MVN_OFFLINE=${BENCH_MVN_OFFLINE:--o}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-}
JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB"

case "$BENCH_BASE_URL" in
  http://127.0.0.1:*|http://localhost:*) ;;
  *) echo "BENCH_BASE_URL must be on this machine (127.0.0.1 or localhost): $BENCH_BASE_URL" >&2; exit 2 ;;
esac

OUT=target/bench
mkdir -p "$OUT"
RESULT="$OUT/checkin-result.properties"
rm -f "$RESULT"
log() { printf '[run.sh %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
pg_isready -q || { echo "PostgreSQL does not answer at $PGHOST:$PGPORT" >&2; exit 2; }

# ---- 1. the application (as bench/rush/run.sh: used when it answers, else started on BENCH_DB) -----------------
APP_PID=
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping the application (pid $APP_PID)"; kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
}
trap stop_app EXIT
answers() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BENCH_BASE_URL/login" | grep -q '^200$'; }

if answers; then
  log "using the application already running at $BENCH_BASE_URL (it must use the database $BENCH_DB)"
else
  JAR=$(ls target/workstudy-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
  if [ -z "$JAR" ]; then
    log "building the application jar"; ./mvnw -q -B $BENCH_MVN_OFFLINE package -DskipTests
    JAR=$(ls target/workstudy-*.jar | grep -v -- '-plain' | head -1)
  fi
  psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1 || createdb "$BENCH_DB"
  if [ -z "$(psql -d "$BENCH_DB" -Atc "SELECT to_regclass('org_college')")" ] \
      || [ "$(psql -d "$BENCH_DB" -Atc "SELECT count(*) FROM org_college")" = "0" ]; then FRESH=1; else FRESH=0; fi
  log "starting $JAR on $BENCH_DB (log: $OUT/app.log)"
  SPRING_PROFILES_ACTIVE=postgres WORKSTUDY_DB_URL="$JDBC_URL" WORKSTUDY_DB_USER="$PGUSER" \
    WORKSTUDY_DB_PASSWORD="$PGPASSWORD" WORKSTUDY_DEMO=true \
    java $BENCH_APP_JAVA_OPTS -jar "$JAR" --spring.profiles.active=postgres --server.port="$BENCH_PORT" \
      --server.address=127.0.0.1 --workstudy.demo.students="$BENCH_DEMO_STUDENTS" --workstudy.demo.history=false \
      --workstudy.secrets.key-file="$OUT/secrets.key" >"$OUT/app.log" 2>&1 &
  APP_PID=$!
  started=$(date +%s)
  until answers && { [ "$FRESH" = 0 ] || grep -q 'Demo school loaded' "$OUT/app.log"; }; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped; see $OUT/app.log" >&2; exit 1; }
    [ $(( $(date +%s) - started )) -lt "$BENCH_START_TIMEOUT" ] || { echo "not started in time" >&2; exit 1; }
    sleep 2
  done
  log "application up after $(( $(date +%s) - started )) s"
fi
log "students in $BENCH_DB: $(psql -d "$BENCH_DB" -Atc 'SELECT count(*) FROM org_student')"
log "machine before: $(uptime)"

# ---- 2. sign-in and placement, shifts, the check-ins (Gatling) --------------------------------------------------
log "Gatling: $BENCH_STUDENTS students on $BENCH_SHIFTS shifts within $BENCH_SECONDS s; log: $OUT/checkin-gatling.log"
set +e
( while sleep 30; do echo "load $(date +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)"; done ) >"$OUT/checkin-load.log" &
LOAD_PID=$!
./mvnw -B $BENCH_MVN_OFFLINE -Pbench test-compile gatling:test \
  -Dgatling.simulationClass=workstudy.bench.CheckinSimulation \
  -Dbench.baseUrl="$BENCH_BASE_URL" -Dbench.jdbcUrl="$JDBC_URL" -Dbench.dbUser="$PGUSER" \
  -Dbench.dbPassword="$PGPASSWORD" -Dbench.students="$BENCH_STUDENTS" -Dbench.shifts="$BENCH_SHIFTS" \
  -Dbench.seconds="$BENCH_SECONDS" -Dbench.seed="$BENCH_SEED" -Dbench.password="$BENCH_PASSWORD" \
  -Dbench.loginConcurrency="$BENCH_LOGIN_CONCURRENCY" -Dbench.resultFile="$PWD/$RESULT" >"$OUT/checkin-gatling.log" 2>&1
gatling_rc=$?
kill "$LOAD_PID" 2>/dev/null
set -e
grep -E '^\[checkin\]|BUILD|ERROR' "$OUT/checkin-gatling.log" | head -20 || true
[ -f "$RESULT" ] || { echo "Gatling produced no result (exit $gatling_rc); see $OUT/checkin-gatling.log" >&2; exit 1; }
log "machine after: $(uptime)"
echo "machine.loadDuringRun=$(awk '{print $3}' "$OUT/checkin-load.log" | sort -n | tail -1) (highest 1-min load average sampled every 30 s)" >>"$RESULT"
echo "machine.cores=$(nproc)" >>"$RESULT"
echo; echo "===== check-in bench ($RESULT) ====="; cat "$RESULT"
