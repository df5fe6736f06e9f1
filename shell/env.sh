# Sourced by the shell/ scripts: paths and toolchain environment shared by build, run, test, bench.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}          # Debian's emscripten needs node-acorn from here
if [ -z "${EMSCRIPTEN_ROOT:-}" ] && command -v em-config >/dev/null; then
  EMSCRIPTEN_ROOT=$(em-config EMSCRIPTEN_ROOT 2>/dev/null)
fi
export EMSCRIPTEN_ROOT=${EMSCRIPTEN_ROOT:-/usr/share/emscripten}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}

say() { printf '\033[1m[%s]\033[0m %s\n' "$(basename "$0" .sh)" "$*"; }

# True when setup has run on this machine (tools and third-party sources present).
setup_done() {
  command -v emcc >/dev/null && command -v cmake >/dev/null && command -v ninja >/dev/null &&
  command -v clang-format-14 >/dev/null && { [ -f /usr/include/curl/curl.h ] || compgen -G '/usr/include/*/curl/curl.h' >/dev/null; } &&
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/firefox-esr ] && [ -x /usr/bin/WebKitWebDriver ] && [ -x /usr/bin/Xvfb ] &&
  [ -f "$ROOT/.deps/imgui-1.90.1/imgui.h" ] && [ -f "$ROOT/.deps/sqlite-3.46.1/sqlite3.c" ] &&
  [ -d "$ROOT/tests/e2e/node_modules/playwright-core" ] && [ -d "$ROOT/tests/e2e/node_modules/puppeteer-core" ] &&
  [ -d "$ROOT/tests/e2e/node_modules/pouchdb-server" ]
}
ensure_setup() { setup_done || "$ROOT/shell/setup.sh"; }
