#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests (Debian's postgresql,
# initdb into a temporary folder, a free local port). Sourced by test.sh;
# `pg_stop` removes it again. Sets TEST_DATABASE_URL. PG_OPTIONS adds server
# settings (the benchmark turns fsync back on, which tests do without).
set -euo pipefail

pg_start() {
  if ! command -v /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt_install postgresql
  fi
  local bin
  bin="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n1)")"
  PG_DIR="$(mktemp -d /tmp/wijkplein-pg.XXXXXX)"
  PG_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  local run=()
  if [ "$(id -u)" = "0" ]; then
    chown postgres "$PG_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -A trust -U wijkplein --no-sync >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300 ${PG_OPTIONS:-}" start >/dev/null
  export TEST_DATABASE_URL="postgres://wijkplein@127.0.0.1:$PG_PORT/postgres"
  PG_BIN="$bin"
  PG_RUN=("${run[@]}")
  echo "[pg] throwaway PostgreSQL on port $PG_PORT" >&2
}

pg_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
