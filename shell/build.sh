#!/usr/bin/env bash
# Builds tousu: `shell/build.sh native` (tests, tousu-cli, benchmarks in build/native),
# `shell/build.sh web` (the static site in build/web, wasm tests in build/wasm), or both (default).
# Third-party objects are built once per build tree and reused.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
ensure_setup

build() {   # preset
  local start=$SECONDS
  [ -f "build/$([ "$1" = web ] && echo wasm || echo native)/build.ninja" ] || cmake --preset "$1" >/dev/null
  cmake --build --preset "$1" -j "$JOBS"
  say "$1 build took $((SECONDS - start)) s"
}

case "${1:-all}" in
  native) build native ;;
  web) build web ;;
  all) build native; build web ;;
  *) echo "usage: shell/build.sh [native|web|all]" >&2; exit 2 ;;
esac
