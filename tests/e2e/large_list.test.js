// The case list over 200,000 generated cases in real Chromium: tousu-cli registers a year of
// complaints (registrations only, so it takes seconds, not minutes), the file is stored in the
// profile's IndexedDB as the app stores it, and the desk starts on it. Real wheel events scroll the
// list a notch at a time and then flick it to the end, where the year's first day must be; a row
// from there opens its case. Frame times at this size are a benchmark (shell/bench.sh), not a test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../../shell/serve.mjs';
import { chromium, CHROMIUM_ARGS, VIEWPORT, click, poll, waitForWidget, waitReady, widgets } from './browser.js';
import { siteWithDatabase, storeDatabase } from './stored_database.js';
import { runCli } from './cli.js';

const CASES = 200000;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-large-'));
let site, server, url, browser;

before(async () => {
  const db = path.join(tmp, 'large.sqlite');
  runCli(['init', db]);
  const made = runCli(['generate', db, '--cases', String(CASES), '--seed', '11', '--start', '2026-01-01', '--days', '365',
    '--registrations-only']);
  assert.equal(made.cases, CASES);
  site = siteWithDatabase(db);
  ({ server, url } = await serve(site, 0));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  server?.close();
  for (const dir of [site, tmp]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const rows = async (page) => (await widgets(page)).filter((w) => w.id.startsWith('case_TS-'));
const nextFrame = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));

test('the list scrolls through 200,000 generated cases to the first one, which opens', async () => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const stored = await storeDatabase(page, url);
  assert.equal(stored, fs.statSync(path.join(tmp, 'large.sqlite')).size);
  await page.goto(url);
  await poll(page, () => window.tousu && window.tousu.ready === true, null, 180000, 'the desk on 200,000 cases');
  await waitReady(page); // past the first start's question

  await click(page, 'case_list');
  await waitForWidget(page, 'list_count', (w) => w.label.includes(String(CASES)), 30000);
  const first = await rows(page);
  assert.match(first[0].id, /^case_TS-HQ-20261231-/, 'newest first');

  await page.mouse.move(640, 450);
  for (let i = 0; i < 20; ++i) {   // a person's wheel: one notch a frame
    await page.mouse.wheel(0, 100);
    await nextFrame(page);
  }
  const later = await poll(page, async (top) => {
    const r = window.tousu.widgets().filter((w) => w.id.startsWith('case_TS-'));
    return r.length && r[0].id !== top ? r : null;
  }, first[0].id, 10000, 'the list to move');
  assert.ok(later.length >= first.length - 1, 'a full screen of rows after scrolling');

  let bottom = '';
  for (let i = 0; i < 400; ++i) {   // flicks of 1,000 notches until the list stops moving
    await page.mouse.wheel(0, 100000);
    await nextFrame(page);
    if (i % 5 === 4) {
      const now = (await rows(page)).at(-1).id;
      if (now === bottom) break;
      bottom = now;
    }
  }
  assert.match(bottom, /^case_TS-HQ-20260101-/, 'the oldest cases at the end');

  const last = (await rows(page)).at(-1);
  await page.mouse.click(last.x + last.w / 2, last.y + last.h / 2);
  await waitForWidget(page, 'confirm', () => true, 15000);   // a registered case's first step
  assert.deepEqual(await page.evaluate(() => window.tousu.errors), []);
  await context.close();
});
