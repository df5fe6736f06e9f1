// Live sync in the browser: two desks (two browser profiles) connected to one CouchDB database
// (pouchdb-server) share one queue; a desk cut off from the server keeps working, says how much
// waits to be sent, and sends it once the server is back; a large first pull shows its progress.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, click, widgets, waitForWidget, waitForAny } from './browser.js';
import { runCli } from './cli.js';
import { registerComplaint, typeInto } from './desk_steps.js';
import { startCouch, startCuttingProxy } from './couch_server.js';

let env, couch;
before(async () => {
  env = await launch();
  couch = await startCouch();
  await couch.allowOrigin(new URL(env.url).origin);
});
after(async () => { await couch.stop(); await env.close(); });

async function connect(page, databaseUrl) {
  await click(page, 'sync');
  await click(page, 'sync_server');
  await typeInto(page, 'sync_server_url', databaseUrl);
  await click(page, 'sync_server_connect');
  await waitForWidget(page, 'sync_server_state', (w) => w.label.startsWith('已同步'), 15000);
  await click(page, 'sync_server_close');
}

const syncState = (page, pattern, timeout = 15000) => waitForWidget(page, 'sync_state', (w) => pattern.test(w.label), timeout);

async function openCase(page, number) {
  await click(page, 'case_list');
  const row = await waitForWidget(page, `case_${number}`, () => true, 15000);
  await page.mouse.click(row.x + 30, row.y + row.h / 2);
  await waitForWidget(page, 'confirm', () => true);
}

test('two desks share one queue: registered on one, it appears on the other; confirmed there, it moves on here', async () => {
  assert.equal((await couch.request('PUT', 'shared')).status, 201);
  const a = await openApp(env);
  const b = await openApp(env);
  await connect(a.page, `${couch.url}/shared`);
  await connect(b.page, `${couch.url}/shared`);
  await registerComplaint(a.page, '宽带每天晚上掉线，已经一周了');
  await click(a.page, 'case_list');
  const number = (await waitForAny(a.page, (w) => w.id.startsWith('case_TS-'))).id.slice('case_'.length);
  const started = Date.now();
  await openCase(b.page, number); // within seconds, pushed by A and pulled by B's waiting request
  const seenAfter = Date.now() - started;
  await click(b.page, 'confirm');
  await click(b.page, 'submit');
  await waitForWidget(b.page, 'dispatch', () => true);
  await openCase(a.page, number).catch(() => {}); // A's list row opens the case; it shows confirm until B's arrives
  await waitForWidget(a.page, 'dispatch', () => true, 15000);
  await syncState(a.page, /^已同步/);
  await syncState(b.page, /^已同步/);
  console.log(`# the case appeared on the other desk after ${seenAfter} ms`);
  // The browser logs every 404 as an error: here the first read of each desk's checkpoint, which does
  // not exist on a new server yet.
  const unexpected = [...a.errors, ...b.errors].filter((e) => !/status of 404/.test(e));
  assert.deepEqual(unexpected, []);
  await a.context.close();
  await b.context.close();
});

test('a file dropped on a case on one desk opens on the other, the same bytes', async () => {
  assert.equal((await couch.request('PUT', 'files')).status, 201);
  const a = await openApp(env);
  const b = await openApp(env);
  await connect(a.page, `${couch.url}/files`);
  await connect(b.page, `${couch.url}/files`);
  await registerComplaint(a.page, '账单多扣了二十元，附上截图');
  await a.page.evaluate(() => {
    const bytes = new Uint8Array(200000).map((_, i) => (i * 31) % 256);
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], '账单截图.png', { type: 'image/png' }));
    document.querySelector('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await waitForWidget(a.page, 'attachment_0', (w) => w.label.startsWith('账单截图.png'));
  await click(a.page, 'case_list');
  const number = (await waitForAny(a.page, (w) => w.id.startsWith('case_TS-'))).id.slice('case_'.length);
  await openCase(b.page, number);
  await waitForWidget(b.page, 'attachment_download_0', () => true, 15000);
  const download = b.page.waitForEvent('download');
  await click(b.page, 'attachment_download_0');
  const chunks = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk);
  const expected = Buffer.from(Array.from({ length: 200000 }, (_, i) => (i * 31) % 256));
  assert.ok(Buffer.concat(chunks).equals(expected), 'the other desk downloads the same bytes');
  const stored = (await couch.request('GET', `files/file-${(await import('node:crypto')).createHash('sha256').update(expected).digest('hex')}`));
  assert.equal(stored.status, 200);
  const unexpected = [...a.errors, ...b.errors].filter((e) => !/status of 404/.test(e));
  assert.deepEqual(unexpected, []);
  await a.context.close();
  await b.context.close();
});

