#!/usr/bin/env bash
# Benchmarks: builds what it needs, generates data with fixed seeds, runs the same workload natively
# and compiled to wasm under node, and writes build/bench/report.md and report.json.
# usage: shell/bench.sh [SIZES…]   (default: 10000 200000 cases; RUNS=5 repetitions per query;
#        the SQL peer: PEER_ROUNDS=3 processes per engine, PEER_RUNS=2 runs in each; three times the
#        processes and twice the runs at 10k cases or fewer, where a process takes seconds)
# Robustness knobs: SYNC_TRIALS (1000), LIVE_SYNC_TRIALS (10000), CRASH_ROUNDS (4), FUZZ_SECONDS (20 per target),
# FUZZ_CAMPAIGN_RUNS (1000000 executions of the import target, fuzz_bundle).
#        shell/bench.sh --fuzz-campaign   only the import fuzz campaign, into build/bench/report.md
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
OUT=build/bench
ROBUST=$OUT/robustness

# The import fuzz campaign: fuzz_bundle for FUZZ_CAMPAIGN_RUNS executions (about 20 min at 1,000/s),
# through shell/fuzz.sh (same build, options and crash folder). Its report lines go to
# robustness/fuzz_campaign_section.md, between markers, so a campaign run alone replaces the last one's.
fuzz_campaign() {
  local runs=${FUZZ_CAMPAIGN_RUNS:-1000000} report=$ROBUST/fuzz_campaign.md rc=0
  mkdir -p "$ROBUST"
  rm -f "$report"
  FUZZ_TARGETS=fuzz_bundle FUZZ_RUNS=$runs FUZZ_REPORT=$ROOT/$report shell/fuzz.sh >"$ROBUST/fuzz_campaign.log" 2>&1 || rc=$?
  {
    echo "<!-- fuzz campaign -->"
    echo "- Import fuzz campaign (\`fuzz_bundle\` for $runs executions, libFuzzer + ASan + UBSan; alone:"
    echo "  \`shell/bench.sh --fuzz-campaign\`), crash inputs in build/fuzz/crashes/fuzz_bundle/:"
    echo
    if [ -f "$report" ]; then
      grep -E '^\|( target | fuzz_bundle |---)' "$report" | sed 's/^/  /'
      sed -n 's/^- fuzz_bundle reached: /\n  Inputs reached: /p' "$report"
    else
      echo "  no result: the fuzz build failed (build/bench/robustness/fuzz_campaign.log)"
    fi
    echo "<!-- /fuzz campaign -->"
  } >"$ROBUST/fuzz_campaign_section.md"
  return "$rc"
}

if [ "${1:-}" = "--fuzz-campaign" ]; then
  rc=0
  fuzz_campaign || rc=$?
  python3 - "$OUT/report.md" "$ROBUST/fuzz_campaign_section.md" <<'PY'
import pathlib, re, sys
report, section = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]).read_text()
text = report.read_text() if report.exists() else "# tousu benchmark report\n"
block = re.compile(r"<!-- fuzz campaign -->.*?<!-- /fuzz campaign -->\n", re.S)
text = block.sub(lambda m: section, text, count=1) if block.search(text) else text.rstrip("\n") + "\n\n" + section
report.write_text(text)
PY
  cat "$ROBUST/fuzz_campaign_section.md"
  say "fuzz campaign $([ "$rc" -eq 0 ] && echo "done" || echo "FOUND CRASHES or failed to build"): $OUT/report.md"
  exit "$rc"
fi

