#!/usr/bin/env bash
# Runs every test: unit tests, database tests on SQLite and PostgreSQL, and
# the browser tests in Chromium, once on SQLite and once on PostgreSQL,
# against the release build of what a browser downloads (wasm, JS, CSS) and
# the server binary the tests above built. Installs what is missing first; a
# second run reuses it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
source scripts/toolchain.sh
source scripts/pg.sh

# A full disk makes database tests fail in confusing ways (a CI run once did):
# say up front how much room there is.
free_gb="$(df -P -BG . | awk 'NR == 2 { gsub("G", "", $4); print $4 }')"
log "free disk space here: ${free_gb} GB (a cold run from a fresh clone took 6.8 GB)"
if [ "${free_gb:-0}" -lt 15 ]; then
  log "WARNING: less than 15 GB free; builds or database tests may run out of space"
fi

apt_install chromium brotli curl python3-aiosmtpd
if [ ! -d end2end/node_modules/playwright-core ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  log "npm ci in end2end/"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund)
fi

# Test databases (one SQLite file per test) go to a folder of their own that
# is removed at the end, also when a test fails or the run is stopped.
TEST_TMP="$(mktemp -d /tmp/wijkplein-tests.XXXXXX)"
export TMPDIR="$TEST_TMP"

SERVER_PID=""
SECOND_PID=""
SINK_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
  [ -n "$SECOND_PID" ] && kill "$SECOND_PID" 2>/dev/null || true
  pg_stop
  rm -rf "$TEST_TMP"
}
trap cleanup EXIT

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  pg_start
fi
export WIJKPLEIN_REQUIRE_PG=1

# A local SMTP sink (Debian's python3-aiosmtpd) that keeps every mail in a
# Maildir, where the tests read them back.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
SMTP_PORT="$(free_port)"
export TEST_MAILDIR="$TEST_TMP/mail"
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$TEST_MAILDIR" &
SINK_PID=$!
export TEST_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT"
for _ in $(seq 1 50); do
  [ -d "$TEST_MAILDIR/new" ] && python3 -c "import socket; socket.create_connection(('127.0.0.1', $SMTP_PORT), 1)" 2>/dev/null && break
  sleep 0.2
done
log "SMTP sink on port $SMTP_PORT, mail in $TEST_MAILDIR"

log "unit and database tests (SQLite and PostgreSQL)"
cargo test --workspace --features app/testing --exclude frontend

# The browser gets the release build: its size is part of what is tested.
# The server is the one `cargo test` just built for the HTTP tests (same
# code, not optimised): a second, optimised build of the server and all its
# dependencies took 20 of CI's 58 minutes on two cores, and `scripts/dev.sh`
# builds and runs the optimised one.
log "release build of the wasm islands and the stylesheet"
with_wasm_std cargo leptos build --release --precompress --frontend-only
scripts/size-report.sh
SERVER_BIN="$ROOT/target/debug/wijkplein"
[ -x "$SERVER_BIN" ] || { echo "no server binary at $SERVER_BIN" >&2; exit 1; }

# One browser run per backend, each against a fresh database. With
# PostgreSQL a second instance serves the same database, for the test that a
# live update crosses instances (SECOND_BASE_URL).
start_server() {
  local url="$1" port="$2" demo="$3"
  DATABASE_URL="$url" WIJKPLEIN_LIMIT_FACTOR=1000 WIJKPLEIN_DEMO="$demo" WIJKPLEIN_LISTEN="127.0.0.1:$port" \
    WIJKPLEIN_SMTP_URL="$TEST_SMTP_URL" WIJKPLEIN_PUBLIC_URL="http://127.0.0.1:$port" WIJKPLEIN_MAIL_INTERVAL_SECS=1 \
    LEPTOS_SITE_ROOT="$ROOT/target/site" LEPTOS_SITE_PKG_DIR=pkg LEPTOS_OUTPUT_NAME=wijkplein LEPTOS_ENV=PROD LEPTOS_HASH_FILES=true \
    LEPTOS_HASH_FILE_NAME="$ROOT/target/release/hash.txt" RUST_LOG=warn "$SERVER_BIN" &
  LAST_PID=$!
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/" >/dev/null && return 0
    sleep 0.2
  done
  echo "server on port $port did not start" >&2
  return 1
}
run_browser_tests() {
  local name="$1" url="$2" instances="$3"
  local port second_env=()
  port="$(free_port)"
  log "browser tests on $name (port $port)"
  start_server "$url" "$port" 1
  SERVER_PID=$LAST_PID
  if [ "$instances" = 2 ]; then
    local second
    second="$(free_port)"
    start_server "$url" "$second" 0
    SECOND_PID=$LAST_PID
    second_env=(SECOND_BASE_URL="http://127.0.0.1:$second")
    log "second instance on port $second"
  fi
  (cd end2end && env BASE_URL="http://127.0.0.1:$port" MAILDIR="$TEST_MAILDIR" "${second_env[@]}" npx playwright test)
  kill "$SERVER_PID" ${SECOND_PID:+"$SECOND_PID"}; wait "$SERVER_PID" ${SECOND_PID:+"$SECOND_PID"} 2>/dev/null || true
  SERVER_PID=""
  SECOND_PID=""
}

E2E_DB_DIR="$(mktemp -d)"
run_browser_tests SQLite "sqlite://$E2E_DB_DIR/e2e.db?mode=rwc" 1
E2E_PG_NAME="wijkplein_e2e_$$"
psql "$TEST_DATABASE_URL" -qc "CREATE DATABASE $E2E_PG_NAME" >/dev/null
run_browser_tests PostgreSQL "${TEST_DATABASE_URL%/*}/$E2E_PG_NAME" 2
rm -rf "$E2E_DB_DIR"
log "all tests passed"
