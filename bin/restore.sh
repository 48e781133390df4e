#!/usr/bin/env bash
# Restores a backup made by bin/backup.sh into a database, replacing what is there, in one transaction (all or
# nothing). Stop the application first. See README "Backup and restore".
#   bin/restore.sh FILE [DATABASE_URL]
# DATABASE_URL as for backup.sh. The database must exist (createdb -T template0 -E UTF8 NAME for a new one).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/db-common.sh

file="${1:?usage: bin/restore.sh FILE [DATABASE_URL]}"
[ -f "$file" ] || { echo "No such backup: $file" >&2; exit 2; }
resolve_url "${2:-}"
check_versions pg_restore

"$(pg pg_restore)" --clean --if-exists --no-owner --single-transaction --exit-on-error -d "$DB_URL" "$file"
echo "Restored $file"
if [ -f "$file.checksums" ]; then
  if bin/checksums.sh "$DB_URL" | diff -u "$file.checksums" - ; then
    echo "Row counts and the ledger's checksum match the backup."
  else
    echo "The restored database differs from the backup's checksums (above)." >&2
    exit 4
  fi
fi
