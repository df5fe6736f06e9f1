// The browser-test driver: serves build/web, launches Debian's Chromium headless through
// playwright-core, and offers the few steps every journey needs (ready, widgets, click by id, type).
// Tests use only real input events and window.tousu.widgets(); they never call into the app.
// The steps below use only page.evaluate(fn, arg) and page.mouse, so they drive the other engines'
// adapters (engines/) as well as a playwright page.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../shell/serve.mjs';

export { chromium };   // for the benchmarks, which drive the desk the same way

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoDir = path.resolve(here, '../..');
export const webDir = process.env.TOUSU_WEB_DIR || path.resolve(here, '../../build/web');

export const VIEWPORT = { width: 1280, height: 800 };
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-renderer-backgrounding', '--disable-background-timer-throttling'];

export async function launch() {
  const { server, url } = await serve(webDir, 0);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    url, browser,
    async close() { await browser.close(); server.close(); },
  };
}

// A browser on a profile directory that outlives it: what a person's browser keeps between runs.
// Pass the `port` of an earlier run to come back to the same origin (IndexedDB is per origin).
export async function launchPersistent(userDataDir, port = 0) {
  const { server, url } = await serveAgainOn(port);
  // A browser killed with the profile open leaves its singleton lock naming its process id; once a
  // busy machine has given that id to another process, Chromium can take the profile for in use.
  for (const lock of ['SingletonLock', 'SingletonSocket', 'SingletonCookie'])
    fs.rmSync(path.join(userDataDir, lock), { force: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: VIEWPORT,
  });
  return {
    url, port: server.address().port, context,
    async close() {
      try {
        await context.close();   // fails when the browser was killed
      } finally {
        server.close();
        server.closeAllConnections();
      }
    },
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The site on `port`, or on a new port a later launch can come back to. New ports are taken below
// the range the system hands out for outgoing connections (32768 and up on Linux): a connection
// made between two launches could otherwise take the port. Coming back, a port still held for a
// moment by the previous server is tried again for 5 s.
async function serveAgainOn(port) {
  for (let attempt = 0; ; ++attempt) {
    try {
      return await serve(webDir, port || 20000 + Math.floor(Math.random() * 12000));
    } catch (e) {
      if (e.code !== 'EADDRINUSE' || attempt >= 50) throw e;
      await sleep(100);
    }
  }
}

// Waits until `fn(arg)`, run in the page every 10 ms, returns something truthy, and returns it; fails
// after `timeout` ms. The loop runs in the page (one round trip, whatever the engine); a navigation
// under way interrupts it, and it starts again in the new document.
export async function poll(page, fn, arg, timeout = 10000, what = 'condition') {
  const until = Date.now() + timeout;
  for (;;) {
    const left = until - Date.now();
    const v = await page.evaluate(async ({ src, arg, left }) => {
      const f = (0, eval)(`(${src})`);
      const end = performance.now() + left;
      for (;;) {
        const got = await f(arg);
        if (got || performance.now() > end) return got;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }, { src: fn.toString(), arg, left: Math.max(0, left) }).catch(() => undefined);
    if (v) return v;
    if (Date.now() >= until) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(50);
  }
}

// Waits for window.tousu.ready, then past a first start's question (README, "Signing in"): the tests'
// desks are single-person desks unless a test answers it itself ({ firstStart: true }).
export async function waitReady(page, { firstStart = false, timeout = 30000 } = {}) {
  await poll(page, () => window.tousu && window.tousu.ready === true, null, timeout, 'tousu.ready');
  if (firstStart) return;
  const shown = await poll(page, () => {
    const ids = window.tousu.widgets().map((w) => w.id);
    if (ids.includes('first_start_single')) return 'first start';
    return (ids.includes('user') || ids.includes('pin_entry')) && 'desk';
  }, null, 10000, 'the desk or its first start').catch(() => 'something else');
  if (shown !== 'first start') return;
  await click(page, 'first_start_single');
  await poll(page, () => !window.tousu.widgets().some((w) => w.id === 'first_start_single'), null, 10000,
    'the desk after its first start');
}

// Opens the app in a fresh context and waits for window.tousu.ready; collects console errors.
// `initScript` runs in the page before the app: to take away what an older browser lacks.
export async function openApp(env, contextOptions = {}, initScript = null, ready = {}) {
  const context = await env.browser.newContext({ viewport: VIEWPORT, ...contextOptions });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.url);
  await waitReady(page, ready);
  return { context, page, errors };
}

export const widgets = (page) => page.evaluate(() => window.tousu.widgets());

export async function widget(page, id, timeout = 10000) {
  const until = Date.now() + timeout;
  for (;;) {
    const w = (await widgets(page)).find((x) => x.id === id);
    if (w) return w;
    if (Date.now() > until) throw new Error(`no widget with id "${id}"`);
    await sleep(50);
  }
}

// Waits until at least `n` more frames have been rendered (input is processed on frames), or
// `timeout` ms when none come (the app draws only on input and change).
export async function frames(page, n = 2, timeout = 5000) {
  const start = await page.evaluate(() => window.tousu.frames());
  await poll(page, (s) => window.tousu.frames() >= s, start + n, timeout).catch(() => {});
}

export async function click(page, id) {
  const w = await widget(page, id);
  // Hover first, as a hand does: Dear ImGui's tabs take a press only on an item hovered the frame before.
  await page.mouse.move(w.x + w.w / 2, w.y + w.h / 2);
  await frames(page, 1, 300);   // no frame comes if the pointer was already there
  await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
  await frames(page, 2);
  return w;
}

export async function value(page, id) {
  return (await widget(page, id)).value;
}

// Polls the last frame's widgets until `check(widget)` holds for the widget `id`, or fails with
// what was last seen. Input is processed over a few frames, so assertions wait for it.
export async function waitForWidget(page, id, check, timeout = 10000) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    last = (await widgets(page)).find((x) => x.id === id);
    if (last && check(last)) return last;
    if (Date.now() > until) throw new Error(`widget "${id}" never matched; last seen: ${JSON.stringify(last)}`);
    await sleep(30);
  }
}

export const waitForValue = (page, id, expected) =>
  waitForWidget(page, id, (w) => w.value === expected).then((w) => w.value, () => value(page, id));
export const waitForLabel = (page, id, expected) =>
  waitForWidget(page, id, (w) => w.label === expected).then((w) => w.label, () => widget(page, id).then((w) => w.label));

// Polls until some widget of the last frame satisfies `check`; returns it.
export async function waitForAny(page, check, timeout = 10000) {
  const until = Date.now() + timeout;
  for (;;) {
    const found = (await widgets(page)).find(check);
    if (found) return found;
    if (Date.now() > until) throw new Error('no widget matched');
    await sleep(30);
  }
}

// The commit counter of the page store in IndexedDB (README, "In the browser").
export const storedCounter = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('tousu-main');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const get = open.result.transaction('meta').objectStore('meta').get('state');
    get.onsuccess = () => { resolve(get.result.counter); open.result.close(); };
    get.onerror = () => reject(get.error);
  };
}));

// The failing backend: while window.__failWrites is set, every write transaction to IndexedDB is
// aborted, as the browser does when the quota is exceeded or the disk fails.
export function failingIndexedDB() {
  const open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, ...rest) {
    const tx = open.call(this, stores, mode, ...rest);
    if (mode === 'readwrite' && window.__failWrites) queueMicrotask(() => tx.abort());
    return tx;
  };
}
