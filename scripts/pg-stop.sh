#!/usr/bin/env bash
# Stops the throwaway PostgreSQL server started by scripts/pg-start.sh and deletes its folder.
# Usage: scripts/pg-stop.sh            (PGROOT defaults to /tmp/alliancekpi-pg-<AK_PG_PORT or 55432>)
set -euo pipefail

PGROOT="${PGROOT:-/tmp/alliancekpi-pg-${AK_PG_PORT:-55432}}"

case "$PGROOT" in
  /?*) ;;
  *) echo "pg-stop: PGROOT must be an absolute path other than /, got '$PGROOT'" >&2; exit 2 ;;
esac

# Run a command as the postgres user when we are root (PostgreSQL refuses to run as root).
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

data="$PGROOT/data"
if [[ -f "$data/postmaster.pid" ]]; then
  # Use the pg_ctl of the major version that created the cluster.
  version=$(cat "$data/PG_VERSION" 2>/dev/null || true)
  pg_ctl="/usr/lib/postgresql/$version/bin/pg_ctl"
  if [[ -n "$version" && -x "$pg_ctl" ]]; then
    cd /  # the postgres user may not be able to read the caller's folder
    if ! as_pg "$pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null; then
      echo "pg-stop: fast shutdown failed, trying immediate shutdown" >&2
      as_pg "$pg_ctl" -D "$data" -m immediate -w -t 30 stop >/dev/null || true
    fi
  else
    echo "pg-stop: cannot find pg_ctl for PostgreSQL '$version'; killing the postmaster" >&2
    pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)
    if [[ "$pid" =~ ^[0-9]+$ ]]; then kill -INT "$pid" 2>/dev/null || true; fi
    sleep 2
  fi
fi

if [[ -e "$PGROOT" ]]; then
  rm -rf -- "$PGROOT"
  echo "pg-stop: PostgreSQL stopped, $PGROOT removed"
fi
