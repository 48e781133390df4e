#!/usr/bin/env bash
# The 8 a.m. rush: 3,000 signed-in students apply at the same moment for 100 first-come positions of capacity 3,
# with browsing traffic, against the application on PostgreSQL; then the database is read back for oversell and
# PostgreSQL's own ceiling for the same write is measured with pgbench. See bench/README.md.
#
#   bench/rush/run.sh                                  # full size (30,000-student demo school, 3,000 students)
#   BENCH_STUDENTS=100 BENCH_POSITIONS=10 BENCH_DEMO_STUDENTS=3000 BENCH_DB=workstudy_bench_small bench/rush/run.sh
#
# Everything is an environment variable with a default (below). Traffic goes to this machine only.
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCH_STUDENTS=${BENCH_STUDENTS:-3000}            # students who rush (distinct, signed in beforehand)
BENCH_POSITIONS=${BENCH_POSITIONS:-100}           # first-come positions created for this run
BENCH_CAPACITY=${BENCH_CAPACITY:-3}               # places per position
BENCH_DEMO_STUDENTS=${BENCH_DEMO_STUDENTS:-30000} # size of the demo school loaded into an empty database
BENCH_DB=${BENCH_DB:-workstudy_bench}             # the application's database (created when missing)
BENCH_SEED=${BENCH_SEED:-20261127}
BENCH_BROWSE_RATE=${BENCH_BROWSE_RATE:-20}        # browsing visits per second during the rush (3 requests each)
BENCH_BROWSE_SECONDS=${BENCH_BROWSE_SECONDS:-20}
BENCH_LOGIN_CONCURRENCY=${BENCH_LOGIN_CONCURRENCY:-8}
BENCH_PASSWORD=${BENCH_PASSWORD:-Bench-2026-rush} # the chosen students' password (set by the bench)
BENCH_PORT=${BENCH_PORT:-8080}
BENCH_BASE_URL=${BENCH_BASE_URL:-http://127.0.0.1:$BENCH_PORT}
BENCH_START_APP=${BENCH_START_APP:-auto}          # auto: start the app unless one answers at BENCH_BASE_URL; yes; no
BENCH_APP_JAVA_OPTS=${BENCH_APP_JAVA_OPTS:--Xmx1g}
BENCH_APP_ARGS=${BENCH_APP_ARGS:-}                # e.g. --spring.datasource.hikari.maximum-pool-size=20
BENCH_START_TIMEOUT=${BENCH_START_TIMEOUT:-1200}  # seconds to wait for the app (the first start loads the demo)
BENCH_MVN_OFFLINE=${BENCH_MVN_OFFLINE--o}         # set to "" for the very first run, to fetch Gatling once
BENCH_INSTANCES=${BENCH_INSTANCES:-1}            # 2 or more: that many instances behind HAProxy on BENCH_PORT
BENCH_JFR=${BENCH_JFR:-0}                         # 1: flight recording of each instance, summarised for the rush
BENCH_JAR=${BENCH_JAR:-}                          # the jar to run (default: target/workstudy-*.jar, built if missing)
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-32}
PGBENCH_THREADS=${PGBENCH_THREADS:-2}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-20}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-}
JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB"
SCRATCH_DB="${BENCH_DB}_pgbench"

case "$BENCH_BASE_URL" in
  http://127.0.0.1:*|http://localhost:*) ;;
  *) echo "BENCH_BASE_URL must be on this machine (127.0.0.1 or localhost): $BENCH_BASE_URL" >&2; exit 2 ;;
esac

OUT=target/bench
mkdir -p "$OUT"
RESULT="$OUT/rush-result.properties"
rm -f "$RESULT"
log() { printf '[run.sh %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

pg_isready -q || { echo "PostgreSQL does not answer at $PGHOST:$PGPORT" >&2; exit 2; }

# ---- 1. the application(s) ------------------------------------------------------------------------------------
# One instance listens on BENCH_PORT. With BENCH_INSTANCES=N (N >= 2) the instances listen on BENCH_PORT+1..+N and
# HAProxy (Debian package, installed when missing, run in the foreground with its own configuration in target/bench,
# never the system service) balances round-robin on BENCH_PORT; sessions are shared through the database.
APP_PIDS=()
LB_PID=
SAMPLER_PID=
stop_app() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  for pid in "${APP_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping the application (pid $pid)"
      kill "$pid"; wait "$pid" 2>/dev/null || true
    fi
  done
  if [ -n "$LB_PID" ] && kill -0 "$LB_PID" 2>/dev/null; then
    log "stopping HAProxy (pid $LB_PID)"; kill "$LB_PID"; wait "$LB_PID" 2>/dev/null || true
  fi
}
trap stop_app EXIT

