#!/usr/bin/env bash
# Prints what a browser downloads for the site's own files in a release build:
# raw size and the brotli size the server sends (precompressed by
# `cargo leptos build --release --precompress`). Only the files of the current
# build count (their hashed names are in target/release/hash.txt). The browser
# test `first-visit` measures a whole page load, HTML included, against the
# 120 KB budget; `scripts/bench.sh` measures the manifest page.
set -euo pipefail
cd "$(dirname "$0")/.."
printf '%-20s %10s %10s\n' "file" "raw" "brotli"
total=0
for kind in wasm js css; do
  hash="$(sed -n "s/^$kind: *//p" target/release/hash.txt 2>/dev/null || true)"
  f="target/site/pkg/wijkplein${hash:+.$hash}.$kind"
  raw=$(stat -c %s "$f")
  if [ -f "$f.br" ]; then br=$(stat -c %s "$f.br"); else br=$(brotli -c -q 11 "$f" | wc -c); fi
  total=$((total + br))
  printf '%-20s %10s %10s\n' "wijkplein.$kind" "$raw" "$br"
done
printf '%-20s %10s %10s\n' "total" "" "$total"
