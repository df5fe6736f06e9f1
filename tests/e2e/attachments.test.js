// Files on a case in the browser: picked (several at once; an empty one and a type the desk does
// not take are refused, each by name), dropped on the page, downloaded byte for byte, opened in a
// new tab, withdrawn with a reason, and still there after a reload (IndexedDB).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, widgets, click, waitForWidget, poll, waitReady, waitForAny, storedCounter,
  failingIndexedDB } from './browser.js';
import { typeInto, registerComplaint } from './desk_steps.js';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

// A small PNG (64×48, red and blue halves) and bytes that stand for a recording: every byte value, so nothing is recoded.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAARklEQVR42u3PMQ0AAAgDMKRMCv4vJGGBh69JDbQmeZWeVyUgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgcLVy4oDEkky62gAAAABJRU5ErkJggg==', 'base64');
const RECORDING = Buffer.from(Array.from({ length: 70000 }, (_, i) => (i * 7) % 256));

const text = async (page, id) => ((await widgets(page)).find((w) => w.id === id) || {}).label?.replace(/##.*/, '');

// Drops files on the page as a person would drag them from their desktop.
async function drop(page, files) {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
    document.querySelector('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files.map((f) => ({ ...f, bytes: [...f.bytes] })));
}

test('files picked, refused by name, dropped, downloaded whole, opened, withdrawn, and kept over a reload', async () => {
  const { context, page, errors } = await openApp(env);
  await registerComplaint(page);
  await waitForWidget(page, 'attach_file', () => true);

  const chooser = page.waitForEvent('filechooser');
  await click(page, 'attach_file');
  await (await chooser).setFiles([
    { name: '光猫红灯.png', mimeType: 'image/png', buffer: PNG },
    { name: '通话录音.mp3', mimeType: 'audio/mpeg', buffer: RECORDING },
    { name: '空白.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
  ]);
  await waitForWidget(page, 'attachment_refused_1', () => true);
  assert.equal(await text(page, 'attachment_0'), '光猫红灯.png');
  assert.equal(await text(page, 'attachment_1'), '通话录音.mp3');
  assert.equal(await text(page, 'attachment_added'), '已添加：光猫红灯.png、通话录音.mp3');
  assert.match(await text(page, 'attachment_refused_0'), /^空白\.txt：文件是空的/);
  assert.match(await text(page, 'attachment_refused_1'), /^setup\.exe：不支持此类文件/);
  // A picture shows a thumbnail, which opens it large in the desk.
  await click(page, 'attachment_thumb_0');
  await waitForWidget(page, 'attachment_viewer_name', (w) => w.label.startsWith('光猫红灯.png'));
  await waitForWidget(page, 'attachment_viewer_close', () => true);
  await page.screenshot({ path: '/tmp/tousu-attachment-viewer.png' });
  await page.keyboard.press('Escape');
  await waitForWidget(page, 'attach_file', () => true);
  assert.ok(!(await widgets(page)).some((w) => w.id === 'attachment_viewer_name'), 'Esc closes the picture');
  // The timeline says who attached what, and how large.
  assert.ok((await widgets(page)).some((w) => /^添加附件/.test(w.label) && /^event_\d+$/.test(w.id)));
  await page.screenshot({ path: '/tmp/tousu-attachments.png' });

  await drop(page, [{ name: '账单.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4 账单') }]);
  await waitForWidget(page, 'attachment_2', (w) => w.label.startsWith('账单.pdf'));

  const download = page.waitForEvent('download');
  await click(page, 'attachment_download_1');
  const file = await download;
  assert.equal(file.suggestedFilename(), '通话录音.mp3');
  const chunks = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk);
  assert.ok(Buffer.concat(chunks).equals(RECORDING), 'the download is the recording, byte for byte');

  const tab = context.waitForEvent('page');
  await click(page, 'attachment_open_0');
  const opened = await tab;
  assert.match(opened.url(), /^blob:/);
  await opened.close();

  await click(page, 'attachment_withdraw_2');
  await typeInto(page, 'withdraw_reason', '传错了客户的账单');
  await click(page, 'withdraw_go');
  await waitForWidget(page, 'attachment_2', (w) => w.label.includes('已撤回：传错了客户的账单'));

  await poll(page, () => window.tousu.saveState === 'saved', null, 10000, 'saved');
  await page.reload();
  await waitReady(page);
  await click(page, 'case_list');
  const row = await waitForAny(page, (w) => w.id.startsWith('case_TS-'));
  await click(page, row.id);
  await waitForWidget(page, 'attachment_1', (w) => w.label.startsWith('通话录音.mp3'));
  const again = page.waitForEvent('download');
  await click(page, 'attachment_download_0');
  const png = [];
  for await (const chunk of await (await again).createReadStream()) png.push(chunk);
  assert.ok(Buffer.concat(png).equals(PNG), 'after a reload the picture is still whole');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file over the limit is refused before it is read, and the message says where the limit is set', async () => {
  const { context, page, errors } = await openApp(env);
  await registerComplaint(page);
  await waitForWidget(page, 'attach_file', () => true);
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'attach_file');
  await (await chooser).setFiles([{ name: '太大的录音.wav', mimeType: 'audio/wav', buffer: Buffer.alloc(25 * 1024 * 1024 + 1, 1) }]);
  await waitForWidget(page, 'attachment_refused_0', () => true);
  assert.match(await text(page, 'attachment_refused_0'), /^太大的录音\.wav：文件超过单个附件的大小上限.*设置 → 附件/);
  assert.ok(!(await widgets(page)).some((w) => w.id === 'attachment_0'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file attached while the browser refuses to save is kept in the page, never half-stored, and saved later', async () => {
  const { context, page, errors } = await openApp(env, {}, failingIndexedDB);
  await registerComplaint(page);
  await poll(page, () => window.tousu.saveState === 'saved', null, 10000, 'saved');
  const counter = await storedCounter(page);
  await page.evaluate(() => { window.__failWrites = true; });
  const bill = Array.from({ length: 2_000_000 }, (_, i) => (i * 7) % 251);
  await drop(page, [{ name: '账单.pdf', type: 'application/pdf', bytes: Buffer.from(bill) }]);
  await waitForWidget(page, 'save_failed', (w) => /只读/.test(w.label));
  await waitForWidget(page, 'attachment_0', (w) => w.label.startsWith('账单.pdf'));
  assert.equal(await storedCounter(page), counter, 'nothing half-written');
  // Read-only meanwhile: another file is refused, with the reason.
  await drop(page, [{ name: '录音.mp3', type: 'audio/mpeg', bytes: Buffer.from('ID3 录音') }]);
  await waitForWidget(page, 'attachment_refused_0', (w) => /^录音\.mp3：.*只读/.test(w.label));

  await page.evaluate(() => { window.__failWrites = false; });
  await click(page, 'save_retry');
  await poll(page, () => window.tousu.saveState === 'saved', null, 10000, 'saved');
  assert.equal(await storedCounter(page), counter + 1, 'the file and its event in one write');
  await page.reload();
  await waitReady(page);
  await click(page, 'case_list');
  await click(page, (await waitForAny(page, (w) => w.id.startsWith('case_TS-'))).id);
  const download = page.waitForEvent('download');
  await click(page, 'attachment_download_0');
  const chunks = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk);
  assert.ok(Buffer.concat(chunks).equals(Buffer.from(bill)), 'after the retry and a reload, the file is whole');
  assert.deepEqual(errors.filter((e) => !/AbortError|abort/i.test(e)), []);
  await context.close();
});
