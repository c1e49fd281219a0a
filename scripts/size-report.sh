#!/usr/bin/env bash
# Prints what a browser downloads for the site's own files in a release build:
# raw size and the brotli size the server sends (precompressed by
# `cargo leptos build --release --precompress`). Type files (.d.ts) are not
# served to browsers and are left out. The browser test `first-visit` measures
# a whole page load, HTML included, against the 120 KB budget.
set -euo pipefail
cd "$(dirname "$0")/.."
printf '%-20s %10s %10s\n' "file" "raw" "brotli"
total=0
for f in target/site/pkg/*.{wasm,js,css}; do
  raw=$(stat -c %s "$f")
  if [ -f "$f.br" ]; then br=$(stat -c %s "$f.br"); else br=$(brotli -c -q 11 "$f" | wc -c); fi
  total=$((total + br))
  printf '%-20s %10s %10s\n' "$(basename "$f")" "$raw" "$br"
done
printf '%-20s %10s %10s\n' "total" "" "$total"
