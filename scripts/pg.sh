#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and development, no Docker: the Debian packages'
# initdb and pg_ctl in a temporary directory, listening on 127.0.0.1 only, trust auth for the
# local user "dealbot", durability off (it is thrown away).
#
#   scripts/pg.sh start [DIR]   starts a cluster (DIR defaults to /tmp/dealbot-pg-<checkout>) and
#                               prints its URL on the last line (also written to DIR/url)
#   scripts/pg.sh stop [DIR]    stops it and removes DIR
#   scripts/pg.sh install       apt-get installs PostgreSQL when missing (needs root)
#
# initdb refuses to run as root: as root the cluster runs as the "postgres" system user (created
# by the Debian package), which owns DIR.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cmd="${1:-}"
dir="${2:-${TMPDIR:-/tmp}/dealbot-pg-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)}"

bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  install)
    if bindir >/dev/null; then echo "PostgreSQL already installed: $(bindir)"; exit 0; fi
    if [ "$(id -u)" != 0 ]; then echo "PostgreSQL is not installed; run as root: apt-get update && apt-get install -y postgresql" >&2; exit 1; fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
    # The package starts its own cluster on 5432 where services run; the tests do not use it.
    echo "installed PostgreSQL: $(bindir)"
    ;;
  start)
    bin="$(bindir)" || { echo "PostgreSQL is not installed (scripts/pg.sh install, or apt-get install postgresql)" >&2; exit 1; }
    if [ -f "$dir/url" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      cat "$dir/url"; exit 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then
      chown postgres:postgres "$dir"
      runuser -u postgres -- test -w "$dir" || { echo "the postgres user cannot reach $dir: pick a directory whose parents it may enter (e.g. under /tmp)" >&2; exit 1; }
    fi
    port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
    as_owner "$bin/initdb" -D "$dir/data" -U dealbot --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    url="postgres://dealbot@127.0.0.1:$port/postgres"
    echo "$url" > "$dir/url"
    echo "$url"
    ;;
  stop)
    bin="$(bindir)" || exit 0
    if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: scripts/pg.sh start [DIR] | stop [DIR] | install" >&2
    exit 2
    ;;
esac
