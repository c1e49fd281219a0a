#!/usr/bin/env bash
# The benchmark of issue #7, with one command: builds the release server and
# the benchmark, installs wrk and nginx (Debian), generates the national data
# set (once, kept in target/bench; seeding takes minutes) and writes
# bench/RESULTS.md. Writes are measured on PostgreSQL too (a local server,
# as in the tests, seeded with the same data set).
#   scripts/bench.sh [--seconds S] [--readers N]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
source scripts/pg.sh

apt_install wrk nginx-light curl brotli chromium
if [ ! -d bench/lighthouse/node_modules/lighthouse ]; then
  log "npm ci in bench/lighthouse/"
  (cd bench/lighthouse && npm ci --silent --no-audit --no-fund)
fi
log "release build (server, wasm, precompressed assets)"
with_wasm_std cargo leptos build --release --precompress
log "benchmark build"
cargo build --release -p bench

cleanup() { pg_stop; }
trap cleanup EXIT
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  # Durable writes, as in production (the tests run without fsync).
  PG_OPTIONS="-c fsync=on -c synchronous_commit=on" pg_start
fi
# Thousands of live readers: one file descriptor each, on both ends.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" # as many as the machine allows
./target/release/bench run --postgres "$TEST_DATABASE_URL" "$@"