test('cut off from the server, a desk keeps working, counts what waits, and sends it when the server is back', async () => {
  assert.equal((await couch.request('PUT', 'cutoff')).status, 201);
  const proxy = await startCuttingProxy(couch.url, () => Infinity);
  await couch.allowOrigin(new URL(env.url).origin);
  try {
    const a = await openApp(env);
    await connect(a.page, `${proxy.url}/cutoff`);
    proxy.setOffline(true);
    await registerComplaint(a.page, '手机信号差，打电话经常断');
    const offline = await syncState(a.page, /^离线，\d+ 条待上传/);
    const waiting = Number(offline.label.match(/(\d+) 条/)[1]);
    assert.ok(waiting >= 1, offline.label);
    const before = (await couch.request('GET', 'cutoff')).body.doc_count;
    proxy.setOffline(false);
    await syncState(a.page, /^已同步/, 90000); // the next retry, at most a minute away
    const after = (await couch.request('GET', 'cutoff')).body.doc_count;
    assert.equal(after - before, waiting);
    await a.context.close();
  } finally {
    await proxy.stop();
  }
});

test('a large first pull shows how far it has come, and the desk keeps drawing while it runs', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-big-pull-'));
  try {
    const office = path.join(dir, 'office.sqlite');
    runCli(['init', office, '--office', 'BJ01']);
    runCli(['generate', office, '--cases', '1500', '--seed', '11']);
    assert.equal((await couch.request('PUT', 'big')).status, 201);
    const pushed = runCli(['replicate', office, `${couch.url}/big`, '--push']).sent;
    const a = await openApp(env);
    await click(a.page, 'sync');
    await click(a.page, 'sync_server');
    await typeInto(a.page, 'sync_server_url', `${couch.url}/big`);
    await click(a.page, 'sync_server_connect');
    const seen = new Set(), framesSeen = new Set();
    let state;
    for (const started = Date.now(); Date.now() - started < 120000;) {
      const all = await widgets(a.page);
      state = all.find((w) => w.id === 'sync_server_state')?.label ?? '';
      const progress = all.find((w) => w.id === 'sync_server_progress');
      if (progress) {
        seen.add(progress.label);
        framesSeen.add(await a.page.evaluate(() => window.tousu.frames()));
      }
      if (state.startsWith('已同步')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.match(state, /^已同步/);
    // "received / of the server's": several steps on the way, counted against what the server held.
    const steps = [...seen].map((l) => l.match(/^(\d+) \/ (\d+)##/)).filter(Boolean);
    assert.ok(steps.length >= 3, [...seen].join(', '));
    assert.ok(steps.every(([, , total]) => Number(total) >= pushed), [...seen].join(', '));
    assert.ok(framesSeen.size >= 3, 'frames drawn while the pull ran');
    await click(a.page, 'sync_server_close');
    await click(a.page, 'case_list');
    await waitForWidget(a.page, 'list_count', (w) => /1500/.test(w.label), 15000);
    await a.context.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('signed in to the sync server, the desk works as that person, and what they record is accepted as theirs', async () => {
  const server = await startCouch(); // with an administrator: the server checks who writes
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-signin-'));
  try {
    await server.allowOrigin(new URL(env.url).origin);
    assert.equal((await server.request('PUT', '_config/admins/root', 'root secret')).status, 200);
    const db = path.join(dir, 'office.db');
    runCli(['init', db, '--office', 'BJ01']);
    fs.writeFileSync(path.join(dir, 'root.pw'), 'root secret\n');
    fs.writeFileSync(path.join(dir, 'staff.pw'), 's01 agent pass\n');
    runCli(['couchdb-setup', db, `${server.url}/tousu-bj`, '--admin-user', 'root', '--password-file',
      path.join(dir, 'root.pw'), '--passwords', path.join(dir, 'staff.pw')]);

    const desk = await openApp(env);
    await click(desk.page, 'user');
    await click(desk.page, 'signin_s09'); // a supervisor at this desk before
    await waitForWidget(desk.page, 'user', (w) => w.label.startsWith('周杰'));
    await click(desk.page, 'sync');
    await click(desk.page, 'sync_server');
    await typeInto(desk.page, 'sync_server_url', `${server.url}/tousu-bj`);
    await typeInto(desk.page, 'sync_server_user', 's01');
    await typeInto(desk.page, 'sync_server_password', 'agent pass', '*'.repeat(10));
    await click(desk.page, 'sync_server_connect');
    await waitForWidget(desk.page, 'sync_server_state', (w) => w.label.startsWith('已同步'), 15000);
    await click(desk.page, 'sync_server_close');
    await waitForWidget(desk.page, 'user', (w) => w.label.startsWith('王芳 · 受理员')); // s01, as the server knows them
    await registerComplaint(desk.page, '话费里多了一项没订过的业务');
    await syncState(desk.page, /^已同步/);
    const root = `Basic ${Buffer.from('root:root secret').toString('base64')}`;
    const docs = await (await fetch(`${server.url}/tousu-bj/_all_docs?include_docs=true`, { headers: { authorization: root } })).json();
    const registered = docs.rows.map((r) => r.doc).filter((d) => d.type === 'register');
    assert.deepEqual(registered.map((d) => d.actor), ['s01']);
    await desk.context.close();
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
