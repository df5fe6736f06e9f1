// Backup and restore in real Chromium: the reminder offers a download, the .sqlite file restores
// into another browser profile after a preview, the replaced data is downloaded first, and the
// restored data survives a reload (written through to IndexedDB). Damaged files change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, waitReady, click, waitForWidget, waitForAny, widgets } from './browser.js';
import { typeInto, registerComplaint } from './desk_steps.js';

let env;
let backupPath;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-backup-'));
before(async () => { env = await launch(); });
after(async () => {
  await env.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const saved = (page) => page.waitForFunction(() => window.tousu.saveState === 'saved', null, { timeout: 10000 });
const caseRows = async (page) => (await widgets(page)).filter((w) => w.id.startsWith('case_TS-'));

test('the reminder offers a backup until one is downloaded', async () => {
  const { context, page, errors } = await openApp(env, { acceptDownloads: true });
  await registerComplaint(page, '营业厅办理的套餐一直没有生效');
  await waitForWidget(page, 'reminder_backup', () => true);
  const download = page.waitForEvent('download');
  await click(page, 'reminder_backup');
  const file = await download;
  assert.match(file.suggestedFilename(), /^tousu-HQ-backup-\d{8}-\d{4}\.sqlite$/);
  backupPath = path.join(tmp, file.suggestedFilename());
  await file.saveAs(backupPath);
  assert.equal(fs.readFileSync(backupPath).subarray(0, 16).toString('latin1'), 'SQLite format 3\0');
  await waitForWidget(page, 'backup_done', () => true);
  await click(page, 'backup_close');
  await page.waitForFunction(() => !window.tousu.widgets().some((w) => w.id === 'reminder_backup'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('another profile restores the backup after a preview, and keeps it across a reload', async () => {
  const { context, page, errors } = await openApp(env, { acceptDownloads: true });
  await registerComplaint(page, '宽带故障：这件投诉会被备份替换掉');
  await saved(page);
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'backup');
  await click(page, 'backup_restore');
  await (await chooser).setFiles(backupPath);
  const preview = await waitForWidget(page, 'backup_cases', () => true);
  assert.match(preview.label, /投诉 1 件/);
  await page.screenshot({ path: path.join(os.tmpdir(), 'tousu-restore-preview.png') });
  const before = page.waitForEvent('download');
  await click(page, 'restore_apply');
  assert.match((await before).suggestedFilename(), /^tousu-HQ-before-restore-\d{8}-\d{4}\.sqlite$/);
  await waitForWidget(page, 'restore_done', () => true);
  await click(page, 'backup_close');
  await saved(page);
  await page.reload();
  await waitReady(page);
  await click(page, 'case_list');
  await typeInto(page, 'search', '套餐一直没有生效');
  await waitForAny(page, (w) => w.id.startsWith('case_TS-HQ-'));
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('会被备份替换');
  await waitForWidget(page, 'search', (w) => w.value === '会被备份替换');
  await page.waitForFunction(() => !window.tousu.widgets().some((w) => w.id.startsWith('case_TS-')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged backup dropped on the page is refused and nothing changes', async () => {
  const { context, page, errors } = await openApp(env);
  await registerComplaint(page, '宽带网速只有签约的一半');
  const bytes = fs.readFileSync(backupPath);
  for (let page4k = 4096; page4k < bytes.length; page4k += 4096) bytes[page4k] = 0x42;
  await page.evaluate((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'damaged.sqlite'));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [...bytes]);
  const refusal = await waitForWidget(page, 'backup_error', () => true);
  assert.match(refusal.label, /已损坏/);
  await click(page, 'backup_close');
  await click(page, 'case_list');
  await waitForAny(page, (w) => w.id.startsWith('case_TS-'));
  assert.equal((await caseRows(page)).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

// The stored pages in IndexedDB, page `n` (SQLite's page size from the stored state).
const storedPage = (page, n, fill) => page.evaluate(([n, fill]) => new Promise((resolve, reject) => {
  const open = indexedDB.open('tousu-main');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(['pages', 'meta'], fill === null ? 'readonly' : 'readwrite');
    let bytes;
    tx.objectStore('meta').get('state').onsuccess = (e) => {
      if (fill !== null) tx.objectStore('pages').put(new Uint8Array(e.target.result.pageSize).fill(fill).buffer, n);
      tx.objectStore('pages').get(n).onsuccess = (g) => { bytes = new Uint8Array(g.target.result); };
    };
    tx.oncomplete = () => { db.close(); resolve([...bytes.subarray(0, 16)]); };
    tx.onerror = () => reject(tx.error);
  };
}), [n, fill ?? null]);

test('a damaged store at start-up is reported, left untouched, and replaced by a restored backup', async () => {
  const { context, page } = await openApp(env, { acceptDownloads: true });
  await registerComplaint(page, '宽带故障：随后本机存储被损坏');
  await saved(page);
  // A header page overwritten, as by a failing disk or a half-copied browser profile.
  const damaged = await storedPage(page, 0, 0x5a);
  await page.reload();
  await waitReady(page);
  const notice = await waitForWidget(page, 'store_damaged', () => true);
  assert.match(notice.label, /已损坏.*从备份恢复/);
  await page.screenshot({ path: path.join(os.tmpdir(), 'tousu-store-damaged.png') });
  assert.equal(await page.evaluate(() => document.getElementById('fatal').hidden), true, 'no fatal screen');
  assert.deepEqual(await storedPage(page, 0), damaged, 'starting did not touch the stored pages');

  const chooser = page.waitForEvent('filechooser');
  await click(page, 'restore_from_backup');
  await (await chooser).setFiles(backupPath);
  assert.match((await waitForWidget(page, 'backup_cases', () => true)).label, /投诉 1 件/);
  const reloaded = page.waitForEvent('load', { timeout: 20000 });
  await click(page, 'restore_apply');
  await reloaded;
  await waitReady(page);
  await click(page, 'case_list');
  await typeInto(page, 'search', '套餐一直没有生效');
  await waitForAny(page, (w) => w.id.startsWith('case_TS-HQ-'));
  assert.ok(!(await widgets(page)).some((w) => w.id === 'store_damaged'), 'the restored store opens');
  assert.deepEqual((await storedPage(page, 0)).slice(0, 15), [...Buffer.from('SQLite format 3')]);
  await context.close();
});
