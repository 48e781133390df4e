#!/usr/bin/env bash
# Start-up figures of the packaged application with its defaults (no profile, no database URL): a first start in an
# empty working folder (database created, demo school loaded) and later starts on the same folder. For each start:
# seconds from launch to a working sign-in (fdy012 / Demo1234 answered with the home page), and the resident memory
# (RSS, MB) of the application's JVM and of the database processes it started. See bench/README.md, "Start-up".
#
#   bench/startup/run.sh                          # builds nothing: uses target/workstudy-*.jar (./mvnw -DskipTests package)
#   BENCH_JAR=/tmp/old.jar BENCH_LATER_STARTS=3 bench/startup/run.sh
#
# Traffic goes to this machine only; every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCH_JAR=${BENCH_JAR:-$(ls target/workstudy-*.jar 2>/dev/null | grep -v original | head -n 1)}
BENCH_PORT=${BENCH_PORT:-18095}
BENCH_LATER_STARTS=${BENCH_LATER_STARTS:-3}
BENCH_TIMEOUT=${BENCH_TIMEOUT:-600}              # seconds a start may take before the run gives up
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}             # e.g. -Xmx512m; empty = the JVM's defaults, as a user runs it
BASE=http://127.0.0.1:$BENCH_PORT

[ -f "$BENCH_JAR" ] || { echo "No jar: run ./mvnw -DskipTests package first, or set BENCH_JAR" >&2; exit 2; }
JAR=$(readlink -f "$BENCH_JAR")
WORK=$(mktemp -d /tmp/workstudy-startup.XXXXXX)
OUT=target/bench
mkdir -p "$OUT"
RESULT=$OUT/startup-result.txt
: >"$RESULT"
log() { printf '[startup %s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$RESULT"; }

APP_PID=
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# Memory in MB: RSS of the JVM; for the database, the proportional set size (PSS: shared memory counted once) of the
# server started on the working folder and all of its processes.
rss_mb() { ps -o rss= -p "$1" | awk '{s+=$1} END {printf "%d", s/1024}'; }
db_mb() {
  local main pids
  main=$(pgrep -f -- "-D $WORK/data/pg" | head -n 1)
  [ -n "$main" ] || { echo 0; return; }
  pids="$main $(pgrep -P "$main" | tr '\n' ' ')"
  for p in $pids; do awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null; done | awk '{s+=$1} END {printf "%d", s/1024}'
}

# One start: launches the jar, waits until fdy012 signs in, measures, stops it.
start_once() {
  local label=$1 begin now jar_log=$WORK/app-$1.log
  begin=$(date +%s.%N)
  (cd "$WORK" && exec java $BENCH_JAVA_OPTS -jar "$JAR" --server.port="$BENCH_PORT") >"$jar_log" 2>&1 &
  APP_PID=$!
  local deadline=$(( $(date +%s) + BENCH_TIMEOUT )) cookies=$WORK/cookies
  while :; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped; see $jar_log" >&2; tail -50 "$jar_log" >&2; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "no working sign-in after ${BENCH_TIMEOUT}s" >&2; exit 1; }
    rm -f "$cookies"
    local csrf
    csrf=$(curl -s --max-time 5 -c "$cookies" "$BASE/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1) || true
    if [ -n "$csrf" ]; then
      local where
      where=$(curl -s --max-time 10 -b "$cookies" -c "$cookies" -o /dev/null -w '%{redirect_url}' \
        --data-urlencode username=fdy012 --data-urlencode password=Demo1234 --data-urlencode _csrf="$csrf" \
        "$BASE/login") || true
      case "$where" in */login*|"") ;; *) break ;; esac
    fi
    sleep 0.2
  done
  now=$(date +%s.%N)
  local seconds app db
  seconds=$(echo "$now - $begin" | bc)
  app=$(rss_mb "$APP_PID")
  db=$(db_mb)
  log "$label: working sign-in after $(printf '%.1f' "$seconds") s; RSS application ${app} MB, database ${db} MB"
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

log "jar $JAR ($(du -m "$JAR" | cut -f1) MB), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
start_once first
for i in $(seq 1 "$BENCH_LATER_STARTS"); do start_once "later-$i"; done
log "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
