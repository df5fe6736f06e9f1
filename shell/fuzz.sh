#!/usr/bin/env bash
# Fuzzes tousu: builds the libFuzzer targets of tests/fuzz/ with ASan + UBSan in build/fuzz (clang,
# -DTOUSU_FUZZ=ON; configured once, then incremental), runs each for SECONDS (default 60) on
# build/fuzz/corpus/<target>, a fresh copy of tests/fuzz/corpus/<target> (the repository's corpus is
# never modified; KEEP_CORPUS=1 continues from what the previous run found instead), and prints per
# target the executions, the final coverage (libFuzzer's `cov:`), the corpus size, the crashes
# (kept in build/fuzz/crashes/<target>/) and the executions per second. The same summary goes to
# build/fuzz/report.md. Exit status 1 if any target crashed.
# Campaigns (shell/bench.sh): FUZZ_TARGETS="fuzz_bundle" runs only those targets, FUZZ_RUNS=N runs each
# for N executions instead of a time, FUZZ_REPORT=path writes the summary there instead.
# usage: [KEEP_CORPUS=1] [FUZZ_TARGETS=…] [FUZZ_RUNS=N] [FUZZ_REPORT=…] shell/fuzz.sh [SECONDS]
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
SECS=${1:-60}
[[ "$SECS" =~ ^[0-9]+$ ]] || { echo "usage: shell/fuzz.sh [SECONDS]" >&2; exit 2; }
RUNS=${FUZZ_RUNS:-}
[[ -z "$RUNS" || "$RUNS" =~ ^[0-9]+$ ]] || { echo "FUZZ_RUNS must be a number of executions" >&2; exit 2; }
OUT=$ROOT/build/fuzz
REPORT=${FUZZ_REPORT:-$OUT/report.md}
ALL=(fuzz_bundle fuzz_actions fuzz_search fuzz_calendar fuzz_sealed fuzz_cli_args)
read -r -a TARGETS <<<"${FUZZ_TARGETS:-${ALL[*]}}"

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
        -DCMAKE_CXX_COMPILER=clang++ -DTOUSU_FUZZ=ON -DTOUSU_WERROR=OFF \
        "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
        "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" >/dev/null
fi
if [ -n "${FUZZ_TARGETS:-}" ]; then
  cmake --build "$OUT" -j "$JOBS" --target "${TARGETS[@]}"
else
  cmake --build "$OUT" -j "$JOBS" --target tousu_fuzzers
fi
build_secs=$((SECONDS - start))
say "fuzz build took $build_secs s"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for s in llvm-symbolizer llvm-symbolizer-14; do
  command -v "$s" >/dev/null && { export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v "$s")}; break; }
done

mkdir -p "$OUT/logs"
rows=()
notes=()
failed=0
for t in "${TARGETS[@]}"; do
  corpus=$OUT/corpus/$t crashes=$OUT/crashes/$t log=$OUT/logs/$t.log
  [ "${KEEP_CORPUS:-0}" = 1 ] || rm -rf "$corpus"
  mkdir -p "$corpus"
  cp -f "$ROOT/tests/fuzz/corpus/$t/"* "$corpus/"
  rm -rf "$crashes" && mkdir -p "$crashes"
  args=(-max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/")
  if [ -n "$RUNS" ]; then args+=(-runs="$RUNS"); else args+=(-max_total_time="$SECS"); fi
  [ -f "$ROOT/tests/fuzz/$t.dict" ] && args+=(-dict="$ROOT/tests/fuzz/$t.dict")
  say "$t: $([ -n "$RUNS" ] && echo "$RUNS executions" || echo "$SECS s")"
  t0=$SECONDS
  rc=0
  "$OUT/$t" "${args[@]}" "$corpus" >"$log" 2>&1 &
  pid=$!
  wait "$pid" || rc=$?
  secs=$((SECONDS - t0))
  rm -rf /dev/shm/tousu-fuzz-"$pid"-* "${TMPDIR:-/tmp}"/tousu-fuzz-"$pid"-*   # a crashed run leaves its scratch files
  # A run that crashes on its first inputs prints no stats: nothing found is not an error here.
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#' || true)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  reached=$(sed -n "s/^$t reached: //p" "$log" | tail -1)   # what a harness says its inputs got to
  size=$(find "$corpus" -type f | wc -l)
  found=$(cd "$crashes" && ls -A)
  if [ -n "$found" ] || [ "$rc" -ne 0 ]; then
    failed=1
    found=${found:-"exit status $rc (see build/fuzz/logs/$t.log)"}
    found=$(echo $found)   # one line
  else
    found=0
  fi
  rows+=("| $t | ${execs:-?} | ${cov:-?} | $size | $found | ${rate:-?} | $secs |")
  [ -n "$reached" ] && notes+=("- $t reached: $reached")
  echo "  executions ${execs:-?}, coverage ${cov:-?}, corpus $size files, crashes: $found, ${rate:-?} exec/s in $secs s"
  [ -z "$reached" ] || echo "  reached: $reached"
done

{
  echo "# Fuzz report"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ): $([ -n "$RUNS" ] && echo "$RUNS executions" || echo "$SECS s") per target, ASan + UBSan, libFuzzer (clang $(clang++ -dumpversion)),"
  echo "corpus: $([ "${KEEP_CORPUS:-0}" = 1 ] && echo "continued from the previous run" || echo "fresh copy of tests/fuzz/corpus")."
  echo "Build (configure + compile, incremental): $build_secs s. Logs in build/fuzz/logs/, crash inputs in build/fuzz/crashes/<target>/."
  echo
  echo "| target | executions | coverage (cov) | corpus files | crashes | exec/s | seconds |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  [ ${#notes[@]} -eq 0 ] || { echo; printf '%s\n' "${notes[@]}"; }
} >"$REPORT"
echo
sed -n '/^| target/,$p' "$REPORT"
say "report: ${REPORT#"$ROOT"/}"
if [ "$failed" -ne 0 ]; then
  say "crashes found: reproduce with build/fuzz/<target> <crash file>"
  exit 1
fi
