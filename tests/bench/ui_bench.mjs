#!/usr/bin/env node
// The desk in headless Chromium over a generated database (shell/bench.sh runs it): the database
// file is put into a fresh profile's IndexedDB as the app stores it (tests/e2e/stored_database.js),
// the app is opened on it (cold start to the first frame), and the frame CPU time the app itself
// records (window.tousu.frameMs) is read while the case list scrolls by real wheel events — a notch
// at a time, then flicks to the end, which must show the first day's cases — and while the
// dashboard opens; frames drawn while idle are counted (the desk draws only on input or change);
// then the whole database is downloaded as a backup.
// Prints one JSON line per figure, like the other benchmarks.
// usage: node tests/bench/ui_bench.mjs SITE_DIR DB CASES [START_DATE=2026-01-01]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../../shell/serve.mjs';
import { chromium, CHROMIUM_ARGS, VIEWPORT, click, poll, sleep, waitForAny, waitReady, widgets } from '../e2e/browser.js';
import { siteWithDatabase, storeDatabase } from '../e2e/stored_database.js';

const [siteDir, dbFile, casesArg, startDate = '2026-01-01'] = process.argv.slice(2);
const cases = Number(casesArg);
if (!siteDir || !dbFile || !(cases > 0)) {
  console.error('usage: node tests/bench/ui_bench.mjs SITE_DIR DB CASES [START_DATE]');
  process.exit(2);
}
const emit = (o) => console.log(JSON.stringify({ cases, ...o }));
const summary = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  return { median_ms: s[s.length >> 1], p95_ms: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))],
    min_ms: s[0], max_ms: s[s.length - 1], runs: s.length };
};

const site = siteWithDatabase(dbFile, siteDir);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-ui-profile-'));
const { server, url } = await serve(site, 0);
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', viewport: VIEWPORT,
  args: [...CHROMIUM_ARGS, '--js-flags=--max-old-space-size=8192'],
});
const page = context.pages()[0] || await context.newPage();

// Frame CPU times of the frames rendered while `act` runs.
async function framesDuring(act) {
  const first = await page.evaluate(() => window.tousu.frames());
  await act();
  await sleep(300);   // the settle frames after the last input
  const ms = await page.evaluate((first) => {
    const out = [];
    for (let n = first; n < window.tousu.frames(); ++n) out.push(window.tousu.frameMs(n));
    return out;
  }, first);
  if (ms.some((t) => t < 0)) throw new Error(`${ms.length} frames: more than the app keeps times for`);
  return ms;
}

const rows = async () => (await widgets(page)).filter((w) => w.id.startsWith('case_TS-'));

try {
  const t0 = Date.now();
  const stored = await storeDatabase(page, url);
  emit({ op: 'ui_seed_indexeddb', median_ms: Date.now() - t0, min_ms: 0, max_ms: 0, runs: 1, bytes: stored });

  // Cold start: navigation to the first frame (every block read back, SQLite opened, the work queue drawn).
  const t1 = Date.now();
  await page.goto(url);
  await poll(page, () => window.tousu && window.tousu.ready === true, null, 600000, 'the desk');
  emit({ op: 'ui_cold_start', median_ms: Date.now() - t1, min_ms: 0, max_ms: 0, runs: 1,
    heap_bytes: await page.evaluate(() => (window.Module && Module.HEAP8 ? Module.HEAP8.length : 0)) });
  await waitReady(page); // past the first start's question

  await sleep(1000);
  const idleStart = await page.evaluate(() => window.tousu.frames());
  await sleep(3000);
  emit({ op: 'ui_idle_frames_3s', median_ms: (await page.evaluate(() => window.tousu.frames())) - idleStart,
    min_ms: 0, max_ms: 0, runs: 1 });

  const opening = await framesDuring(async () => {
    await click(page, 'case_list');
    await waitForAny(page, (w) => w.id.startsWith('case_TS-'), 60000);
  });
  emit({ op: 'ui_list_open', ...summary(opening) });
  const top = (await rows())[0].id;
  await page.mouse.move(640, 450);

  // A wheel notch (100 px) per animation frame, the way a person scrolls through a few pages.
  const notches = await framesDuring(async () => {
    for (let i = 0; i < 120; ++i) {
      await page.mouse.wheel(0, 100);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    }
  });
  emit({ op: 'ui_list_scroll_wheel', ...summary(notches) });

  // Flicks of 1,000 notches until the list stops moving: the end must hold the first day's cases.
  const flicks = await framesDuring(async () => {
    let last = '';
    for (let i = 0; i < 2000; ++i) {
      await page.mouse.wheel(0, 100000);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
      if (i % 10 === 9) {
        const bottom = (await rows()).at(-1).id;
        if (bottom === last) break;
        last = bottom;
      }
    }
  });
  emit({ op: 'ui_list_scroll_flick', ...summary(flicks) });
  const end = await rows();
  const day = startDate.replaceAll('-', '');
  if (!end.length || !end.at(-1).id.includes(`-${day}-`) || end.at(-1).id === top)
    throw new Error(`the list did not reach its end: top ${top}, bottom ${end.at(-1)?.id}`);
  emit({ op: 'ui_list_reached_end', median_ms: 0, min_ms: 0, max_ms: 0, runs: 1, top, bottom: end.at(-1).id });

  const dashboard = await framesDuring(async () => {
    await click(page, 'dashboard');
    await waitForAny(page, (w) => w.id.startsWith('kpi_'), 60000);
  });
  emit({ op: 'ui_dashboard_open', ...summary(dashboard) });
  // The whole database as a backup download (read in pieces, never copied whole into the heap).
  const t2 = Date.now();
  const download = page.waitForEvent('download', { timeout: 600000 });
  await click(page, 'backup');
  await click(page, 'backup_download');
  const saved = path.join(profile, 'backup.sqlite');
  await (await download).saveAs(saved);
  const backup = fs.readFileSync(saved);
  if (backup.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0' || backup.length < fs.statSync(dbFile).size)
    throw new Error(`the backup is not the database: ${backup.length} bytes`);
  emit({ op: 'ui_backup_download', median_ms: Date.now() - t2, min_ms: 0, max_ms: 0, runs: 1, bytes: backup.length });
  const errors = await page.evaluate(() => window.tousu.errors || []);
  if (errors.length) throw new Error(`script errors: ${errors.join('; ')}`);
} finally {
  await context.close();
  server.close();
  fs.rmSync(site, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
}
