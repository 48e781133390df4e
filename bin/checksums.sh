#!/usr/bin/env bash
# Prints the row count of every table and an MD5 over the hours ledger, its confirmations and the placements, to
# compare a database before and after a backup and restore (or anything else that moves data).
#   bin/checksums.sh [DATABASE_URL]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/db-common.sh
resolve_url "${1:-}"
"$(pg psql)" -X -q -At -F ' ' -v ON_ERROR_STOP=1 -d "$DB_URL" -f bin/checksums.sql