answers() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${1:-$BENCH_BASE_URL}/login" | grep -q '^200$'; }

# The flight recording of the bench: Java's "profile" settings, with every socket write recorded (threshold 0), so
# that database round trips can be counted (bench/rush/JfrSummary.java).
jfr_opts() {
  local k=$1
  [ "$BENCH_JFR" = 1 ] || return 0
  local jfc="$OUT/rush.jfc" java_home
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  sed '/<event name="jdk.SocketWrite">/,/<\/event>/ s/<setting name="threshold" control="socket-threshold">[^<]*</<setting name="threshold" control="socket-threshold">0 ms</' \
    "$java_home/lib/jfr/profile.jfc" >"$jfc"
  rm -f "$OUT/app-$k.jfr"
  echo "-XX:StartFlightRecording=filename=$OUT/app-$k.jfr,settings=$jfc,dumponexit=true"
}

start_instance() { # $1 instance number, $2 port
  local k=$1 port=$2 started
  log "starting instance $k of $JAR on $BENCH_DB, port $port; log: $OUT/app-$k.log"
  SPRING_PROFILES_ACTIVE=postgres WORKSTUDY_DB_URL="$JDBC_URL" WORKSTUDY_DB_USER="$PGUSER" \
    WORKSTUDY_DB_PASSWORD="$PGPASSWORD" WORKSTUDY_DEMO=true \
    java $BENCH_APP_JAVA_OPTS $(jfr_opts "$k") -jar "$JAR" --spring.profiles.active=postgres --server.port="$port" \
      --server.address=127.0.0.1 --workstudy.demo.students="$BENCH_DEMO_STUDENTS" --workstudy.demo.history=false $BENCH_APP_ARGS \
      >"$OUT/app-$k.log" 2>&1 &
  APP_PIDS+=($!)
  local pid=$!
  started=$(date +%s)
  until answers "http://127.0.0.1:$port"; do
    kill -0 "$pid" 2>/dev/null || { echo "the application stopped; see $OUT/app-$k.log" >&2; tail -20 "$OUT/app-$k.log"; exit 1; }
    [ $(( $(date +%s) - started )) -lt "$BENCH_START_TIMEOUT" ] || { echo "the application did not start in time" >&2; exit 1; }
    sleep 2
  done
  if [ "$k" = 1 ] && [ "$FRESH" = 1 ]; then
    log "pages answer after $(( $(date +%s) - started )) s; loading the demo school"
    until grep -q 'Demo school loaded' "$OUT/app-$k.log"; do
      kill -0 "$pid" 2>/dev/null || { echo "the application stopped; see $OUT/app-$k.log" >&2; exit 1; }
      [ $(( $(date +%s) - started )) -lt "$BENCH_START_TIMEOUT" ] || { echo "the demo school did not load in time" >&2; exit 1; }
      sleep 2
    done
    grep -o 'Demo school loaded.*' "$OUT/app-$k.log"
  fi
  log "instance $k up after $(( $(date +%s) - started )) s"
}

start_balancer() {
  if ! command -v haproxy >/dev/null; then
    log "installing HAProxy (Debian package haproxy)"
    # the package's own service is not started: only the bench's HAProxy runs, with the configuration below
    local policy=/usr/sbin/policy-rc.d created=0
    if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; created=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >"$OUT/haproxy-install.log" 2>&1 \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >>"$OUT/haproxy-install.log" 2>&1; }
    [ "$created" = 1 ] && rm -f "$policy"
  fi
  local cfg="$OUT/haproxy.cfg" k
  {
    echo "global"
    echo "    maxconn 4000"
    echo "defaults"
    echo "    mode http"
    echo "    timeout connect 5s"
    echo "    timeout client 300s"
    echo "    timeout server 300s"
    echo "    timeout queue 300s" # without it a request queued for a server slot gets 503 after 'timeout connect'
    echo "    option http-keep-alive"
    echo "frontend rush"
    echo "    bind 127.0.0.1:$BENCH_PORT"
    echo "    default_backend apps"
    echo "backend apps"
    echo "    balance roundrobin"
    for k in $(seq 1 "$BENCH_INSTANCES"); do
      echo "    server app$k 127.0.0.1:$((BENCH_PORT + k)) maxconn 400"
    done
  } >"$cfg"
  haproxy -c -q -f "$cfg"
  log "HAProxy on 127.0.0.1:$BENCH_PORT, round-robin over $BENCH_INSTANCES instances; configuration $cfg"
  haproxy -db -f "$cfg" >"$OUT/haproxy.log" 2>&1 &
  LB_PID=$!
  local started=$(date +%s)
  until answers; do
    kill -0 "$LB_PID" 2>/dev/null || { echo "HAProxy stopped; see $OUT/haproxy.log" >&2; exit 1; }
    [ $(( $(date +%s) - started )) -lt 30 ] || { echo "HAProxy did not answer in time" >&2; exit 1; }
    sleep 1
  done
}

