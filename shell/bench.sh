#!/usr/bin/env bash
# Benchmarks: builds what it needs, generates data with fixed seeds, runs the same workload natively
# and compiled to wasm under node, and writes build/bench/report.md and report.json.
# usage: shell/bench.sh [SIZES…]   (default: 10000 100000 200000 cases; RUNS=15 repetitions per query)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
SIZES=("${@:-10000 100000 200000}")
read -r -a SIZES <<<"${SIZES[*]}"
RUNS=${RUNS:-15}
OUT=build/bench
mkdir -p "$OUT"
shell/build.sh all >/dev/null
cmake --build --preset web -j "$JOBS" --target bench_domain bench_ui >/dev/null
NATIVE=build/native/tests/bench/bench_domain
WASM="node --no-experimental-fetch build/wasm/tests/bench/bench_domain.js"
UI_NATIVE=build/native/tests/bench/bench_ui
UI_WASM="node --no-experimental-fetch build/wasm/tests/bench/bench_ui.js"
RESULTS=$OUT/results.jsonl
: >"$RESULTS"

tag() { sed "s/^/{\"engine\":\"$1\",/; s/^{\"engine\":\"$1\",{/{\"engine\":\"$1\",/" ; }
for n in "${SIZES[@]}"; do
  db=$OUT/cases-$n.sqlite
  if [ ! -f "$db" ]; then
    say "generating $n cases (native)"
    $NATIVE generate "$db.tmp" "$n" | tag native >>"$RESULTS"
    mv "$db.tmp" "$db"
  fi
  if [ "$n" -le 10000 ]; then
    say "generating $n cases (wasm, for the ratio)"
    rm -f "$OUT/wasm-$n.sqlite"
    $WASM generate "$OUT/wasm-$n.sqlite" "$n" | tag wasm >>"$RESULTS"
  fi
  say "queries on $n cases: native, then wasm"
  $NATIVE queries "$db" "$RUNS" | tag native >>"$RESULTS"
  $WASM queries "$db" "$RUNS" | tag wasm >>"$RESULTS"
  say "desk frames on $n cases: native, then wasm"
  $UI_NATIVE "$db" 200 | tag native >>"$RESULTS"
  $UI_WASM "$db" 200 | tag wasm >>"$RESULTS"
  echo "{\"engine\":\"native\",\"op\":\"db_bytes_per_case\",\"cases\":$n,\"median_ms\":$(( $(stat -c %s "$db") / n )),\"min_ms\":0,\"max_ms\":0,\"runs\":1}" >>"$RESULTS"
done

python3 - "$RESULTS" "$OUT" <<'PY'
import json, sys, collections
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
out = sys.argv[2]
by = collections.defaultdict(dict)
for r in rows:
    by[(r["op"], r["cases"])][r["engine"]] = r
lines = ["# tousu benchmark report", "",
         "Same compiled workload natively (gcc -O2) and as wasm under node (emcc -O3); median and min–max of the runs",
         "(ui_* rows: per frame of the real desk in headless Dear ImGui, with the 95th percentile).", "",
         "| operation | cases | native ms (min–max) | wasm ms (min–max) | wasm/native |", "|---|---:|---:|---:|---:|"]
for (op, n), e in sorted(by.items(), key=lambda kv: (kv[0][0], kv[0][1])):
    if op == "db_bytes_per_case":
        continue
    nat, was = e.get("native"), e.get("wasm")
    fmt = lambda r: (f'{r["median_ms"]:.2f} ({r["min_ms"]:.2f}–{r["max_ms"]:.2f})' +
                     (f', p95 {r["p95_ms"]:.2f}' if "p95_ms" in r else "")) if r else "—"
    ratio = f'{was["median_ms"] / nat["median_ms"]:.2f}×' if nat and was and nat["median_ms"] > 0 else "—"
    lines.append(f"| {op} | {n} | {fmt(nat)} | {fmt(was)} | {ratio} |")
lines += ["", "| database size | bytes per case |", "|---|---:|"]
for (op, n), e in sorted(by.items()):
    if op == "db_bytes_per_case":
        lines.append(f'| {n} cases | {e["native"]["median_ms"]} |')
open(f"{out}/report.md", "w").write("\n".join(lines) + "\n")
json.dump(rows, open(f"{out}/report.json", "w"), indent=1)
print("\n".join(lines))
PY
say "wrote $OUT/report.md and $OUT/report.json"
