// The phone complaint the desk is for, timed in interactions: register, confirm and dispatch with the
// mouse (a click or a typed text each count one) and with the keyboard alone (every key pressed
// counts one, a typed text one). Reported as diagnostics; the goals (#31) are asserted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, click, frames, widgets, waitForWidget } from './browser.js';
import { typeInto } from './desk_steps.js';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const CONTENT = '家里宽带断网两天了，光猫灯一直闪红';

// The complaint reached 已分派: its next step, the investigation, is offered and has the focus.
const dispatched = (page) => waitForWidget(page, 'investigate', (w) => w.focused === true);

test('register, confirm and dispatch a phone complaint in at most 12 mouse interactions', async (t) => {
  const { context, page, errors } = await openApp(env);
  let interactions = 0;
  const clickOn = async (id) => { await click(page, id); ++interactions; };
  const type = async (id, text) => { await typeInto(page, id, text); interactions += 2; }; // its click, its text
  await clickOn('new_case');
  await type('customer_name', '钱明');
  await type('customer_phone', '13812345678');
  await type('content', CONTENT);
  await waitForWidget(page, 'person', (w) => w.value === 's03'); // suggested, nothing to choose
  await clickOn('save_dispatch');
  await dispatched(page);
  t.diagnostic(`fast path with the mouse: ${interactions} interactions`);
  assert.ok(interactions <= 12, `${interactions} interactions`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('register, confirm and dispatch a phone complaint with the keyboard alone in at most 20 keys', async (t) => {
  const { context, page, errors } = await openApp(env);
  let keys = 0, texts = 0;
  const press = async (key) => { await page.keyboard.press(key); ++keys; await frames(page, 2); };
  const typeHere = async (id, text) => {
    await waitForWidget(page, id, (w) => w.focused === true);
    // Text goes to the IME field the desk focuses once the field is active, a frame after Tab may
    // report the focus: typed before that (a slow frame under load) it would land on the page.
    await frames(page, 2);
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'ime');
    await page.keyboard.insertText(text);
    await waitForWidget(page, id, (w) => w.value === text);
    ++texts;
  };
  await press('Alt+N');
  await typeHere('customer_name', '孙丽');
  await press('Tab');
  await typeHere('customer_phone', '13812345679');
  await press('Tab'); // account
  await press('Tab'); // contact method
  await press('Tab');
  await typeHere('content', CONTENT);
  const focused = async () => ((await widgets(page)).find((w) => w.focused) || {}).id;
  while ((await focused()) !== 'save_dispatch' && keys < 30) await press('Tab');
  await press('Enter');
  await dispatched(page);
  t.diagnostic(`fast path with the keyboard: ${keys} keys and ${texts} typed texts`);
  assert.ok(keys <= 20, `${keys} keys`);
  assert.deepEqual(errors, []);
  await context.close();
});
