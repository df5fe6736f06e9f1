#!/usr/bin/env bash
# Fuzzes tousu: builds the libFuzzer targets of tests/fuzz/ with ASan + UBSan in build/fuzz (clang,
# -DTOUSU_FUZZ=ON; configured once, then incremental), runs each for SECONDS (default 60) on
# build/fuzz/corpus/<target>, a fresh copy of tests/fuzz/corpus/<target> (the repository's corpus is
# never modified; KEEP_CORPUS=1 continues from what the previous run found instead), and prints per
# target the executions, the final coverage (libFuzzer's `cov:`), the corpus size and the crashes
# (kept in build/fuzz/crashes/<target>/). The same summary goes to build/fuzz/report.md.
# Exit status 1 if any target crashed.
# usage: [KEEP_CORPUS=1] shell/fuzz.sh [SECONDS]
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
SECS=${1:-60}
[[ "$SECS" =~ ^[0-9]+$ ]] || { echo "usage: shell/fuzz.sh [SECONDS]" >&2; exit 2; }
OUT=$ROOT/build/fuzz
TARGETS=(fuzz_bundle fuzz_actions fuzz_search fuzz_calendar)

# clang with libFuzzer (Debian: clang, libclang-rt-14-dev) and the SQLite sources from setup.sh.
if ! command -v clang++ >/dev/null || ! echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, long) { return 0; }' |
     clang++ -x c++ -fsanitize=fuzzer,address,undefined -o /dev/null - 2>/dev/null; then
  echo "fuzz.sh needs clang with libFuzzer: apt-get install clang libclang-rt-14-dev" >&2
  exit 2
fi
[ -f "$ROOT/.deps/sqlite-3.46.1/sqlite3.c" ] && [ -f "$ROOT/.deps/imgui-1.90.1/imgui.h" ] || "$ROOT/shell/setup.sh"

start=$SECONDS
if [ ! -f "$OUT/build.ninja" ]; then
  say "configuring $OUT"
  cmake -S "$ROOT" -B "$OUT" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
        -DCMAKE_CXX_COMPILER=clang++ -DTOUSU_FUZZ=ON -DTOUSU_WERROR=OFF >/dev/null
fi
cmake --build "$OUT" -j "$JOBS" --target tousu_fuzzers
build_secs=$((SECONDS - start))
say "fuzz build took $build_secs s"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for s in llvm-symbolizer llvm-symbolizer-14; do
  command -v "$s" >/dev/null && { export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v "$s")}; break; }
done

mkdir -p "$OUT/logs"
rows=()
failed=0
for t in "${TARGETS[@]}"; do
  corpus=$OUT/corpus/$t crashes=$OUT/crashes/$t log=$OUT/logs/$t.log
  [ "${KEEP_CORPUS:-0}" = 1 ] || rm -rf "$corpus"
  mkdir -p "$corpus"
  cp -f "$ROOT/tests/fuzz/corpus/$t/"* "$corpus/"
  rm -rf "$crashes" && mkdir -p "$crashes"
  args=(-max_total_time="$SECS" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$crashes/")
  [ -f "$ROOT/tests/fuzz/$t.dict" ] && args+=(-dict="$ROOT/tests/fuzz/$t.dict")
  say "$t: ${SECS} s"
  rc=0
  "$OUT/$t" "${args[@]}" "$corpus" >"$log" 2>&1 &
  pid=$!
  wait "$pid" || rc=$?
  rm -f /dev/shm/tousu-fuzz-"$pid"-* "${TMPDIR:-/tmp}"/tousu-fuzz-"$pid"-*   # a crashed run leaves its databases
  # A run that crashes on its first inputs prints no stats: nothing found is not an error here.
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#' || true)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
  size=$(find "$corpus" -type f | wc -l)
  found=$(cd "$crashes" && ls -A)
  if [ -n "$found" ] || [ "$rc" -ne 0 ]; then
    failed=1
    found=${found:-"exit status $rc (see build/fuzz/logs/$t.log)"}
    found=$(echo $found)   # one line
  else
    found=0
  fi
  rows+=("| $t | ${execs:-?} | ${cov:-?} | $size | $found |")
  echo "  executions ${execs:-?}, coverage ${cov:-?}, corpus $size files, crashes: $found"
done

{
  echo "# Fuzz report"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ): $SECS s per target, ASan + UBSan, libFuzzer (clang $(clang++ -dumpversion)),"
  echo "corpus: $([ "${KEEP_CORPUS:-0}" = 1 ] && echo "continued from the previous run" || echo "fresh copy of tests/fuzz/corpus")."
  echo "Build (configure + compile, incremental): $build_secs s. Logs in build/fuzz/logs/, crash inputs in build/fuzz/crashes/<target>/."
  echo
  echo "| target | executions | coverage (cov) | corpus files | crashes |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} >"$OUT/report.md"
echo
sed -n '/^| target/,$p' "$OUT/report.md"
say "report: build/fuzz/report.md"
if [ "$failed" -ne 0 ]; then
  say "crashes found: reproduce with build/fuzz/<target> <crash file>"
  exit 1
fi