if answers; then
  [ "$BENCH_START_APP" = yes ] && { echo "something already answers at $BENCH_BASE_URL" >&2; exit 2; }
  log "using the application already running at $BENCH_BASE_URL (it must use the database $BENCH_DB)"
elif [ "$BENCH_START_APP" = no ]; then
  echo "no application answers at $BENCH_BASE_URL and BENCH_START_APP=no" >&2; exit 2
else
  JAR=${BENCH_JAR:-$(ls target/workstudy-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)}
  if [ -z "$JAR" ]; then
    log "building the application jar"
    ./mvnw -q -B $BENCH_MVN_OFFLINE package -DskipTests
    JAR=$(ls target/workstudy-*.jar | grep -v -- '-plain' | head -1)
  fi
  if ! psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1; then
    log "creating the database $BENCH_DB"
    createdb "$BENCH_DB"
  fi
  # An empty database gets the demo school; the pages answer before it is loaded, so wait for its log line then.
  # (two queries: PostgreSQL plans a query whole, so one that names a missing table fails even behind a CASE)
  if [ -z "$(psql -d "$BENCH_DB" -Atc "SELECT to_regclass('org_college')")" ] \
      || [ "$(psql -d "$BENCH_DB" -Atc "SELECT count(*) FROM org_college")" = "0" ]; then FRESH=1; else FRESH=0; fi
  [ "$FRESH" = 1 ] && log "an empty database: the first instance loads the demo school of $BENCH_DEMO_STUDENTS students"
  if [ "$BENCH_INSTANCES" -le 1 ]; then
    start_instance 1 "$BENCH_PORT"
  else
    for k in $(seq 1 "$BENCH_INSTANCES"); do start_instance "$k" $((BENCH_PORT + k)); done
    start_balancer
  fi
  ln -sf app-1.log "$OUT/app.log"
  # CPU time of the instances (utime + stime, clock ticks), sampled every 0.2 s, for the cost per apply
  TICKS=$(getconf CLK_TCK)
  ( while true; do
      line="$(date +%s%3N)"
      for pid in "${APP_PIDS[@]}"; do
        line="$line $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)"
      done
      echo "$line"
      sleep 0.2
    done ) >"$OUT/cpu.samples" &
  SAMPLER_PID=$!
fi
log "students in $BENCH_DB: $(psql -d "$BENCH_DB" -Atc 'SELECT count(*) FROM org_student')"

# ---- 2. preparation, sign-in and the rush (Gatling) ------------------------------------------------------------
log "Gatling: prepare $BENCH_POSITIONS positions, sign in $BENCH_STUDENTS students, then the rush; log: $OUT/gatling.log"
set +e
./mvnw -B $BENCH_MVN_OFFLINE -Pbench test-compile gatling:test \
  -Dgatling.simulationClass=workstudy.bench.RushSimulation \
  -Dbench.baseUrl="$BENCH_BASE_URL" -Dbench.jdbcUrl="$JDBC_URL" -Dbench.dbUser="$PGUSER" \
  -Dbench.dbPassword="$PGPASSWORD" -Dbench.students="$BENCH_STUDENTS" -Dbench.positions="$BENCH_POSITIONS" \
  -Dbench.capacity="$BENCH_CAPACITY" -Dbench.seed="$BENCH_SEED" -Dbench.password="$BENCH_PASSWORD" \
  -Dbench.loginConcurrency="$BENCH_LOGIN_CONCURRENCY" -Dbench.browseRate="$BENCH_BROWSE_RATE" \
  -Dbench.browseSeconds="$BENCH_BROWSE_SECONDS" -Dbench.resultFile="$PWD/$RESULT" -Dbench.sessionFile="$PWD/$OUT/sessions.tsv" >"$OUT/gatling.log" 2>&1
