#!/usr/bin/env bash
# Sets up if needed, then: the C++ formatting check, native build + ctest, wasm build + core tests under node, the browser
# tests against build/web (the desk in headless Chromium; the cross-browser journeys on every engine
# found: Chromium, Firefox, WebKit — TOUSU_ENGINES picks), and a short run of each fuzz target
# (ASan/UBSan). Ends with one line "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
ensure_setup || { echo "0 passed, 1 failed"; exit 1; }

passed=0; failed=0
stage() { say "── $* ──"; }

stage "C++ formatting (.clang-format)"
if shell/format.sh --check; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

count_ctest() {   # log
  local line p t
  line=$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$1" | tail -1)
  if [ -z "$line" ]; then failed=$((failed + 1)); return; fi
  t=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line")
  p=$(sed -E 's/.*, ([0-9]+) tests? failed.*/\1/' <<<"$line")
  passed=$((passed + t - p)); failed=$((failed + p))
}
stage "native build"
if shell/build.sh native; then
  stage "native unit tests (ctest)"
  ctest --preset native -j "$JOBS" 2>&1 | tee build/native-ctest.log
  count_ctest build/native-ctest.log
else
  failed=$((failed + 1))
fi

stage "web build"
if shell/build.sh web; then
  shell/sizes.sh
  stage "core unit tests compiled to wasm, under node (ctest)"
  ctest --preset web -j "$JOBS" 2>&1 | tee build/wasm-ctest.log
  count_ctest build/wasm-ctest.log

  stage "browser tests (headless Chromium; the journeys on every engine installed)"
  # Two test files at a time (each its own browser; they mostly wait on pages loading): 362 s
  # instead of 436 s here. A test that hangs fails after 10 minutes instead of holding the whole run.
  (cd tests/e2e && node --test --test-concurrency=2 --test-timeout=600000) 2>&1 | tee build/e2e.log
  say "browser engines the journeys ran on: $(sed -n 's/^# browser engines: //p' build/e2e.log | tail -1)"
  say "their screenshots: build/e2e-screens/<engine>/"
  grep -E '^# (chromium|firefox|webkit) ' build/e2e.log | sed 's/^# /  /' || true
  p=$(grep -E '^# pass [0-9]+' build/e2e.log | tail -1 | awk '{print $3}')
  f=$(grep -E '^# fail [0-9]+' build/e2e.log | tail -1 | awk '{print $3}')
  if [ -z "$p" ]; then failed=$((failed + 1)); else passed=$((passed + p)); failed=$((failed + ${f:-0})); fi
else
  failed=$((failed + 1))
fi

stage "fuzz targets, a short run each (shell/fuzz.sh; longer: shell/fuzz.sh 600)"
if shell/fuzz.sh "${TOUSU_FUZZ_SECONDS:-5}" 2>&1 | tee build/fuzz.log; then
  passed=$((passed + $(grep -cE '^\| fuzz_' build/fuzz/report.md)))
else
  # one failure per target that crashed, or one if the fuzz build itself failed
  crashed=$(grep -E '^\| fuzz_' build/fuzz/report.md 2>/dev/null | awk -F'|' '$6 !~ /^ *0 *$/' | wc -l)
  failed=$((failed + (crashed > 0 ? crashed : 1)))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
