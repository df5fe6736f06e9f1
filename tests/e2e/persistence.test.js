// Browser persistence: what is registered is still there after a reload and after the browser is
// closed and started again on the same profile (SQLite pages in IndexedDB).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, launchPersistent, openApp, waitReady, click, waitForAny, widgets } from './browser.js';
import { registerComplaint } from './desk_steps.js';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const saved = (page) => page.waitForFunction(() => window.tousu.saveState === 'saved', null, { timeout: 10000 });
const caseRows = async (page) => (await widgets(page)).filter((w) => w.id.startsWith('case_TS-'));

test('a registered complaint is still there after a reload', async () => {
  const { context, page, errors } = await openApp(env);
  await registerComplaint(page);
  await saved(page);
  await page.reload();
  await waitReady(page);
  await click(page, 'case_list');
  const row = await waitForAny(page, (w) => w.id.startsWith('case_TS-'));
  assert.match(row.label, /-0001##/);
  assert.equal((await caseRows(page)).length, 1);
  // A second complaint after the reload gets the next number, so the office kept its counter.
  await registerComplaint(page, '本月话费多扣了五十元');
  await saved(page);
  await click(page, 'case_list');
  await waitForAny(page, (w) => /-0002##/.test(w.label));
  assert.deepEqual(errors, []);
  await context.close();
});

test('closing the browser and starting it again on the same profile keeps the complaints', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-profile-'));
  try {
    let run = await launchPersistent(dir);
    let page = await run.context.newPage();
    await page.goto(run.url);
    await waitReady(page);
    await registerComplaint(page);
    await saved(page);
    const port = run.port;
    await run.close();

    run = await launchPersistent(dir, port);
    page = await run.context.newPage();
    await page.goto(run.url);
    await waitReady(page);
    await click(page, 'case_list');
    const row = await waitForAny(page, (w) => w.id.startsWith('case_TS-'));
    assert.match(row.label, /-0001##/);
    await run.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the app says when nothing will be kept', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { value: undefined }); });
  const page = await context.newPage();
  await page.goto(env.url);
  await waitReady(page);
  assert.equal(await page.evaluate(() => window.tousu.saveState), undefined);
  await page.screenshot({ path: path.join(os.tmpdir(), 'tousu-memory-only.png') });
  await context.close();
});

test('a second tab opens read-only, offers to take over, and follows what the writer commits', { timeout: 90000 }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const first = await context.newPage();
  await first.goto(env.url);
  await waitReady(first);
  const second = await context.newPage();
  await second.goto(env.url);
  await waitReady(second);
  const has = async (page, id) => (await widgets(page)).some((w) => w.id === id);
  await waitForAny(second, (w) => w.id === 'take_over');
  assert.ok(!(await has(first, 'take_over')), 'the first tab writes');

  // What the writer commits appears in the read-only tab (it loads the new state afresh).
  await first.bringToFront();
  const reloaded = second.waitForEvent('load', { timeout: 20000 });
  await registerComplaint(first);
  await saved(first);
  await reloaded;
  await waitReady(second);
  await second.bringToFront();
  await click(second, 'case_list');
  await waitForAny(second, (w) => w.id.startsWith('case_TS-'), 15000);

  await second.close();
  await first.close();
  await context.close();
});
