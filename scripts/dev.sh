#!/usr/bin/env bash
# Builds Wijkplein (release) and runs it on http://127.0.0.1:3000 with an
# embedded SQLite database (wijkplein.db, created and migrated on first start)
# and Dutch demo data. WIJKPLEIN_DEMO=0 skips the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
export DATABASE_URL="${DATABASE_URL:-sqlite://wijkplein.db?mode=rwc}"
export WIJKPLEIN_DEMO="${WIJKPLEIN_DEMO:-1}"
with_wasm_std cargo leptos serve --release --precompress
