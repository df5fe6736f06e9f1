// Sync between two offices in real Chromium: one exports a bundle (a real download), the other
// imports it through the file picker and by dropping it on the page, previews, applies, and finds
// the complaint by a Chinese substring. A tampered file is refused and changes nothing. Encrypted
// bundles sealed by WebCrypto here open in tousu-cli (OpenSSL) and the other way round.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { repoDir, launch, openApp, click, waitForWidget, waitForAny, widgets, storedCounter } from './browser.js';
import { typeInto, registerComplaint, pickImportFile } from './desk_steps.js';
import { runCli } from './cli.js';

let env;
let bundlePath;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-sync-'));
before(async () => { env = await launch(); });
after(async () => {
  await env.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const caseRows = async (page) => (await widgets(page)).filter((w) => w.id.startsWith('case_TS-'));

// Passphrase fields report one * per character, never the text.
async function typeSecret(page, id, text) {
  await click(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  await waitForWidget(page, id, (w) => w.value === '*'.repeat([...text].length));
}


test('an office exports everything as a downloaded bundle', async () => {
  const { context, page, errors } = await openApp(env, { acceptDownloads: true });
  await registerComplaint(page, '营业厅办理宽带新装后一直无人上门安装');
  const download = page.waitForEvent('download');
  await click(page, 'sync');
  await click(page, 'export_all');
  await click(page, 'export_go');
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

test('the case list downloads as a CSV file that Excel reads as UTF-8, phones whole only for an administrator', async () => {
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
  assert.match(lines[1], /^TS-HQ-\d{8}-0001,.*,王芳,13800138000,/);   // the administrator sees whole numbers
  // An intake agent's export masks them.
  await page.keyboard.press('Escape');   // closes the "downloaded" note
  await waitForWidget(page, 'user', () => true);
  await click(page, 'user');
  await click(page, 'signin_s01');
  const again = page.waitForEvent('download');
  await click(page, 'export_csv');
  const masked = path.join(tmp, 'agent-' + (await again).suggestedFilename());
  await (await again).saveAs(masked);
  assert.match(fs.readFileSync(masked).subarray(3).toString('utf8').split('\r\n')[1], /^TS-HQ-\d{8}-0001,.*,王芳,138\*\*\*\*8000,/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('another office previews the bundle, imports it and finds the complaint', async () => {
  const { context, page, errors } = await openApp(env);
  await pickImportFile(page, bundlePath);
  const preview = await waitForWidget(page, 'import_new_cases', () => true);
  assert.match(preview.label, /新投诉 1 件/);
  await page.screenshot({ path: path.join(os.tmpdir(), 'tousu-import-preview.png') });
  // Cancelling the preview imports nothing.
  await click(page, 'import_cancel');
  await click(page, 'case_list');
  await waitForWidget(page, 'case_list', () => true);
  assert.equal((await caseRows(page)).length, 0);

  await pickImportFile(page, bundlePath);
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

test('a bundle encrypted in the browser opens with tousu-cli, and one encrypted by tousu-cli opens in the browser', async () => {
  const passphrase = '营业部 口令 2026';
  const first = await openApp(env, { acceptDownloads: true });
  await registerComplaint(first.page, '新装宽带后网速只有签约的一半');
  await click(first.page, 'sync');
  await click(first.page, 'export_all');
  await click(first.page, 'export_encrypt');
  await typeSecret(first.page, 'form_passphrase', passphrase);
  await typeSecret(first.page, 'form_passphrase_repeat', passphrase);
  const download = first.page.waitForEvent('download');
  await click(first.page, 'export_go');
  const file = await download;
  assert.match(file.suggestedFilename(), /^tousu-HQ-encrypted-\d{8}-\d{4}\.json$/);
  const sealedPath = path.join(tmp, file.suggestedFilename());
  await file.saveAs(sealedPath);
  const envelope = JSON.parse(fs.readFileSync(sealedPath, 'utf8'));
  assert.equal(envelope.format, 'tousu.sealed');
  assert.equal(envelope.kdf.iterations, 600000);
  assert.ok(!fs.readFileSync(sealedPath, 'utf8').includes('13800138000'));
  assert.deepEqual(first.errors, []);
  await first.context.close();

  // OpenSSL opens what WebCrypto sealed, and only with the right passphrase.
  const db = path.join(tmp, 'cli.db');
  runCli(['init', db, '--office', 'SH01']);
  assert.throws(() => runCli(['import', db, sealedPath], 'wrong passphrase'), /error\.sealed_passphrase/);
  assert.equal(runCli(['import', db, sealedPath], passphrase).new_cases, 1);
  const back = path.join(tmp, 'from-cli.json');
  assert.equal(runCli(['export', db, back, '--encrypt'], '另一个口令 from cli').encrypted, true);

  // WebCrypto opens what OpenSSL sealed; a wrong passphrase is asked again, not fatal.
  const second = await openApp(env);
  await pickImportFile(second.page, back);
  await typeSecret(second.page, 'form_passphrase', '另一个口令 from CLI');
  await click(second.page, 'import_unlock');
  const wrong = await waitForWidget(second.page, 'passphrase_error', () => true, 20000);
  assert.match(wrong.label, /口令不正确/);
  await typeSecret(second.page, 'form_passphrase', '另一个口令 from cli');
  await click(second.page, 'import_unlock');
  await waitForWidget(second.page, 'import_new_cases', (w) => /新投诉 1 件/.test(w.label), 20000);
  await click(second.page, 'import_apply');
  await waitForWidget(second.page, 'import_done', () => true);
  await click(second.page, 'sync_close');
  await click(second.page, 'case_list');
  await typeInto(second.page, 'search', '签约的一半');
  assert.ok(await waitForAny(second.page, (w) => w.id.startsWith('case_TS-HQ-')));
  assert.deepEqual(second.errors, []);
  await second.context.close();
});

test('a gzipped bundle opens; a browser that cannot unpack or decrypt says what to do instead', async () => {
  const samples = path.join(repoDir, 'tests/samples');
  const gzipped = zlib.gzipSync(fs.readFileSync(path.join(samples, 'base.json')));
  const sealed = fs.readFileSync(path.join(samples, 'base-sealed.json'));
  const drop = (page, name, bytes) => page.evaluate(([n, b]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(b)], n));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, [...bytes]]);

  const modern = await openApp(env);
  await drop(modern.page, 'base.json.gz', gzipped);
  await waitForWidget(modern.page, 'import_new_cases', (w) => /新投诉 1 件/.test(w.label));
  assert.deepEqual(modern.errors, []);
  await modern.context.close();

  // Safari before 16.4 has no DecompressionStream; WebCrypto exists only on https or this computer.
  const older = await openApp(env, {}, () => {
    delete window.DecompressionStream;
    Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined });
  });
  await drop(older.page, 'base.json.gz', gzipped);
  assert.match((await waitForWidget(older.page, 'sync_error', () => true)).label, /此浏览器无法解压 .gz 文件，请先解压后再导入/);
  await click(older.page, 'sync_close');
  await drop(older.page, 'base-sealed.json', sealed);
  assert.match((await waitForWidget(older.page, 'sync_error', () => true)).label, /此浏览器无法加密或解密/);
  assert.deepEqual(older.errors, []);
  await older.context.close();
});

test('a large import shows progress, keeps the page drawing, and its preview writes nothing to IndexedDB', async () => {
  const db = path.join(tmp, 'large.db');
  const large = path.join(tmp, 'large.json');
  runCli(['init', db, '--office', 'GZ01']);
  runCli(['generate', db, '--cases', '2500', '--seed', '41', '--start', '2026-08-01', '--days', '90']);
  runCli(['export', db, large]);
  const { context, page, errors } = await openApp(env);
  await waitForWidget(page, 'save_state', (w) => /已保存/.test(w.label), 20000);
  const before = await storedCounter(page);
  await pickImportFile(page, large);
  const framesBefore = await page.evaluate(() => window.tousu.frames());
  await waitForWidget(page, 'import_new_cases', (w) => /新投诉 2500 件/.test(w.label), 120000);
  assert.ok(await page.evaluate(() => window.tousu.frames()) - framesBefore > 5, 'frames kept coming while previewing');
  assert.equal(await storedCounter(page), before, 'a preview commits nothing');
  await click(page, 'import_apply');
  await waitForWidget(page, 'import_done', () => true, 120000);
  await waitForWidget(page, 'save_state', (w) => /已保存/.test(w.label), 60000);
  assert.ok(await storedCounter(page) > before);
  assert.deepEqual(errors, []);
  await context.close();
});
