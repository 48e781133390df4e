#!/usr/bin/env bash
# usage: bench/demo-load/run.sh LABEL [log statements: 0|1] [students]   (JAR=... to pick the jar; PGPORT_PROF=... the port)
# The demo load on its own PostgreSQL server (pg_stat_statements; with 1, every statement logged): the phases, the
# statements, the CPU seconds of the JVM and of PostgreSQL. Needs the Debian postgresql-15 binaries; run as root (the
# server runs as the postgres user). See bench/README.md, "Demo school load".
set -u; JOPTS=${JOPTS:-}
LABEL=$1; LOGSTMT=${2:-0}; STUDENTS=${3:-3000}; PORT=${PGPORT_PROF:-55432}
D=${BENCH_DIR:-/tmp/demo-load}/$LABEL
rm -rf $D; mkdir -p $D; chown postgres $D
BIN=/usr/lib/postgresql/15/bin
su postgres -c "$BIN/initdb -D $D/pg -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
EXTRA=""
[ "$LOGSTMT" = 1 ] && EXTRA="-c log_min_duration_statement=0 -c logging_collector=on -c log_directory=$D/log -c log_line_prefix=%m|"
su postgres -c "$BIN/pg_ctl -D $D/pg -w -o \"-p $PORT -k $D -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c pg_stat_statements.max=10000 $EXTRA\" -l $D/pg.log start" >/dev/null
psql -h 127.0.0.1 -p $PORT -U postgres -qc "create database workstudy" -c "" ; psql -h 127.0.0.1 -p $PORT -U postgres -d workstudy -qc "create extension pg_stat_statements"
PGMAIN=$(head -1 $D/pg/postmaster.pid)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" > $D/summary.txt
START=$(date +%s.%N)
java $JOPTS -jar ${JAR:-$(ls $(dirname "$0")/../../target/workstudy-*.jar | grep -v original | head -n 1)} --server.port=0 \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:$PORT/workstudy --spring.datasource.username=postgres \
  --workstudy.demo.students=$STUDENTS > $D/app.log 2>&1 &
APP=$!
while ! grep -q "Demo school loaded\|APPLICATION FAILED\|Exception in" $D/app.log; do sleep 1; kill -0 $APP 2>/dev/null || break; done
END=$(date +%s.%N)
sleep 2
TCK=$(getconf CLK_TCK)
jvm=$(awk -v t=$TCK '{print ($14+$15)/t}' /proc/$APP/stat)
pgc=0
for p in $PGMAIN $(pgrep -P $PGMAIN); do c=$(awk -v t=$TCK '{print ($14+$15+$16+$17)/t}' /proc/$p/stat 2>/dev/null || echo 0); pgc=$(echo "$pgc + $c" | bc); done
echo "wall to loaded: $(echo "$END - $START" | bc) s; JVM CPU ${jvm} s; PostgreSQL CPU ${pgc} s; load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> $D/summary.txt
grep -E "Demo history:|Demo school loaded|Demo figures|Started " $D/app.log >> $D/summary.txt
psql -h 127.0.0.1 -p $PORT -U postgres -d workstudy -Atc "select sum(calls) from pg_stat_statements" | sed 's/^/statements total: /' >> $D/summary.txt
psql -h 127.0.0.1 -p $PORT -U postgres -d workstudy -Atc "select calls, round(total_exec_time)::int, left(regexp_replace(query,'\s+',' ','g'),160) from pg_stat_statements order by calls desc limit 40" > $D/top.txt
kill $APP; wait $APP 2>/dev/null
su postgres -c "$BIN/pg_ctl -D $D/pg -m fast stop" >/dev/null
cat $D/summary.txt
