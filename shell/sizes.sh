#!/usr/bin/env bash
# Prints the web bundle sizes (raw, gzip -9, brotli) of what a browser downloads from build/web.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT/build/web"
printf '%-22s %12s %12s %12s\n' file raw gzip brotli
total=(0 0 0)
for f in tousu.wasm tousu.js tousu-font.ttf index.html app.css; do
  [ -f "$f" ] || continue
  r=$(stat -c %s "$f"); g=$(gzip -9c "$f" | wc -c)
  b=$(command -v brotli >/dev/null && brotli -c "$f" | wc -c || echo 0)
  printf '%-22s %12d %12d %12d\n' "$f" "$r" "$g" "$b"
  total=($((total[0] + r)) $((total[1] + g)) $((total[2] + b)))
done
printf '%-22s %12d %12d %12d\n' total "${total[@]}"
