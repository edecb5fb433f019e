#!/usr/bin/env bash
# A throw-away PostgreSQL server for the test suite (crosscheck-store's
# PostgreSQL backend), from Debian's `postgresql` package.
#
#   eval "$(scripts/test-postgres.sh start)"   # prints the two exports below
#   scripts/test-postgres.sh stop "$CROSSCHECK_PG_DIR"
#
# `start` initialises a cluster in a new temporary directory, starts it on
# 127.0.0.1 on a free port (never the system cluster, never another interface),
# creates the database `crosscheck_test` and prints
#   export CROSSCHECK_TEST_PG=postgres://postgres@127.0.0.1:PORT/crosscheck_test
#   export CROSSCHECK_PG_DIR=DIR
# Idempotent: when CROSSCHECK_PG_DIR names a running cluster of this script,
# it prints the same exports again. Authentication is `trust`: the server is
# only reachable from this machine and lives as long as the test run.
# initdb refuses to run as root, so as root the cluster belongs to the
# `postgres` system user (created by the package, or here if missing).
set -euo pipefail

die() { echo "test-postgres: $*" >&2; exit 1; }

bin_dir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/initdb" ] || die "no PostgreSQL server binaries under /usr/lib/postgresql (install the 'postgresql' package)"
  echo "$d"
}

# Run a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

print_exports() {
  echo "export CROSSCHECK_TEST_PG=postgres://postgres@127.0.0.1:$(cat "$1/port")/crosscheck_test"
  echo "export CROSSCHECK_PG_DIR=$1"
}

start() {
  local bin dir port tries
  bin=$(bin_dir)
  if [ -n "${CROSSCHECK_PG_DIR:-}" ] && [ -f "$CROSSCHECK_PG_DIR/port" ] \
     && as_owner "$bin/pg_ctl" -D "$CROSSCHECK_PG_DIR/data" status >/dev/null 2>&1; then
    print_exports "$CROSSCHECK_PG_DIR"
    return
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
  fi
  dir=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-pg.XXXXXX")
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  for tries in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 40000))
    # Skip a port something already listens on.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
         -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null 2>&1; then
      echo "$port" >"$dir/port"
      break
    fi
  done
  [ -f "$dir/port" ] || { cat "$dir/server.log" >&2 || true; die "could not start postgres (log above)"; }
  "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE crosscheck_test" >/dev/null || die "could not create the test database"
  print_exports "$dir"
}

stop() {
  local dir=${1:-${CROSSCHECK_PG_DIR:-}} bin
  [ -n "$dir" ] || die "usage: $0 stop DIR"
  case "$dir" in */crosscheck-pg.*) ;; *) die "refusing to remove $dir: not a directory of this script" ;; esac
  bin=$(bin_dir)
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) die "usage: $0 start | stop DIR" ;;
esac
