#!/usr/bin/env bash
# Installs everything tousu needs to build and test, idempotently:
#   1. Debian packages (toolchains, browser, header-only libraries, font, font tools);
#   2. Dear ImGui and SQLite from Debian *source* packages, pinned, into .deps/ (git-ignored),
#      through a private sources list so the machine's apt configuration is never touched;
#   3. npm packages for the browser tests from tests/e2e/package-lock.json.
# Uses sudo only when not root. Re-running does only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DEPS=$ROOT/.deps
IMGUI_VERSION=1.90.1+ds-1
SQLITE_UPSTREAM=3.46.1          # any Debian revision of this upstream release
SUITE=trixie

step() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
die()  { printf '\033[31m[setup] error:\033[0m %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root (or sudo) to run: $*"; fi; }

# The browser journeys run on three engines: Chromium, Firefox (firefox-esr) and WebKit
# (WebKitGTK's MiniBrowser driven by WebKitWebDriver in Xvfb); Mesa gives both of the latter WebGL 2.
PACKAGES=(emscripten binaryen node-acorn cmake ninja-build g++ chromium firefox-esr webkit2gtk-driver xvfb
          libgl1-mesa-dri nlohmann-json3-dev doctest-dev fonts-wqy-microhei python3-fonttools tcl xz-utils
          gzip brotli python3 clang libclang-rt-14-dev clang-format-14 libssl-dev zlib1g-dev libcurl4-openssl-dev procps)

# ---- 1. Debian packages --------------------------------------------------------------
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js 18+ with npm may come from Debian or elsewhere (NodeSource, nvm): only add Debian's if absent.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || die "this is not a Debian/Ubuntu machine (no apt-get). Install by hand: ${missing[*]}
  (Emscripten 3.1.x with binaryen, CMake >= 3.20, Chromium, nlohmann/json and doctest headers,
  a CJK TrueType font such as WenQuanYi Micro Hei, Python fontTools, Tcl), then run this again."
  step "installing Debian packages: ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
else
  step "Debian packages present"
fi

# ---- 2. Third-party sources from Debian source packages -------------------------------
mirror() {
  local m=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    m=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$m" ] && [ -f /etc/apt/sources.list ]; then
    m=$(awk '$1=="deb" { for (i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list)
  fi
  [ -n "$m" ] || die "cannot find a Debian mirror in /etc/apt/sources.list(.d); set TOUSU_DEBIAN_MIRROR"
  echo "$m"
}

fetch_sources() {
  local d=$DEPS/apt
  mkdir -p "$d/lists/partial" "$d/src"
  local m=${TOUSU_DEBIAN_MIRROR:-$(mirror)}
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $m $SUITE main" > "$d/sources.list"
  local A=(-o Dir::Etc::SourceList="$d/sources.list" -o Dir::Etc::SourceParts=/nonexistent
           -o Dir::State::Lists="$d/lists" -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache=
           -o APT::Sandbox::User=root)
  step "reading the $SUITE source index from $m (private list in .deps/apt)"
  apt-get "${A[@]}" update -q >/dev/null || die "apt-get update on the private source list failed"
  local sq
  sq=$(apt-cache "${A[@]}" showsrc sqlite3 | awk '/^Version:/ {print $2}' | grep "^$SQLITE_UPSTREAM-" | head -1)
  [ -n "$sq" ] || die "sqlite3 $SQLITE_UPSTREAM is not in $SUITE's sources any more; update SQLITE_UPSTREAM in shell/setup.sh"
  step "downloading source packages imgui=$IMGUI_VERSION sqlite3=$sq"
  (cd "$d/src" && apt-get "${A[@]}" source --download-only "imgui=$IMGUI_VERSION" "sqlite3=$sq" >/dev/null) \
    || die "apt-get source failed for imgui=$IMGUI_VERSION sqlite3=$sq"
}

IMGUI_DIR=$DEPS/imgui-1.90.1
SQLITE_DIR=$DEPS/sqlite-$SQLITE_UPSTREAM
if [ ! -f "$IMGUI_DIR/imgui.h" ] || [ ! -f "$SQLITE_DIR/sqlite3.c" ]; then
  fetch_sources
  if [ ! -f "$IMGUI_DIR/imgui.h" ]; then
    step "unpacking Dear ImGui into $IMGUI_DIR"
    tar -C "$DEPS" -xf "$DEPS"/apt/src/imgui_1.90.1+ds.orig.tar.xz
  fi
  if [ ! -f "$SQLITE_DIR/sqlite3.c" ]; then
    step "building the SQLite $SQLITE_UPSTREAM amalgamation (about 20 s)"
    rm -rf "$DEPS/sqlite-build"; mkdir -p "$DEPS/sqlite-build"
    tar -C "$DEPS/sqlite-build" -xf "$DEPS/apt/src/sqlite3_$SQLITE_UPSTREAM.orig.tar.xz"
    (cd "$DEPS/sqlite-build/sqlite3-$SQLITE_UPSTREAM" && ./configure >/dev/null && make sqlite3.c >/dev/null) \
      || die "building sqlite3.c failed (is tcl installed?)"
    mkdir -p "$SQLITE_DIR"
    cp "$DEPS/sqlite-build/sqlite3-$SQLITE_UPSTREAM"/{sqlite3.c,sqlite3.h,sqlite3ext.h} "$SQLITE_DIR"/
    rm -rf "$DEPS/sqlite-build"
  fi
else
  step "Dear ImGui and SQLite sources present in .deps/"
fi

# ---- 3. npm packages for the browser tests ----------------------------------------------
# pouchdb-server stands in for CouchDB in the sync tests; no install scripts run (its optional native
# back ends would try to download or compile; --in-memory needs neither).
if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/puppeteer-core ] ||
   [ ! -d tests/e2e/node_modules/pouchdb-server ]; then
  step "installing browser-test packages (npm ci in tests/e2e)"
  (cd tests/e2e && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || die "npm ci failed in tests/e2e"
else
  step "browser-test packages present"
fi
step "done"
