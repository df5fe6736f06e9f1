#!/usr/bin/env node
// Persistence in headless Chromium, ours vs Emscripten's IDBFS (shell/bench.sh runs it): for each
// size, a fresh browser profile on disk (as a user's browser has: an in-memory, incognito profile
// refuses the 1.1 GB of 200k cases with QuotaExceededError) gets N synthetic cases, then one small
// edit at a time is made and timed until it is durable in IndexedDB; then the page is loaded again
// and the time from navigation to an open database is taken (cold start: fetch and compile the
// module, read the pages back from IndexedDB, open SQLite). Prints one JSON line per figure.
// usage: node tests/bench/persist_bench.mjs BUILD_DIR SIZES… (e.g. build/wasm/tests/bench 1000 10000)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { serve } from '../../shell/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../e2e/package.json'));
const { chromium } = require('playwright-core');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
  '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--js-flags=--max-old-space-size=8192'];

const [buildDir, ...sizeArgs] = process.argv.slice(2);
const sizes = sizeArgs.map(Number);
if (!buildDir || sizes.length === 0 || sizes.some((n) => !(n > 0))) {
  console.error('usage: node tests/bench/persist_bench.mjs BUILD_DIR SIZES…');
  process.exit(2);
}
// Edits timed per size: IDBFS copies the whole file each time, so fewer of them at large sizes.
const EDITS = Number(process.env.PERSIST_EDITS || 15);
const editsFor = (mode, n) => (mode === 'idbfs' && n >= 100000 ? 3 : mode === 'idbfs' ? 7 : EDITS);
// Cold starts timed per size; at 100k cases and more only the desk benchmark's (the real app's).
const STARTS = Number(process.env.PERSIST_STARTS || 3);
const startsFor = (n) => (n >= 100000 ? 0 : STARTS);
// IDBFS is tried up to this size: above it, it has never finished storing the file here (100k and
// 200k cases, 150 s each, 2026-11-29), and trying costs minutes of the benchmark.
const IDBFS_MAX = Number(process.env.PERSIST_IDBFS_MAX || 10000);
// Setting up a size may take a store too long (IDBFS writes the whole file as one IndexedDB value):
// past this budget the size is reported as not done for that store, and the run goes on. IDBFS
// gets less: at 100k cases and more it has never finished here.
const budgetMs = (mode) => Number(process.env.PERSIST_BUDGET_S || (mode === 'idbfs' ? 60 : 300)) * 1000;
const within = (promise, what, ms) => Promise.race([promise, new Promise((_, reject) =>
  setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms).unref())]);

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-persist-'));
fs.copyFileSync(path.join(here, 'persist/index.html'), path.join(site, 'index.html'));
for (const f of ['bench_persist.js', 'bench_persist.wasm']) fs.copyFileSync(path.join(buildDir, f), path.join(site, f));
const { server, url } = await serve(site, 0);
const emit = (o) => console.log(JSON.stringify(o));

async function open(context, mode) {
  const page = await context.newPage();
  await page.goto(`${url}?mode=${mode}`);
  await page.waitForFunction(() => window.bench && window.bench.ready, null, { timeout: 600000 });
  if (!(await page.evaluate(() => window.bench.opened))) throw new Error(`${mode}: the database did not open`);
  return page;
}

try {
  for (const n of sizes) {
    for (const mode of n <= IDBFS_MAX ? ['ours', 'idbfs'] : ['ours']) {
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-persist-profile-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
      try {
        await measure(context, mode, n);
      } catch (e) {   // a store that cannot hold this size is a finding, not the end of the run
        emit({ op: 'persist_error', mode, cases: n, error: String(e.message || e).split('\n')[0] });
      } finally {
        await context.close();
        fs.rmSync(profile, { recursive: true, force: true });
      }
    }
  }
} finally {
  server.close();
  fs.rmSync(site, { recursive: true, force: true });
}

async function measure(context, mode, n) {
  let page = await open(context, mode);
  const built = Date.now();
  await within(page.evaluate((count) => window.bench.populate(count), n), `storing ${n} cases`, budgetMs(mode));
  emit({ op: 'persist_populate', mode, cases: n, ms: Date.now() - built });
  const edits = [];
  for (let i = 0; i < editsFor(mode, n); ++i) edits.push(await page.evaluate((count) => window.bench.edit(count), n));
  emit({ op: 'persist_edit_durable', mode, cases: n, runs_ms: edits });
  const starts = [];
  for (let i = 0; i < startsFor(n); ++i) {
    await page.close();
    page = await open(context, mode);
    starts.push(await page.evaluate(() => window.bench.startMs));
  }
  if (starts.length) emit({ op: 'persist_cold_start', mode, cases: n, runs_ms: starts });
}
