#!/usr/bin/env bash
# Backs up the WorkStudy database: a consistent pg_dump in custom format (compressed, restorable table by table),
# taken while the application runs. See README "Backup and restore".
#   bin/backup.sh [DATABASE_URL] [FILE] [-- extra pg_dump options]
# DATABASE_URL: postgresql://user@host:port/db or jdbc:postgresql://host:port/db; default WORKSTUDY_DB_URL, else the
# running application's embedded database (./data/pg). FILE: default backups/workstudy-YYYYmmdd-HHMMSS.dump.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/db-common.sh

args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do args+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
resolve_url "${args[0]:-}"
file="${args[1]:-backups/workstudy-$(date +%Y%m%d-%H%M%S).dump}"
mkdir -p "$(dirname "$file")"
check_versions pg_dump

# The checksums are taken in the very snapshot that pg_dump copies (a transaction held open by psql beside it), so that
# they describe the backup exactly even while people keep working.
coproc PSQL { "$(pg psql)" -X -At -q -F ' ' -v ON_ERROR_STOP=1 -d "$DB_URL"; }
echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&"${PSQL[1]}"
read -r snapshot <&"${PSQL[0]}"
"$(pg pg_dump)" --format=custom --compress=6 --snapshot="$snapshot" --file="$file" "$@" "$DB_URL"
echo "\\i bin/checksums.sql" >&"${PSQL[1]}"
echo "SELECT 'end-of-checksums';" >&"${PSQL[1]}"
: > "$file.checksums"
while read -r line <&"${PSQL[0]}"; do
  [ "$line" = "end-of-checksums" ] && break
  echo "$line" >> "$file.checksums"
done
echo "COMMIT;" >&"${PSQL[1]}"
exec {PSQL[1]}>&-
wait "$PSQL_PID" 2>/dev/null || true
echo "Backed up to $file ($(du -h "$file" | cut -f1))"
echo "Row counts and the ledger's checksum in the same snapshot: $file.checksums"
