#!/usr/bin/env bash
# Prints the size of what a first visit downloads: the wasm, JS and CSS of the
# release build, raw and brotli-compressed (what the server sends).
set -euo pipefail
cd "$(dirname "$0")/.."
printf '%-28s %10s %10s\n' "file" "raw" "brotli"
total=0
for f in target/site/pkg/*; do
  raw=$(stat -c %s "$f")
  br=$(brotli -c -q 11 "$f" | wc -c)
  total=$((total + br))
  printf '%-28s %10s %10s\n' "$(basename "$f")" "$raw" "$br"
done
printf '%-28s %10s %10s\n' "total (pkg, brotli)" "" "$total"
