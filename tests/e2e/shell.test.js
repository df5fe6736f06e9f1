// The web app shell in real headless Chromium: start-up, automation contract, language switch,
// text input (keys, inserted text, IME composition), clipboard, HiDPI, touch, cursor, idle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, widgets, widget, click, frames, sleep, waitForValue, waitForLabel, waitForWidget } from './browser.js';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

async function clearAndFocus(page, id) {
  await click(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await frames(page, 2);
}

test('the app becomes ready with no console errors', async () => {
  const { context, errors } = await openApp(env);
  assert.deepEqual(errors, []);
  await context.close();
});

test('widgets() lists the menu destinations with stable ids and CSS-pixel rectangles', async () => {
  const { context, page } = await openApp(env);
  const list = await widgets(page);
  for (const id of ['work_queue', 'case_list', 'new_case', 'lang_toggle', 'search']) {
    const w = list.find((x) => x.id === id);
    assert.ok(w, `missing ${id}`);
    assert.ok(w.w > 0 && w.h > 0 && w.x >= 0 && w.y >= 0 && w.x + w.w <= 1280 && w.y + w.h <= 800, `${id} rect`);
    assert.ok(w.label.endsWith(`##${id}`));
    assert.equal(typeof w.window, 'string');
  }
  assert.equal(list.find((x) => x.id === 'new_case').label, '新建投诉##new_case');
  assert.equal(list.find((x) => x.id === 'search').value, '');
  await context.close();
});

test('the language switch changes labels but not ids', async () => {
  const { context, page } = await openApp(env);
  const idsBefore = (await widgets(page)).map((w) => w.id).sort();
  await click(page, 'lang_toggle');
  await waitForLabel(page, 'new_case', 'New complaint##new_case');
  const after = await widgets(page);
  assert.equal(after.find((w) => w.id === 'new_case').label, 'New complaint##new_case');
  assert.equal(after.find((w) => w.id === 'lang_toggle').label, '中文##lang_toggle');
  assert.deepEqual(after.map((w) => w.id).sort(), idsBefore);
  await click(page, 'lang_toggle');
  assert.equal(await waitForLabel(page, 'new_case', '新建投诉##new_case'), '新建投诉##new_case');
  await context.close();
});

test('ASCII typed with key events lands in a text field', async () => {
  const { context, page } = await openApp(env);
  await click(page, 'search');
  await page.keyboard.type('Broadband 4G-123');
  assert.equal(await waitForValue(page, 'search', 'Broadband 4G-123'), 'Broadband 4G-123');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Delete');
  assert.equal(await waitForValue(page, 'search', 'Broadband 4G-1'), 'Broadband 4G-1');
  await context.close();
});

test('Chinese text inserted as committed text lands in a text field', async () => {
  const { context, page } = await openApp(env);
  await click(page, 'search');
  await page.keyboard.insertText('宽带经常掉线');
  assert.equal(await waitForValue(page, 'search', '宽带经常掉线'), '宽带经常掉线');
  await context.close();
});

test('Chinese composed through real IME composition events lands once, without the pinyin', async () => {
  const { context, page } = await openApp(env);
  await page.evaluate(() => {
    window.imeLog = [];
    for (const t of ['compositionstart', 'compositionupdate', 'compositionend'])
      document.addEventListener(t, () => window.imeLog.push(t), true);
  });
  await click(page, 'search');
  await page.keyboard.type('A');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'kuan', selectionStart: 4, selectionEnd: 4 });
  await cdp.send('Input.imeSetComposition', { text: 'kuandai', selectionStart: 7, selectionEnd: 7 });
  assert.equal(await waitForValue(page, 'search', 'A', 'pre-edit text must not reach the field'), 'A', 'pre-edit text must not reach the field');
  await cdp.send('Input.insertText', { text: '宽带' });
  assert.equal(await waitForValue(page, 'search', 'A宽带'), 'A宽带');
  const log = await page.evaluate(() => window.imeLog);
  assert.equal(log[0], 'compositionstart');
  assert.ok(log.includes('compositionupdate'));
  assert.equal(log.at(-1), 'compositionend');
  await context.close();
});

test('copy and paste go through the system clipboard', async () => {
  const { context, page } = await openApp(env);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await click(page, 'search');
  await page.keyboard.insertText('复制 copy 123');
  await waitForValue(page, 'search', '复制 copy 123');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '复制 copy 123');

  await page.evaluate(() => navigator.clipboard.writeText('粘贴 paste'));
  await clearAndFocus(page, 'search');
  assert.equal(await waitForValue(page, 'search', ''), '');
  await page.keyboard.press('Control+V');
  assert.equal(await waitForValue(page, 'search', '粘贴 paste'), '粘贴 paste');

  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+X');
  assert.equal(await waitForValue(page, 'search', ''), '');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '粘贴 paste');
  await context.close();
});

