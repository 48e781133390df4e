# Shared by backup.sh, restore.sh and checksums.sh: turns a database URL (or the embedded default) into libpq
# settings, and finds PostgreSQL client programs (PG_BIN, else the PATH).
#   postgresql://user@host:port/db, jdbc:postgresql://host:port/db (user from WORKSTUDY_DB_USER, default postgres),
#   or nothing: WORKSTUDY_DB_URL, else the embedded database of ./data/pg (the application must be running: its
#   server lives only as long as the application).

pg() { # pg PROGRAM: the client program from PG_BIN when set
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN/$1"; else echo "$1"; fi
}

resolve_url() { # resolve_url [URL] -> sets DB_URL (a libpq URL)
  local url="${1:-${WORKSTUDY_DB_URL:-}}"
  local user="${WORKSTUDY_DB_USER:-postgres}"
  if [ -z "$url" ]; then
    local dir="${WORKSTUDY_EMBEDDED_DB_DIR:-data/pg}"
    if [ ! -f "$dir/postmaster.pid" ]; then
      echo "No database URL given and the embedded database in $dir is not running." >&2
      echo "Start the application (its embedded PostgreSQL runs with it), or back up the stopped folder as a whole:" >&2
      echo "  tar czf workstudy-data-\$(date +%Y%m%d).tar.gz -C $(dirname "$dir") $(basename "$dir")" >&2
      exit 2
    fi
    local port
    port=$(sed -n 4p "$dir/postmaster.pid")
    url="postgresql://postgres@127.0.0.1:$port/workstudy"
  fi
  case "$url" in
    jdbc:postgresql://*)
      url="${url#jdbc:}"
      url="postgresql://$user@${url#postgresql://}"
      ;;
  esac
  if [ -n "${WORKSTUDY_DB_PASSWORD:-}" ]; then export PGPASSWORD="$WORKSTUDY_DB_PASSWORD"; fi
  DB_URL="$url"
}

check_versions() { # check_versions PROGRAM: refuses a client older than the server (pg_dump cannot read newer)
  local server client
  server=$("$(pg psql)" -X -At -d "$DB_URL" -c "SHOW server_version_num") || exit 2
  server=$((server / 10000))
  client=$("$(pg "$1")" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/')
  if [ "$client" -lt "$server" ]; then
    echo "$1 $client cannot work with this PostgreSQL $server server: install the client programs of version" \
      "$server or newer (Debian/Ubuntu: postgresql-client-$server from apt.postgresql.org) and run with" \
      "PG_BIN=/usr/lib/postgresql/$server/bin" >&2
    exit 3
  fi
}