SIZES=("${@:-10000 200000}")
read -r -a SIZES <<<"${SIZES[*]}"
RUNS=${RUNS:-5}
export PEER_ROUNDS=${PEER_ROUNDS:-3} PEER_RUNS=${PEER_RUNS:-2}   # the SQL peer: processes per engine, runs in each
mkdir -p "$OUT"
shell/build.sh all >/dev/null
cmake --build --preset native -j "$JOBS" --target bench_domain bench_ui bench_store >/dev/null
cmake --build --preset web -j "$JOBS" --target bench_domain bench_ui bench_sql bench_persist >/dev/null
[ -d tests/bench/peer/node_modules/sql.js ] || (cd tests/bench/peer && npm ci --no-audit --no-fund --loglevel=error)
NATIVE=build/native/tests/bench/bench_domain
WASM="node --no-experimental-fetch build/wasm/tests/bench/bench_domain.js"
UI_NATIVE=build/native/tests/bench/bench_ui
UI_WASM="node --no-experimental-fetch build/wasm/tests/bench/bench_ui.js"
# The SQL peer compares the engines' compiled code: V8 compiles both with its optimising tier up front.
PEER_NODE="node --no-experimental-fetch --no-liftoff --no-wasm-dynamic-tiering"
QUERIES=tests/bench/peer_queries.sql
RESULTS=$OUT/results.jsonl
: >"$RESULTS"
# Where the time goes: each section's name and start, in seconds since the start (the report's last table).
PHASES=$OUT/phases.tsv
printf 'builds\t0\n' >"$PHASES"
section() { say "$1 ($SECONDS s so far)"; printf '%s\t%s\n' "$1" "$SECONDS" >>"$PHASES"; }

tag() { sed "s/^/{\"engine\":\"$1\",/; s/^{\"engine\":\"$1\",{/{\"engine\":\"$1\",/" ; }
for n in "${SIZES[@]}"; do
  db=$OUT/cases-$n.sqlite
  if [ ! -f "$db" ]; then
    section "generating $n cases (native)"
    $NATIVE generate "$db.tmp" "$n" | tag native >>"$RESULTS"
    mv "$db.tmp" "$db"
  fi
  if [ "$n" -le 10000 ]; then
    section "generating $n cases (wasm, for the ratio)"
    rm -f "$OUT/wasm-$n.sqlite"
    $WASM generate "$OUT/wasm-$n.sqlite" "$n" | tag wasm >>"$RESULTS"
  fi
  section "queries on $n cases: native, then wasm"
  $NATIVE queries "$db" "$RUNS" | tag native >>"$RESULTS"
  $WASM queries "$db" "$RUNS" | tag wasm >>"$RESULTS"
  if [ "$n" -le 10000 ]; then
    section "a 20 MB attachment on $n cases in the page store: native, then wasm"
    $NATIVE attach "$db" "$RUNS" | tag native >>"$RESULTS"
    $WASM attach "$db" "$RUNS" | tag wasm >>"$RESULTS"
  fi
  # Figures vary more between processes than between runs: a process of either engine runs its
  # queries in a fast or a slow mode (up to 1.8× apart here), and keeps it. So each engine runs in
  # several processes, alternately, and the report compares rounds and the fastest processes.
  rounds=$PEER_ROUNDS runs=$PEER_RUNS
  [ "$n" -le 10000 ] && rounds=$((PEER_ROUNDS * 3)) runs=$((PEER_RUNS * 2))
  section "the same SQL on $n cases: our wasm build and sql.js, alternately, $rounds processes each"
  for ((round = 0; round < rounds; ++round)); do
    $PEER_NODE build/wasm/tests/bench/bench_sql.js "$db" "$n" "$QUERIES" "$runs" | tag wasm >>"$RESULTS"
    $PEER_NODE tests/bench/peer_sqljs.mjs "$db" "$n" "$QUERIES" "$runs" | tag sql.js >>"$RESULTS"
  done
  section "desk frames on $n cases: native, then wasm"
  $UI_NATIVE "$db" 200 | tag native >>"$RESULTS"
  $UI_WASM "$db" 200 | tag wasm >>"$RESULTS"
  echo "{\"engine\":\"native\",\"op\":\"db_bytes_per_case\",\"cases\":$n,\"median_ms\":$(( $(stat -c %s "$db") / n )),\"min_ms\":0,\"max_ms\":0,\"runs\":1}" >>"$RESULTS"
done

