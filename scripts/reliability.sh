#!/usr/bin/env bash
# Issue #8's reliability proofs, with one command: builds the release server
# and the benchmark tool, starts a local PostgreSQL (durable: fsync on), and
# runs the crash test (SIGKILL during 32 writers, 20 rounds), the load test
# (500 people for 60 s) on SQLite and PostgreSQL, and the database outage
# (PostgreSQL stopped for 10 s under load), then the flood test of issue #20
# (bench/FLOOD.md). Writes bench/RELIABILITY.md and fails when a write was
# lost, an answer was wrong, or the flood took too much memory or time.
#   scripts/reliability.sh [--rounds R] [--writers W] [--people P] [--seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
source scripts/pg.sh

apt_install curl
log "release build (server, wasm, precompressed assets)"
with_wasm_std cargo leptos build --release --precompress
log "reliability tool build"
cargo build --release -p bench

trap pg_stop EXIT
PG_OPTIONS="-c fsync=on -c synchronous_commit=on" pg_start
PG_CTL=("${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data")
export WIJKPLEIN_PG_STOP="${PG_CTL[*]} -m fast -w stop"
# Started again exactly as pg_start started it (pg_ctl keeps the options).
export WIJKPLEIN_PG_START="${PG_CTL[*]} -l $PG_DIR/log -w restart"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
./target/release/bench reliability --postgres "$TEST_DATABASE_URL" "$@"
log "flood test (registrations and image uploads at once)"
./target/release/bench flood --postgres "$TEST_DATABASE_URL"