gatling_rc=$?
set -e
grep -E '^\[rush\]|Please open the following file|BUILD|ERROR' "$OUT/gatling.log" | grep -v '^\[rush\] sign-in failed' | head -40 || true
if [ ! -f "$RESULT" ]; then
  echo "Gatling produced no result (exit $gatling_rc); see $OUT/gatling.log" >&2; tail -40 "$OUT/gatling.log" >&2; exit 1
fi

get() { grep -m1 "^$1=" "$RESULT" | cut -d= -f2-; }

# ---- server-side cost of the applies: CPU time of the instances in the rush window, and the flight recording ----
APPLY_FROM=$(get apply.firstStartEpochMs); APPLY_TO=$(get apply.lastEndEpochMs)
if [ -n "$SAMPLER_PID" ] && [ -n "$APPLY_FROM" ]; then
  sleep 0.5
  kill "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=
  awk -v f="$APPLY_FROM" -v l="$APPLY_TO" -v t="$TICKS" -v n="$(get apply.count)" '
    { c = 0; for (i = 2; i <= NF; i++) c += $i }
    $1 <= f { c0 = c } $1 >= l && !done { c1 = c; done = 1 }
    END { if (done && n > 0) { ms = (c1 - c0) * 1000 / t; printf "server.cpuMsInRushWindow=%.0f\nserver.cpuMsPerApply=%.1f\n", ms, ms / n } }' \
    "$OUT/cpu.samples" >>"$RESULT"