# Import of a bundle of the largest database's first IMPORT_CASES cases, natively and as wasm.
IMPORT_CASES=${IMPORT_CASES:-100000}
bundle=$OUT/bundle-$IMPORT_CASES.json
if [ ! -f "$bundle" ]; then
  section "exporting $IMPORT_CASES cases as a bundle"
  $NATIVE export "$OUT/cases-${SIZES[-1]}.sqlite" "$IMPORT_CASES" "$bundle.tmp" && mv "$bundle.tmp" "$bundle"
fi
section "importing the $IMPORT_CASES-case bundle: native, then wasm"
for engine in native wasm; do
  rm -f "$OUT/import-$engine.sqlite"
  run=$NATIVE; [ "$engine" = wasm ] && run=$WASM
  $run import "$OUT/import-$engine.sqlite" "$bundle" | tag "$engine" >>"$RESULTS" || say "$engine import failed"
  rm -f "$OUT/import-$engine.sqlite"
done

PERSIST=$OUT/persist.jsonl
section "persistence in headless Chromium, ours vs IDBFS: 1000 ${SIZES[*]} cases"
node tests/bench/persist_bench.mjs build/wasm/tests/bench 1000 "${SIZES[@]}" | tee "$PERSIST"

UI=$OUT/ui.jsonl
: >"$UI"
for n in "${SIZES[@]}"; do
  section "the desk in headless Chromium over $n cases"
  node tests/bench/ui_bench.mjs build/web "$OUT/cases-$n.sqlite" "$n" | tee -a "$UI" || say "the desk benchmark on $n cases failed"
done

LIVE=$OUT/live_sync.jsonl
read -r -a LIVE_SIZES <<<"${LIVE_SYNC_SIZES:-10000 100000}"
section "live sync through pouchdb-server: push and pull of ${LIVE_SIZES[*]} cases, desk A to desk B"
node tests/bench/live_sync_bench.mjs build/native/tousu-cli build/web "$OUT" "${LIVE_SIZES[@]}" | tee "$LIVE" ||
  say "the live sync benchmark failed"

# Robustness campaigns: their own logs, summarised in the report.
mkdir -p "$ROBUST"
section "sync convergence: ${SYNC_TRIALS:-1000} random trials"
TOUSU_SYNC_TRIALS=${SYNC_TRIALS:-1000} build/native/tests/app_tests -tc="offices that exchange*" -s \
  >"$ROBUST/sync.log" 2>&1 || say "sync convergence FAILED (build/bench/robustness/sync.log)"
section "live sync convergence through a faulty server: ${LIVE_SYNC_TRIALS:-10000} random trials"
TOUSU_LIVE_SYNC_TRIALS=${LIVE_SYNC_TRIALS:-10000} build/native/tests/app_tests -tc="desks that sync*" \
  >"$ROBUST/live_sync.log" 2>&1 || say "live sync convergence FAILED (build/bench/robustness/live_sync.log)"
section "crash consistency in Chromium: ${CRASH_ROUNDS:-4} rounds"
(cd tests/e2e && TOUSU_CRASH_ROUNDS=${CRASH_ROUNDS:-4} node --test crash.test.js) >"$ROBUST/crash.log" 2>&1 ||
  say "crash consistency FAILED (build/bench/robustness/crash.log)"
section "fuzzing: ${FUZZ_SECONDS:-20} s per target"
shell/fuzz.sh "${FUZZ_SECONDS:-20}" >"$ROBUST/fuzz.log" 2>&1 || say "fuzzing FAILED: a crash or the build (build/bench/robustness/fuzz.log)"
section "import fuzz campaign: fuzz_bundle, ${FUZZ_CAMPAIGN_RUNS:-1000000} executions"
fuzz_campaign || say "import fuzz campaign FAILED: a crash or the build (build/bench/robustness/fuzz_campaign.log)"
python3 tests/bench/bad_inputs.py . >"$ROBUST/bad_inputs.md"
section "the report"

