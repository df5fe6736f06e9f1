// What the page shows when the app cannot run: a readable message in Chinese and English,
// never a blank canvas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.js';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

async function fatalText(page) {
  await page.waitForSelector('#fatal:not([hidden])', { timeout: 15000 });
  return page.evaluate(() => ({
    zh: document.getElementById('fatal-zh').textContent,
    en: document.getElementById('fatal-en').textContent,
    loadingHidden: document.getElementById('loading').hidden,
  }));
}

test('without WebGL2 the page says so in Chinese and English', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : get.call(this, type, ...rest);
    };
  });
  const page = await context.newPage();
  await page.goto(env.url);
  const t = await fatalText(page);
  assert.match(t.zh, /WebGL 2/);
  assert.match(t.en, /WebGL 2 graphics are unavailable/);
  assert.ok(t.loadingHidden);
  await context.close();
});

test('a browser whose WebAssembly lacks bulk memory is told it is too old', async () => {
  const context = await env.browser.newContext();
  // What Firefox 78 or Safari 14 answer: a module with memory.copy (0xfc 0x0a) does not validate.
  await context.addInitScript(() => {
    const validate = WebAssembly.validate;
    WebAssembly.validate = (bytes) =>
      !new Uint8Array(bytes).some((b, i, all) => b === 0xfc && all[i + 1] === 0x0a) && validate(bytes);
  });
  const page = await context.newPage();
  await page.goto(env.url);
  const t = await fatalText(page);
  assert.match(t.zh, /浏览器版本过旧/);
  assert.match(t.en, /This browser is too old/);
  await context.close();
});

test('a wasm file that fails to load gives a message, not a blank page', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.route('**/tousu.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(env.url);
  const t = await fatalText(page);
  assert.match(t.zh, /加载应用文件失败/);
  assert.match(t.en, /Could not load the application files/);
  await context.close();
});

test('a corrupt wasm file gives the same message', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.route('**/tousu.wasm', (route) =>
    route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm at all') }));
  await page.goto(env.url);
  const t = await fatalText(page);
  assert.match(t.en, /Could not load/);
  await context.close();
});

test('without IndexedDB the app still starts and says nothing will be kept', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { value: undefined }); });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.waitForFunction(() => window.tousu && window.tousu.ready === true, null, { timeout: 30000 });
  const banner = await page.textContent('#no-storage');
  assert.match(banner, /数据不会保留/);
  assert.match(banner, /nothing will be kept/);
  await context.close();
});
