#!/usr/bin/env node
// Live sync through a CouchDB-compatible server (pouchdb-server in memory, on loopback; shell/bench.sh
// runs it): for each size, an office's database pushed to an empty server database by tousu-cli,
// then pulled into a fresh desk database; then, in headless Chromium, two desks on one server
// database: a complaint registered on desk A until it shows in desk B's list, ROUNDS times.
// Prints one JSON line per figure, like the other benchmarks.
// usage: node tests/bench/live_sync_bench.mjs CLI SITE_DIR WORK_DIR SIZES…   (ROUNDS=20)
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from '../../shell/serve.mjs';
import { chromium, CHROMIUM_ARGS, VIEWPORT, click, waitForWidget, poll, waitReady } from '../e2e/browser.js';
import { registerComplaint, typeInto } from '../e2e/desk_steps.js';
import { startCouch } from '../e2e/couch_server.js';

const [cli, siteDir, workDir, ...sizeArgs] = process.argv.slice(2);
const sizes = sizeArgs.map(Number);
if (!cli || !siteDir || !workDir || !sizes.length || sizes.some((n) => !(n > 0))) {
  console.error('usage: node tests/bench/live_sync_bench.mjs CLI SITE_DIR WORK_DIR SIZES…');
  process.exit(2);
}
const rounds = Number(process.env.ROUNDS || 20);
const emit = (o) => console.log(JSON.stringify(o));
const run = (args) => JSON.parse(execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 26 }));
const timed = (args) => {
  const started = process.hrtime.bigint();
  const out = run(args);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, out };
};
fs.mkdirSync(workDir, { recursive: true });
const couch = await startCouch({ heapMb: 16384 });

// Push and pull by the command line, the office's whole history each way.
for (const cases of sizes) {
  const office = path.join(workDir, `live-${cases}.sqlite`);
  if (!fs.existsSync(office)) {
    run(['init', `${office}.tmp`, '--office', 'BJ01']);
    run(['generate', `${office}.tmp`, '--cases', String(cases), '--seed', '7']);
    fs.renameSync(`${office}.tmp`, office);
  }
  const pushing = path.join(workDir, 'pushing.sqlite'), pulling = path.join(workDir, 'pulling.sqlite');
  fs.copyFileSync(office, pushing);
  fs.rmSync(pulling, { force: true });
  const db = `office${cases}`;
  if ((await couch.request('PUT', db)).status !== 201) throw new Error(`could not create ${db}`);
  const push = timed(['replicate', pushing, `${couch.url}/${db}`, '--push']);
  emit({ op: 'couch_push', cases, events: push.out.sent, seconds: push.seconds, events_per_s: push.out.sent / push.seconds });
  run(['init', pulling, '--office', 'BJ01']);
  const pull = timed(['replicate', pulling, `${couch.url}/${db}`, '--pull']);
  emit({ op: 'couch_pull_fresh', cases, events: pull.out.received, seconds: pull.seconds,
    events_per_s: pull.out.received / pull.seconds });
  await couch.request('DELETE', db);
  fs.rmSync(pushing, { force: true });
  fs.rmSync(pulling, { force: true });
}

// One complaint from desk A to desk B's screen, in the browser.
const { server, url } = await serve(siteDir, 0);
await couch.allowOrigin(new URL(url).origin);
await couch.request('PUT', 'shared');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const desk = async () => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  await waitReady(page);
  await click(page, 'sync');
  await click(page, 'sync_server');
  await typeInto(page, 'sync_server_url', `${couch.url}/shared`);
  await click(page, 'sync_server_connect');
  await waitForWidget(page, 'sync_server_state', (w) => w.label.startsWith('已同步'), 15000);
  await click(page, 'sync_server_close');
  return page;
};
const a = await desk(), b = await desk();
const seen = [];
for (let round = 0; round < rounds; ++round) {
  const marker = `第${round + 1}轮延迟测试`;
  await click(b, 'case_list');
  await click(b, 'search');
  await b.keyboard.press('Control+A');
  await b.keyboard.insertText(marker); // B's list shows nothing until the case arrives
  await waitForWidget(b, 'search', (w) => w.value === marker);
  await poll(b, () => !window.tousu.widgets().some((w) => w.id.startsWith('case_TS-')), null, 10000, 'an empty list');
  await registerComplaint(a, `${marker}：宽带每晚掉线`);
  const saved = Date.now();
  await b.waitForFunction(() => window.tousu.widgets().some((w) => w.id.startsWith('case_TS-')), null,
    { polling: 5, timeout: 30000 });
  seen.push(Date.now() - saved);
}
const sorted = [...seen].sort((x, y) => x - y);
emit({ op: 'couch_a_to_b', runs: sorted.length, median_ms: sorted[sorted.length >> 1],
  p95_ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))], min_ms: sorted[0],
  max_ms: sorted[sorted.length - 1] });
await browser.close();
server.close();
await couch.stop();