python3 - "$RESULTS" "$OUT" "$PERSIST" "$UI" "$PHASES" <<'PY'
import json, os, sys, collections, statistics
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
out = sys.argv[2]
persist = [json.loads(l) for l in open(sys.argv[3]) if l.strip()]
ui = [json.loads(l) for l in open(sys.argv[4]) if l.strip()]
by = collections.defaultdict(dict)
rounds = collections.defaultdict(lambda: collections.defaultdict(list))   # (op, cases) → engine → each process's median
for r in rows:
    if "median_ms" in r:
        rounds[(r["op"], r["cases"])][r["engine"]].append(r["median_ms"])
    prev = by[(r["op"], r["cases"])].get(r["engine"])
    if prev and "samples_ms" in prev and "samples_ms" in r:   # the same figure from another process: pooled
        s = prev["samples_ms"] + r["samples_ms"]
        r = dict(r, samples_ms=s, median_ms=statistics.median(s), min_ms=min(s), max_ms=max(s), runs=len(s))
    by[(r["op"], r["cases"])][r["engine"]] = r
lines = ["# tousu benchmark report", "",
         "Same compiled workload natively (gcc -O2) and as wasm under node (emcc -O3, SQLite -Os); median and min–max of the runs",
         "(ui_* rows: per frame of the real desk in headless Dear ImGui, with the 95th percentile).", "",
         "| operation | cases | native ms (min–max) | wasm ms (min–max) | wasm/native |", "|---|---:|---:|---:|---:|"]
for (op, n), e in sorted(by.items(), key=lambda kv: (kv[0][0], kv[0][1])):
    if op == "db_bytes_per_case" or op.startswith("sql_") or op.startswith("note_commit") or op.startswith("attach_"):
        continue
    nat, was = e.get("native"), e.get("wasm")
    fmt = lambda r: (f'{r["median_ms"]:.2f} ({r["min_ms"]:.2f}–{r["max_ms"]:.2f})' +
                     (f', p95 {r["p95_ms"]:.2f}' if "p95_ms" in r else "")) if r else "—"
    ratio = f'{was["median_ms"] / nat["median_ms"]:.2f}×' if nat and was and nat["median_ms"] > 0 else "—"
    lines.append(f"| {op} | {n} | {fmt(nat)} | {fmt(was)} | {ratio} |")
