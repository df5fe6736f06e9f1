// Browser persistence: what is registered is still there after a reload and after the browser is
// closed and started again on the same profile (SQLite pages in IndexedDB).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, launchPersistent, openApp, waitReady, click, waitForAny, waitForWidget, widgets, storedCounter, failingIndexedDB } from './browser.js';
import { registerComplaint, typeInto } from './desk_steps.js';
import { runCli } from './cli.js';

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

test('when the browser refuses to save, the desk goes read-only, keeps what it has, offers a backup of it, and saves it once it can', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await context.addInitScript(failingIndexedDB);
  const page = await context.newPage();
  await page.goto(env.url);
  await waitReady(page);
  await registerComplaint(page, '宽带断线（第一件，存储正常时登记）');
  await saved(page);
  const counter = await storedCounter(page);

  const fillIntake = async (name, content) => {
    await click(page, 'new_case');
    await typeInto(page, 'customer_name', name);
    await typeInto(page, 'customer_phone', '13900139000');
    await typeInto(page, 'content', content);
    await click(page, 'save_case');
  };
  await page.evaluate(() => { window.__failWrites = true; });
  await fillIntake('韩梅梅', '宽带断线（第二件，存储写入失败时登记）');
  await waitForWidget(page, 'save_failed', (w) => /只读/.test(w.label) && /腾出空间后会自动保存/.test(w.label));
  await page.screenshot({ path: path.join(os.tmpdir(), 'tousu-save-failed.png') });
  assert.equal(await page.evaluate(() => window.tousu.saveState), 'failed');
  assert.equal(await storedCounter(page), counter, 'nothing half-written');
  // Where no space can be freed, the banner's backup takes what is only in this page.
  const download = page.waitForEvent('download');
  await click(page, 'save_failed_backup');
  const backup = fs.readFileSync(await (await download).path());
  assert.equal(backup.subarray(0, 16).toString('latin1'), 'SQLite format 3\0');
  assert.ok(backup.includes(Buffer.from('第二件，存储写入失败时登记')), 'the backup holds the unsaved complaint');
  await click(page, 'backup_close');
  // Read-only meanwhile: a third complaint is refused with a message, and not registered.
  await fillIntake('李雷', '宽带断线（第三件，只读时不应登记）');
  await waitForAny(page, (w) => /本页暂为只读/.test(w.label));

  // Space is freed: the retry saves the second complaint (and everything since) in one write.
  await page.evaluate(() => { window.__failWrites = false; });
  await click(page, 'save_retry');
  await saved(page);
  assert.ok(!(await widgets(page)).some((w) => w.id === 'save_failed'), 'the notice goes once saved');
  assert.equal(await storedCounter(page), counter + 1);
  await page.reload();
  await waitReady(page);
  await click(page, 'case_list');
  await waitForAny(page, (w) => /-0002##/.test(w.label));
  assert.equal((await caseRows(page)).length, 2);
  await context.close();
});

// Earlier layouts: one IndexedDB record per 4 KB page (before blocks), then 128 KB blocks.
for (const [layoutName, unit] of [['page by page (before blocks)', 4096], ['in 128 KB blocks', 128 * 1024]]) {
  test(`a store written ${layoutName} opens, and the next commit rewrites it in 512 KB blocks`, async () => {
    // An office database made by tousu-cli, stored the old way.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-layout-'));
    const db = path.join(tmp, 'old.db');
    runCli(['init', db, '--office', 'HQ']);
    runCli(['generate', db, '--cases', '40', '--seed', '7', '--start', '2026-10-01', '--days', '30']);
    const image = [...fs.readFileSync(db)];
    fs.rmSync(tmp, { recursive: true, force: true });
    assert.ok(image.length > 2 * unit, 'the old layout has several records');
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(env.url);
    await waitReady(page);
    await page.evaluate(({ bytes, unit }) => new Promise((resolve, reject) => {
      const open = indexedDB.open('tousu-main');
      open.onsuccess = () => {
        const tx = open.result.transaction(['pages', 'meta'], 'readwrite');
        tx.objectStore('pages').clear();
        const all = new Uint8Array(bytes);
        for (let n = 0; n * unit < all.length; ++n) tx.objectStore('pages').put(all.slice(n * unit, (n + 1) * unit).buffer, n);
        const blocks = unit > 4096 ? { blockSize: unit } : {};
        tx.objectStore('meta').put({ size: all.length, pageSize: 4096, counter: 1, ...blocks }, 'state');
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }), { bytes: image, unit });
    await page.reload();
    await waitReady(page);
    await click(page, 'case_list');
    assert.match((await waitForWidget(page, 'list_count', (w) => /\d/.test(w.label))).label, /40/);
    await registerComplaint(page, '宽带断线：旧格式存储上登记的第一件');
    await saved(page);
    const layout = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('tousu-main');
      open.onsuccess = () => {
        const tx = open.result.transaction(['pages', 'meta']);
        const meta = tx.objectStore('meta').get('state'), keys = tx.objectStore('pages').getAllKeys();
        tx.oncomplete = () => { open.result.close(); resolve({ meta: meta.result, records: keys.result.length }); };
      };
    }));
    assert.equal(layout.meta.blockSize, 512 * 1024);
    assert.equal(layout.records, Math.ceil(layout.meta.size / layout.meta.blockSize));
    await page.reload();
    await waitReady(page);
    await click(page, 'case_list');
    assert.match((await waitForWidget(page, 'list_count', (w) => /\d/.test(w.label))).label, /41/);
    await context.close();
  });
}
