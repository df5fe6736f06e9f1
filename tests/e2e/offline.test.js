// Offline use in real Chromium: once opened, the desk starts with the network off and keeps what is
// registered there; a new build is fetched in the background, offered, and switched to whole
// (one cache per build: never old js with new wasm).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, waitReady, click, waitForAny, webDir } from './browser.js';
import { serve } from '../../shell/serve.mjs';
import { registerComplaint } from './desk_steps.js';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const saved = (page) => page.waitForFunction(() => window.tousu.saveState === 'saved', null, { timeout: 10000 });
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null,
  null, { timeout: 20000 });
const cacheNames = (page) => page.evaluate(() => caches.keys());

test('with the network off the desk starts, registers a complaint and keeps it', async () => {
  const { context, page, errors } = await openApp(env);
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  const number = (await registerComplaint(page, '断网期间登记的投诉：宽带无法上网')).label;
  assert.ok(number);
  await saved(page);
  await page.reload();
  await waitReady(page);
  await click(page, 'case_list');
  await waitForAny(page, (w) => w.id.startsWith('case_TS-'));
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test('a new build is found in the background, offered, and applied whole', async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-site-'));
  fs.cpSync(webDir, site, { recursive: true });
  const { server, url } = await serve(site, 0);
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await waitReady(page);
    await controlled(page);
    const first = await cacheNames(page);
    assert.equal(first.length, 1);
    // A new build: another version in the worker (as a rebuild with changed files would write).
    const sw = path.join(site, 'sw.js');
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = '[^']*'/, "const VERSION = 'e2e-next'"));
    await page.reload();
    await waitReady(page);
    await page.waitForFunction(() => window.tousu.updateReady === true, null, { timeout: 20000 });
    assert.equal(await page.isVisible('#update'), true);
    await page.click('#update-reload');
    await page.waitForFunction(() => window.tousu && window.tousu.ready === true && !window.tousu.updateReady, null, { timeout: 30000 });
    await page.waitForFunction(async () => (await caches.keys()).join() === 'tousu-e2e-next', null, { timeout: 10000 });
  } finally {
    await context.close();
    server.close();
    fs.rmSync(site, { recursive: true, force: true });
  }
});