fi
echo "server.instances=$BENCH_INSTANCES" >>"$RESULT"
echo "machine.uptime=$(uptime | sed 's/.*load average/load average/')" >>"$RESULT"
if [ "$BENCH_JFR" = 1 ] && [ ${#APP_PIDS[@]} -gt 0 ] && [ -n "$APPLY_FROM" ]; then
  stop_app # the recordings are written when the instances stop
  APP_PIDS=(); LB_PID=
  java bench/rush/JfrSummary.java "$APPLY_FROM" "$APPLY_TO" "$(get apply.count)" "$PGPORT" "$OUT"/app-*.jfr \
    >>"$RESULT" 2>"$OUT/jfr-summary.err" || log "the flight recording summary failed: $OUT/jfr-summary.err"
fi

# ---- 3. PostgreSQL's own ceiling for the same write (pgbench) ---------------------------------------------------
log "pgbench: $PGBENCH_CLIENTS clients, $PGBENCH_SECONDS s, scratch database $SCRATCH_DB"
dropdb --if-exists "$SCRATCH_DB" 2>/dev/null
createdb "$SCRATCH_DB"
psql -q -v ON_ERROR_STOP=1 -d "$SCRATCH_DB" <<SQL
CREATE TABLE rush_seat (
    position_id BIGINT NOT NULL PRIMARY KEY,
    capacity    INT    NOT NULL,
    accepted    INT    NOT NULL DEFAULT 0,
    CONSTRAINT rush_seat_capacity_ck CHECK (accepted >= 0 AND accepted <= capacity)
);
CREATE SEQUENCE rush_student_seq;
CREATE TABLE rush_application (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    position_id BIGINT      NOT NULL,
    student_id  BIGINT      NOT NULL,
    status      VARCHAR(16) NOT NULL,
    applied_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    wait_seq    BIGINT,
    CONSTRAINT rush_application_uk UNIQUE (position_id, student_id)
);
CREATE INDEX rush_application_student_ix ON rush_application (student_id, status);
INSERT INTO rush_seat (position_id, capacity) SELECT g, $BENCH_CAPACITY FROM generate_series(1, $BENCH_POSITIONS) g;
SQL
cat >"$OUT/rush.pgbench" <<'SQL'
\set pos random(1, :positions)
BEGIN;
UPDATE rush_seat SET accepted = accepted + 1 WHERE position_id = :pos AND accepted < capacity;
INSERT INTO rush_application (position_id, student_id, status, applied_at) VALUES (:pos, nextval('rush_student_seq'), 'APPLIED', now());
END;
SQL
pgbench -n -M prepared -c "$PGBENCH_CLIENTS" -j "$PGBENCH_THREADS" -T "$PGBENCH_SECONDS" -D positions="$BENCH_POSITIONS" \
  -f "$OUT/rush.pgbench" "$SCRATCH_DB" >"$OUT/pgbench.log" 2>&1
PG_TPS=$(grep -oE 'tps = [0-9.]+ \(without initial' "$OUT/pgbench.log" | grep -oE '[0-9.]+' | head -1 | xargs printf '%.1f')
PG_LAT=$(grep -oE 'latency average = [0-9.]+ ms' "$OUT/pgbench.log" | grep -oE '[0-9.]+' | head -1)
PG_OVER=$(psql -d "$SCRATCH_DB" -Atc "SELECT count(*) FROM rush_seat WHERE accepted > capacity")
dropdb --if-exists "$SCRATCH_DB"

# ---- 4. summary --------------------------------------------------------------------------------------------------
{
  echo "pgbench.clients=$PGBENCH_CLIENTS"
  echo "pgbench.seconds=$PGBENCH_SECONDS"
  echo "pgbench.tps=$PG_TPS"
  echo "pgbench.latencyAverageMs=$PG_LAT"
  echo "pgbench.oversold=$PG_OVER"
} >>"$RESULT"
APP_TPS=$(get apply.throughputPerSecond)
RATIO=$(awk -v a="$APP_TPS" -v b="$PG_TPS" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }')
echo "ratio.appApplyToPgbench=$RATIO" >>"$RESULT"
if grep -q '^db.error=' "$RESULT"; then
  OVERSELL="unknown (reading the database failed: $(get db.error))"
else
  OVERSELL=$(( $(get db.oversoldSeats.run) + $(get db.oversoldPlacements.run) + $(get db.oversoldAgainstPosition.run) ))
fi
REPORT=$(grep -oE 'target/gatling/[^ ]*/index.html' "$OUT/gatling.log" | tail -1 || true)

cat <<EOF

================ the 8 a.m. rush — $(date '+%Y-%m-%d %H:%M') ================
run $(get run.id): $(get run.students) students, $(get run.positions) positions x $(get run.capacity) places, database $BENCH_DB
sign-in      : $(get login.signedIn) signed in, $(get login.failed) failed
apply (rush) : $(get apply.count) requests, $(get apply.ok) ok, span $(get apply.spanSeconds) s
               throughput $APP_TPS req/s
               p50 $(get apply.p50Ms) ms   p95 $(get apply.p95Ms) ms   p99 $(get apply.p99Ms) ms   max $(get apply.maxMs) ms
ceiling      : $(get ceiling.count) places-badge requests all at once, $(get ceiling.ok) ok, $(get ceiling.throughputPerSecond) req/s,
               p50 $(get ceiling.p50Ms) ms   p99 $(get ceiling.p99Ms) ms (the cheapest signed-in request: this stack's ceiling here)
browse       : $(get browse.count) requests, $(get browse.ok) ok, $(get browse.throughputPerSecond) req/s,
               p50 $(get browse.p50Ms) ms   p95 $(get browse.p95Ms) ms   p99 $(get browse.p99Ms) ms
database     : oversell $OVERSELL (seat counters over capacity: $(get db.oversoldSeats.run), placements over
               plc_seat.capacity: $(get db.oversoldPlacements.run), over pos_position.capacity: $(get db.oversoldAgainstPosition.run);
               whole database: $(get db.oversoldSeats.all)/$(get db.oversoldPlacements.all))
               duplicates: applications $(get db.duplicateApplications.all), placements $(get db.duplicatePlacements.all)
               applications $(get db.applications.run), accepted $(get db.acceptedApplications.run) (seats $(get db.acceptedSeats.run), placements $(get db.activePlacements.run); expected $(get db.expectedAccepted.run)), wait-listed $(get db.waitlisted.run)
server       : $(get server.instances) instance(s), CPU $(get server.cpuMsPerApply) ms per apply (all instances, rush window incl. browsing),
               $(get jfr.dbRoundTripsPerApply) database round trips per apply (JFR, BENCH_JFR=1; $(get jfr.dbRoundTripsFromRequestThreadsPerApply) from request threads)
machine      : $(get machine.uptime)
pgbench      : $PG_TPS tps ($PGBENCH_CLIENTS clients, ${PGBENCH_SECONDS} s, avg latency $PG_LAT ms), oversold $PG_OVER
ratio        : app apply throughput / pgbench tps = $RATIO   (aim >= 0.15)
aims         : zero oversell, >= 1,500 applies/s, apply p99 <= 2 s, browsing p95 <= 300 ms, ratio >= 0.15 (issue 15)
all figures  : $RESULT   Gatling report: ${REPORT:-see $OUT/gatling.log}
EOF