test('Ctrl+F puts the keyboard focus into the search field', async () => {
  const { context, page } = await openApp(env);
  await page.mouse.click(600, 400);
  await frames(page, 2);
  await page.keyboard.press('Control+F');
  await frames(page, 3);
  await page.keyboard.type('x');
  assert.equal(await waitForValue(page, 'search', 'x'), 'x');
  await context.close();
});

test('at devicePixelRatio 2 the canvas backing store is twice its CSS size, and follows resizes', async () => {
  const { context, page } = await openApp(env, { deviceScaleFactor: 2 });
  const size = () => page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: devicePixelRatio };
  });
  let s = await size();
  assert.equal(s.dpr, 2);
  assert.equal(s.w, s.cssW * 2);
  assert.equal(s.h, s.cssH * 2);
  await page.setViewportSize({ width: 900, height: 600 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1800);
  s = await size();
  assert.equal(s.h, 1200);
  // Layout stays in CSS pixels: the language switch hugs the new right edge.
  await frames(page, 2);
  const toggle = await widget(page, 'lang_toggle');
  assert.ok(toggle.x + toggle.w <= 900 && toggle.x + toggle.w > 800, JSON.stringify(toggle));
  await context.close();
});

test('a touch tap lands where it is made', async () => {
  const { context, page } = await openApp(env, { hasTouch: true });
  const w = await widget(page, 'lang_toggle');
  await page.touchscreen.tap(w.x + w.w / 2, w.y + w.h / 2);
  assert.equal(await waitForLabel(page, 'new_case', 'New complaint##new_case'), 'New complaint##new_case');
  await context.close();
});

// A finger drag as Chromium reports one: touchstart, moves a few pixels apart, touchend.
async function swipe(page, x, fromY, toY) {
  const cdp = await page.context().newCDPSession(page);
  const point = (y) => [{ x, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(fromY) });
  const steps = 12;
  for (let i = 1; i <= steps; ++i) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(fromY + ((toY - fromY) * i) / steps) });
    await sleep(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('a swipe scrolls a page taller than the screen, presses nothing, and glides on after the finger lifts', async () => {
  const { context, page } = await openApp(env, { hasTouch: true, viewport: { width: 768, height: 420 } });
  const tab = await widget(page, 'new_case');
  await page.touchscreen.tap(tab.x + tab.w / 2, tab.y + tab.h / 2);
  const before = await waitForWidget(page, 'contact_method', () => true);
  const focusedIds = async () => (await widgets(page)).filter((w) => w.focused).map((w) => w.id);
  const focusBefore = await focusedIds();
  await swipe(page, 400, 380, 230);   // 150 px up, over the form's fields
  await frames(page, 3);
  const moved = await waitForWidget(page, 'contact_method', (w) => w.y < before.y - 100);
  await sleep(500);   // the glide
  const settled = await widget(page, 'contact_method');
  assert.ok(settled.y <= moved.y, `glides on or stays: ${moved.y} then ${settled.y}`);
  assert.deepEqual(await focusedIds(), focusBefore, 'the fields the finger crossed were not pressed');
  await context.close();
});

test('the mouse cursor becomes an I-beam over a text field', async () => {
  const { context, page } = await openApp(env);
  const w = await widget(page, 'search');
  await page.mouse.move(w.x + 40, w.y + w.h / 2);
  await frames(page, 2);
  assert.equal(await page.evaluate(() => document.getElementById('canvas').style.cursor), 'text');
  await page.mouse.move(600, 400);
  await frames(page, 2);
  assert.equal(await page.evaluate(() => document.getElementById('canvas').style.cursor), 'default');
  await context.close();
});

test('no frames are rendered while idle, and input wakes the app', async () => {
  const { context, page } = await openApp(env);
  await page.waitForTimeout(1000);   // let the post-input settle frames and the tooltip timer pass
  const before = await page.evaluate(() => window.tousu.frames());
  await page.waitForTimeout(2000);
  const idle = (await page.evaluate(() => window.tousu.frames())) - before;
  assert.equal(idle, 0, `rendered ${idle} frames in 2 s of idle`);
  await page.mouse.move(300, 300);
  await frames(page, 1);
  assert.ok((await page.evaluate(() => window.tousu.frames())) > before);
  await context.close();
});