attach = [(op, n, e) for (op, n), e in sorted(by.items()) if op in ("note_commit", "attach_20mb_commit", "note_commit_after")]
if attach:
    lines += ["", "A 20 MB attachment on the generated database in the browser's page store (`bench_domain attach`):",
              "what one commit hands to IndexedDB, in 512 KB blocks (median of the runs), and its time.", "",
              "| commit | cases | blocks written | MB written | database after | native ms | wasm ms |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for op, n, e in sorted(attach, key=lambda a: ("note_commit", "attach_20mb_commit", "note_commit_after").index(a[0])):
        r = e.get("native") or e.get("wasm")
        ms = lambda k: f'{e[k]["median_ms"]:.1f}' if k in e else "—"
        lines.append(f'| {op} | {n} | {r["blocks"]} | {r["bytes"] / 2**20:.1f} | {r["db_bytes"] / 2**20:.0f} MB | '
                     f'{ms("native")} | {ms("wasm")} |')
lines += ["", "| database size | bytes per case |", "|---|---:|"]
for (op, n), e in sorted(by.items()):
    if op == "db_bytes_per_case":
        lines.append(f'| {n} cases | {e["native"]["median_ms"]} |')

# The SQL engine peer: the same queries on the same file in memory, our wasm build vs sql.js.
lines += ["", "SQL engine peer (`tests/bench/peer_queries.sql`, the app's query shapes and connection settings; the",
          "database file loaded into memory by both, under node): our wasm SQLite (`bench_sql`) vs sql.js 1.16. Each",
          "query warmed up once per process (V8's optimising tier compiles both up front), then measured in each",
          f"of the alternating processes ({os.environ['PEER_ROUNDS']} per engine, {os.environ['PEER_RUNS']} runs each; three times the",
          "processes and twice the runs at 10,000 cases or fewer). Median (min–max) of all runs, ms. A process of",
          "either engine runs in a fast or a slow mode (up to 1.8× apart here) and keeps it, so the pooled medians",
          "depend on how the processes fell. Two ratios: round by round (each process of ours against the sql.js",
          "process right after it; median and min–max of the rounds), and the fastest process of each (its",
          "median): what each engine does when the machine lets it.", "",
          "| query | cases | ours (wasm) | sql.js | sql.js/ours by round | fastest processes |",
          "|---|---:|---:|---:|---:|---:|"]
for (op, n), e in sorted(by.items(), key=lambda kv: (kv[0][0], kv[0][1])):
    if not op.startswith("sql_"):
        continue
    ours, peer = e.get("wasm"), e.get("sql.js")
    cell = lambda r: ("failed: " + r["error"][:60]) if r and "error" in r else (
        f'{r["median_ms"]:.2f} ({r["min_ms"]:.2f}–{r["max_ms"]:.2f})' if r else "—")
    by_round = [p / o for o, p in zip(rounds[(op, n)]["wasm"], rounds[(op, n)]["sql.js"]) if o > 0]
    ok = ours and peer and "error" not in ours and "error" not in peer and by_round
    ratio = f'{statistics.median(by_round):.2f}× ({min(by_round):.2f}–{max(by_round):.2f})' if ok else "—"
    fastest = f'{min(rounds[(op, n)]["sql.js"]) / min(rounds[(op, n)]["wasm"]):.2f}×' if ok else "—"
    lines.append(f"| {op[4:]} | {n} | {cell(ours)} | {cell(peer)} | {ratio} | {fastest} |")

# Persistence: one small edit until durable in IndexedDB, and cold start, per store and size.
fig = {(r["op"], r["mode"], r["cases"]): r for r in persist}
def spread(r):
    if not r: return "—", None
    v = r["runs_ms"]
    return f'{statistics.median(v):.1f} ({min(v):.1f}–{max(v):.1f})', statistics.median(v)
lines += ["", "Persistence in headless Chromium (`tests/bench/persist_bench.mjs`): N synthetic cases of 5.4 KB; one",
          "one-row edit until durable in IndexedDB (ours: the commit's pages in one transaction; IDBFS: `FS.syncfs`),",
          "and cold start (navigation to an open database, pages read back from IndexedDB). Median (min–max), ms.",
          "IDBFS is not tried above 10,000 cases (`PERSIST_IDBFS_MAX`: it never finished storing 100k or 200k cases",
          "here), and the cold start at 100k or more is the desk's, in the next table.", "",
          "| cases | edit, ours | edit, IDBFS | IDBFS/ours | cold start, ours | cold start, IDBFS |",
          "|---:|---:|---:|---:|---:|---:|"]
for n in sorted({r["cases"] for r in persist}):
    (eo, mo), (ei, mi) = spread(fig.get(("persist_edit_durable", "ours", n))), spread(fig.get(("persist_edit_durable", "idbfs", n)))
    so, _ = spread(fig.get(("persist_cold_start", "ours", n)))
    si, _ = spread(fig.get(("persist_cold_start", "idbfs", n)))
    if n >= 100000 and so == "—": so = "next table"
    if not fig.get(("persist_populate", "idbfs", n)): ei = si = "not tried"
    for mode in ("ours", "idbfs"):
        err = fig.get(("persist_error", mode, n))
        if err:
            if mode == "ours": eo = so = "failed: " + err["error"]
            else: ei = si = "failed: " + err["error"]
    ratio = f"{mi / mo:.0f}×" if mo and mi else "—"
    lines.append(f"| {n} | {eo} | {ei} | {ratio} | {so} | {si} |")
# The desk in Chromium: the app's own frame CPU times while a person would use it.
uif = {(r["op"], r["cases"]): r for r in ui}
def frames(op, n):
    r = uif.get((op, n))
    return f'{r["median_ms"]:.1f} / {r["p95_ms"]:.1f} ({r["runs"]})' if r else "—"
def once(op, n):   # a one-off duration, in seconds
    r = uif.get((op, n))
    return f'{r["median_ms"] / 1000:.1f} s' if r else "—"
lines += ["", "The desk in headless Chromium (`tests/bench/ui_bench.mjs`, 1280×800, software WebGL): the generated",
          "database stored in IndexedDB as the app stores it, the app opened on it, real wheel events. Frame CPU time",
          "as the app measures it (building the frame and handing it to WebGL): median / p95 ms (frames).", "",
          "| cases | store in IndexedDB | cold start to first frame | wasm heap | frames while idle 3 s | open the list | scroll a notch a frame | flick to the end | open the dashboard | backup download |",
          "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
for n in sorted({r["cases"] for r in ui}):
    start = uif.get(("ui_cold_start", n))
    heap = f'{start["heap_bytes"] / 2**20:.0f} MB' if start else "—"
    idle = uif.get(("ui_idle_frames_3s", n))
    end = uif.get(("ui_list_reached_end", n))
    flick = frames("ui_list_scroll_flick", n) + ("" if end else " (end not reached)")
    lines.append(f'| {n} | {once("ui_seed_indexeddb", n)} | {once("ui_cold_start", n)} | {heap} | '
                 f'{idle["median_ms"] if idle else "—"} | {frames("ui_list_open", n)} | '
                 f'{frames("ui_list_scroll_wheel", n)} | {flick} | {frames("ui_dashboard_open", n)} | '
                 f'{once("ui_backup_download", n)} |')
# Live sync through a CouchDB-compatible server.
live_rows = [json.loads(l) for l in open(os.path.join(out, "live_sync.jsonl")) if l.strip()]
lines += ["", "Live sync (`tests/bench/live_sync_bench.mjs`) through pouchdb-server in memory on loopback (a stand-in:",
          "no CouchDB here): an office's whole history pushed by `tousu-cli replicate --push` to an empty database,",
          "then pulled into a fresh database.", "",
          "| cases | events | push | push events/s | pull into a fresh desk | pull events/s |", "|---:|---:|---:|---:|---:|---:|"]
for n in sorted({r["cases"] for r in live_rows if "cases" in r}):
    push = next((r for r in live_rows if r["op"] == "couch_push" and r["cases"] == n), None)
    pull = next((r for r in live_rows if r["op"] == "couch_pull_fresh" and r["cases"] == n), None)
    if push and pull:
        lines.append(f'| {n} | {push["events"]:,} | {push["seconds"]:.1f} s | {push["events_per_s"]:,.0f} | '
                     f'{pull["seconds"]:.1f} s | {pull["events_per_s"]:,.0f} |')
ab = next((r for r in live_rows if r["op"] == "couch_a_to_b"), None)
if ab:
    lines += ["", f'A complaint registered on desk A until it is in desk B\'s list (two Chromium desks, live): median '
              f'{ab["median_ms"]} ms, p95 {ab["p95_ms"]} ms, {ab["min_ms"]}–{ab["max_ms"]} ms over {ab["runs"]} rounds.']
# Scale: each figure at the largest size against the smallest, next to the growth in cases.
sizes = sorted({n for (_, n) in by} | {r["cases"] for r in ui})
if len(sizes) >= 2:
    lo, hi = sizes[0], sizes[-1]
    def near(op, n, engine):   # the benchmark counts what it opened, e.g. 199999 for 200000
        for (o, m), e in by.items():
            if o == op and abs(m - n) <= n // 100 and engine in e: return e[engine]["median_ms"]
    def growth(a, b):
        r = b / a if a else float("inf")
        kind = ("about constant" if r < 1.25 else "sublinear" if r < 0.8 * hi / lo else
                "linear" if r <= 1.25 * hi / lo else "superlinear")
        return f"{r:.1f}× ({kind})"
    lines += ["", f"Scale, {lo} → {hi} cases ({hi / lo:.0f}× the cases): median at each size and how it grew.", "",
              "| figure | at " + str(lo) + " | at " + str(hi) + " | growth |", "|---|---:|---:|---|"]
    for op in ("generate", "list_filter_sort_page", "fts_search", "short_search_like", "kpi_full"):
        for engine in ("native", "wasm"):
            a, b = near(op, lo, engine), near(op, hi, engine)
            if a and b: lines.append(f"| {op} ({engine}) | {a:.1f} ms | {b:.1f} ms | {growth(a, b)} |")
    for op in ("persist_edit_durable", "persist_cold_start"):
        a, b = fig.get((op, "ours", lo)), fig.get((op, "ours", hi))
        if a and b:
            ma, mb = statistics.median(a["runs_ms"]), statistics.median(b["runs_ms"])
            lines.append(f"| {op} | {ma:.1f} ms | {mb:.1f} ms | {growth(ma, mb)} |")
    for op in ("ui_cold_start", "ui_list_scroll_wheel", "ui_list_scroll_flick", "ui_dashboard_open"):
        a, b = uif.get((op, lo)), uif.get((op, hi))
        if a and b: lines.append(f"| {op} (Chromium) | {a['median_ms']:.1f} ms | {b['median_ms']:.1f} ms | {growth(a['median_ms'], b['median_ms'])} |")

# Robustness: what each campaign tried and found.
import re, pathlib
robust = pathlib.Path(out) / "robustness"
sync = re.search(r"MESSAGE: (.*)", (robust / "sync.log").read_text())
live = re.search(r"MESSAGE: (.*)", (robust / "live_sync.log").read_text())
crash = (robust / "crash.log").read_text()
rounds = re.findall(r"# round \d+: killed", crash)
imports = re.findall(r"# import from \S+: (whole|absent|\d+ of \d+)", crash)
lines += ["", "## Robustness", "",
          f"- Sync convergence (`app_tests`, random offices exchanging bundles in any order, repeated and partial): "
          f"{sync.group(1) if sync else 'no result — see robustness/sync.log'}"
          f"{'' if 'Status: SUCCESS' in (robust / 'sync.log').read_text() else ' — FAILED'}.",
          f"- Live sync convergence (`app_tests`, desks of one office replicating in bits through a server that "
          f"loses requests and answers, fails, expires sessions and reorders its feed, desks closed mid-request): "
          f"{live.group(1) if live else 'no result — see robustness/live_sync.log'}"
          f"{'' if 'Status: SUCCESS' in (robust / 'live_sync.log').read_text() else ' — FAILED'}.",
          f"- Crash consistency (`tests/e2e/crash.test.js`, Chromium killed with SIGKILL at random moments): "
          f"{len(rounds)} kills; imports under way at a kill: {imports.count('absent')} absent afterwards, "
          f"{imports.count('whole')} whole, {len(imports) - imports.count('absent') - imports.count('whole')} partial; "
          f"every restart with every durable commit: "
          f"{'yes' if re.search(r'^# fail 0', crash, re.M) else 'NO — see robustness/crash.log'}."]
fuzz = pathlib.Path("build/fuzz/report.md")   # only this run's: written after the sync campaign's log
if fuzz.exists() and fuzz.stat().st_mtime > (robust / "sync.log").stat().st_mtime:
    lines += ["- Fuzzing, libFuzzer + ASan + UBSan (`shell/fuzz.sh`):", ""] + \
             [l for l in fuzz.read_text().splitlines() if l.startswith("|") or l.startswith("20")]
campaign = robust / "fuzz_campaign_section.md"
if campaign.exists() and campaign.stat().st_mtime > (robust / "sync.log").stat().st_mtime:
    lines += [""] + campaign.read_text().splitlines()
lines += [""] + (robust / "bad_inputs.md").read_text().splitlines()

# Where this run's time went, section by section (a section that ran per size is listed per size).
phases = [l.rstrip("\n").split("\t") for l in open(sys.argv[5]) if l.strip()]
lines += ["", "## This run's time", "", "| section | seconds |", "|---|---:|"]
for (name, start), (_, end) in zip(phases, phases[1:]):
    lines.append(f"| {name} | {int(end) - int(start)} |")
lines.append(f"| total, to the report | {phases[-1][1]} |")
open(f"{out}/report.md", "w").write("\n".join(lines) + "\n")
json.dump(rows + persist + ui, open(f"{out}/report.json", "w"), indent=1)
print("\n".join(lines))
PY
say "wrote $OUT/report.md and $OUT/report.json in $SECONDS s"
