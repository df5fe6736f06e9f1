// WebKit (WebKitGTK's MiniBrowser, Debian's webkit2gtk-driver) over plain W3C WebDriver HTTP, in
// a private Xvfb display. WebDriver classic cannot run a script before the page's own, and its
// keyboard cannot compose: text goes in as committed text (element send keys).
import fs from 'node:fs';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { VIEWPORT, sleep } from '../browser.js';

const driverPath = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
const miniBrowser = process.env.WEBKIT_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const xvfbPath = '/usr/bin/Xvfb';

export const canPreload = false;  // WebDriver classic runs no script before the page's own
export const available = () => [driverPath, miniBrowser, xvfbPath].every((f) => fs.existsSync(f));

// W3C key codes for the named keys the journeys press.
const KEYS = { Enter: '\uE007', Escape: '\uE00C', Tab: '\uE004', Backspace: '\uE003', Delete: '\uE017',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Home: '\uE011',
  End: '\uE010', Control: '\uE009', Shift: '\uE008', Alt: '\uE00A', Meta: '\uE03D' };
const key = (name) => KEYS[name] ?? name;

// Xvfb on the first free display it finds; resolves with ":N" once it listens.
function startXvfb() {
  const proc = spawn(xvfbPath, ['-displayfd', '3', '-screen', '0', '1600x1000x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    proc.stdio[3].once('data', (d) => resolve({ proc, display: `:${String(d).trim()}` }));
    proc.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
}

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

async function startDriver(display) {
  const port = await freePort();
  const proc = spawn(driverPath, [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: display, LIBGL_ALWAYS_SOFTWARE: '1' } });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; ++i) {
    if (await fetch(`${base}/status`).then((r) => r.ok, () => false)) return { proc, base };
    await sleep(50);
  }
  proc.kill();
  throw new Error('WebKitWebDriver did not start');
}

export async function launch() {
  const xvfb = await startXvfb();
  const driver = await startDriver(xvfb.display);
  const call = async (method, path, body) => {
    const res = await fetch(driver.base + path, { method, headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await res.json();
    if (json.value && json.value.error) throw new Error(`WebDriver ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  const sessions = new Set();
  let version = '';
  return {
    get version() { return version; },
    async newPage() {
      const started = await call('POST', '/session', { capabilities: { alwaysMatch: {
        'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] } } } });
      version = started.capabilities.browserVersion;
      const s = `/session/${started.sessionId}`;
      sessions.add(s);
      await call('POST', `${s}/timeouts`, { script: 60000, pageLoad: 60000 });
      const actions = (list) => call('POST', `${s}/actions`, { actions: list });
      const pointer = (steps) => actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: steps }]);
      const moveTo = (x, y) => ({ type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) });
      const keyActions = (steps) => actions([{ type: 'key', id: 'keyboard', actions: steps }]);
      const page = {
        async evaluate(fn, arg) {
          const got = await call('POST', `${s}/execute/async`, { args: [{ src: fn.toString(), arg: arg ?? null }], script: `
            const done = arguments[arguments.length - 1], f = (0, eval)('(' + arguments[0].src + ')');
            Promise.resolve().then(() => f(arguments[0].arg))
              .then((v) => done({ v: v === undefined ? null : v }), (e) => done({ e: String(e && e.stack || e) }));` });
          if (got.e) throw new Error(got.e);
          return got.v;
        },
        mouse: {
          move: (x, y) => pointer([moveTo(x, y)]),
          click: (x, y) => pointer([moveTo(x, y), { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }]),
        },
        keyboard: {
          type: (text) => keyActions([...text].flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }])),
          async insertText(text) {
            const active = await call('GET', `${s}/element/active`);
            await call('POST', `${s}/element/${Object.values(active)[0]}/value`, { text });
          },
          press(chord) {
            const parts = chord.split('+').map(key);
            return keyActions([...parts.map((value) => ({ type: 'keyDown', value })),
              ...parts.reverse().map((value) => ({ type: 'keyUp', value }))]);
          },
        },
        goto: (url) => call('POST', `${s}/url`, { url }),
        reload: () => call('POST', `${s}/refresh`, {}),
        async screenshot(file) { fs.writeFileSync(file, Buffer.from(await call('GET', `${s}/screenshot`), 'base64')); },
        async close() { sessions.delete(s); await call('DELETE', s).catch(() => {}); },
      };
      // The window's chrome is outside the viewport: size the window so the viewport is VIEWPORT.
      const inner = await page.evaluate(() => [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]);
      await call('POST', `${s}/window/rect`, { width: VIEWPORT.width + inner[0], height: VIEWPORT.height + inner[1] });
      return page;
    },
    async close() {
      for (const s of sessions) await call('DELETE', s).catch(() => {});
      driver.proc.kill();
      xvfb.proc.kill();
    },
  };
}
