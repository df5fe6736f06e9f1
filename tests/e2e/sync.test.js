// Sync between two offices in real Chromium: one exports a bundle (a real download), the other
// imports it through the file picker and by dropping it on the page, previews, applies, and finds
// the complaint by a Chinese substring. A tampered file is refused and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, click, waitForWidget, waitForAny, widgets } from './browser.js';
import { typeInto, registerComplaint } from './desk_steps.js';

let env;
let bundlePath;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-sync-'));
before(async () => { env = await launch(); });
after(async () => {
  await env.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const caseRows = async (page) => (await widgets(page)).filter((w) => w.id.startsWith('case_TS-'));

async function pickFile(page, file) {
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'sync');
  await click(page, 'import_file');
  await (await chooser).setFiles(file);
}

test('an office exports everything as a downloaded bundle', async () => {
  const { context, page, errors } = await openApp(env, { acceptDownloads: true });
  await registerComplaint(page, '营业厅办理宽带新装后一直无人上门安装');
  const download = page.waitForEvent('download');
  await click(page, 'sync');
  await click(page, 'export_all');
  const file = await download;
  assert.match(file.suggestedFilename(), /^tousu-HQ-\d{8}-\d{4}\.json$/);
  bundlePath = path.join(tmp, file.suggestedFilename());
  await file.saveAs(bundlePath);
  await waitForWidget(page, 'export_done', () => true);
  const bundle = JSON.parse(fs.readFileSync(bundlePath, 'utf8'));
  assert.equal(bundle.format, 'tousu.bundle');
  assert.equal(bundle.count, bundle.events.length);
  const register = bundle.events.find((e) => e.type === 'register');
  assert.equal(register.payload.content, '营业厅办理宽带新装后一直无人上门安装');
  await click(page, 'sync_close');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the case list downloads as a CSV file that Excel reads as UTF-8', async () => {
  const { context, page, errors } = await openApp(env, { acceptDownloads: true });
  await registerComplaint(page, '话费账单多扣了三十元，要求退还');
  await click(page, 'case_list');
  const download = page.waitForEvent('download');
  await click(page, 'export_csv');
  const file = await download;
  assert.match(file.suggestedFilename(), /^tousu-HQ-list-\d{8}-\d{4}\.csv$/);
  const csvPath = path.join(tmp, file.suggestedFilename());
  await file.saveAs(csvPath);
  const bytes = fs.readFileSync(csvPath);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^投诉编号,受理时间,客户姓名,联系电话/);
  assert.match(lines[1], /^TS-HQ-\d{8}-0001,.*,王芳,138\*\*\*\*8000,/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('another office previews the bundle, imports it and finds the complaint', async () => {
  const { context, page, errors } = await openApp(env);
  await pickFile(page, bundlePath);
  const preview = await waitForWidget(page, 'import_new_cases', () => true);
  assert.match(preview.label, /新投诉 1 件/);
  await page.screenshot({ path: path.join(os.tmpdir(), 'tousu-import-preview.png') });
  // Cancelling the preview imports nothing.
  await click(page, 'import_cancel');
  await click(page, 'case_list');
  await waitForWidget(page, 'case_list', () => true);
  assert.equal((await caseRows(page)).length, 0);

  await pickFile(page, bundlePath);
  await click(page, 'import_apply');
  await waitForWidget(page, 'import_done', (w) => /1 件/.test(w.label));
  await click(page, 'sync_close');
  await click(page, 'case_list');
  await typeInto(page, 'search', '无人上门');
  const row = await waitForAny(page, (w) => w.id.startsWith('case_TS-HQ-'));
  assert.ok(row);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bundle dropped on the page is previewed; a tampered one is refused and changes nothing', async () => {
  const { context, page, errors } = await openApp(env);
  const drop = (name, text) => page.evaluate(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: 'application/json' }));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text]);
  const text = fs.readFileSync(bundlePath, 'utf8');
  await drop('tampered.json', text.replace('无人上门', '无人来装'));
  const refusal = await waitForWidget(page, 'sync_error', () => true);
  assert.match(refusal.label, /校验值不符/);
  await page.screenshot({ path: path.join(os.tmpdir(), 'tousu-import-refused.png') });
  await click(page, 'sync_close');
  await click(page, 'case_list');
  await waitForWidget(page, 'case_list', () => true);
  assert.equal((await caseRows(page)).length, 0);

  await drop('good.json', text);
  await waitForWidget(page, 'import_new_cases', (w) => /新投诉 1 件/.test(w.label));
  await click(page, 'import_apply');
  await waitForWidget(page, 'import_done', () => true);
  assert.deepEqual(errors, []);
  await context.close();
});
