#!/usr/bin/env bash
# Sets up if needed, builds the web app (release) and serves build/web on http://127.0.0.1:PORT.
# usage: shell/run.sh [PORT]   (default 8080; or set PORT)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
PORT=${1:-${PORT:-8080}}
"$ROOT/shell/build.sh" web
say "open http://127.0.0.1:$PORT/ in a browser"
exec node "$ROOT/shell/serve.mjs" "$ROOT/build/web" "$PORT"
