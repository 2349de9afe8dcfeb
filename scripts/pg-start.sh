#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for local runs and tests.
#   data and socket in $PGROOT (default /tmp/alliancekpi-pg-<port>), TCP on 127.0.0.1:55432,
#   role app / app_pw (CREATEDB), database appdb. AK_PG_PORT overrides the port, PGROOT the folder.
# Tuned for tests (fsync and synchronous commit off): never keep data you care about in it.
# Running it again wipes the previous server. Stop it with scripts/pg-stop.sh.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PGROOT="${PGROOT:-/tmp/alliancekpi-pg-${AK_PG_PORT:-55432}}"
PGPORT="${AK_PG_PORT:-55432}"
export PGROOT

case "$PGROOT" in
  /?*) ;;
  *) echo "pg-start: PGROOT must be an absolute path other than /, got '$PGROOT'" >&2; exit 2 ;;
esac

is_root() { [[ $(id -u) -eq 0 ]]; }
as_pg() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Newest installed major version, e.g. /usr/lib/postgresql/15/bin
find_pgbin() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n "$initdb" ]] && dirname "$initdb"
}

PGBIN=$(find_pgbin || true)
if [[ -z "$PGBIN" ]]; then
  if is_root && command -v apt-get >/dev/null 2>&1; then
    echo "pg-start: PostgreSQL server not installed; installing it with apt-get ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    PGBIN=$(find_pgbin || true)
  fi
  if [[ -z "$PGBIN" ]]; then
    echo "pg-start: PostgreSQL server not found (no /usr/lib/postgresql/*/bin/initdb)." >&2
    echo "          Install it: sudo apt-get install postgresql" >&2
    exit 1
  fi
fi
version=$(basename "$(dirname "$PGBIN")")

# Idempotent: stop and wipe whatever an earlier run left behind.
"$HERE/pg-stop.sh" >/dev/null

if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT"; then
  echo "pg-start: another server already listens on 127.0.0.1:$PGPORT (not one in $PGROOT); stop it first." >&2
  exit 1
fi

mkdir -p "$PGROOT"
pwfile="$PGROOT/pw"
echo postgres_pw > "$pwfile"
if is_root; then chown -R postgres:postgres "$PGROOT"; fi
cd "$PGROOT"  # the postgres user must be able to read the working folder

as_pg "$PGBIN/initdb" -D "$PGROOT/data" -E UTF8 --locale=C.UTF-8 -U postgres \
  --auth-local=trust --auth-host=scram-sha-256 --pwfile="$pwfile" >"$PGROOT/initdb.log" 2>&1 || {
    echo "pg-start: initdb failed:" >&2; cat "$PGROOT/initdb.log" >&2; exit 1; }
rm -f "$pwfile"

opts="-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT"
opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
if ! as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 -o "$opts" start >/dev/null; then
  echo "pg-start: the server did not start; end of $PGROOT/server.log:" >&2
  tail -n 30 "$PGROOT/server.log" >&2 || true
  exit 1
fi

as_pg "$PGBIN/psql" -h "$PGROOT" -p "$PGPORT" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE app LOGIN CREATEDB PASSWORD 'app_pw'" \
  -c "CREATE DATABASE appdb OWNER app ENCODING 'UTF8' TEMPLATE template0"

cat <<TXT
PostgreSQL $version is running on 127.0.0.1:$PGPORT (data and log in $PGROOT).
  connection string: Host=127.0.0.1;Port=$PGPORT;Database=appdb;Username=app;Password=app_pw
  psql:              PGPASSWORD=app_pw psql -h 127.0.0.1 -p $PGPORT -U app appdb
  stop:              scripts/pg-stop.sh
TXT
