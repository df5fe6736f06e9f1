// Settings in real Chromium: the office code an administrator types numbers the next complaint and
// outlives a reload, as do this desk's language and text size; a PIN guards a profile after reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, waitReady, click, waitForWidget, waitForAny, frames } from './browser.js';
import { registerComplaint, typeInto, choose } from './desk_steps.js';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const saved = (page) => page.waitForFunction(() => window.tousu.saveState === 'saved', null, { timeout: 10000 });

async function retype(page, id, text) {
  await click(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await typeInto(page, id, text);
}

test('the office code set in settings numbers new complaints and the reminder goes away', async () => {
  const { context, page, errors } = await openApp(env);
  await click(page, 'office_set_now');
  await click(page, 'settings_office');
  await retype(page, 'office_code', 'GZ03');
  await retype(page, 'office_name', '广州三营');
  await click(page, 'office_save');
  await waitForWidget(page, 'settings_saved', () => true);
  await saved(page);
  await page.reload();
  await waitReady(page);
  await frames(page, 3);
  await registerComplaint(page);
  await click(page, 'case_list');
  await waitForAny(page, (w) => w.id.startsWith('case_TS-GZ03-'));
  assert.equal((await page.evaluate(() => window.tousu.widgets())).some((w) => w.id === 'office_set_now'), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('language and text size chosen in settings are kept after a reload', async () => {
  const { context, page, errors } = await openApp(env);
  await click(page, 'settings');
  const normal = await waitForWidget(page, 'new_case', () => true);
  await choose(page, 'settings_language', 'settings_language_en');
  await choose(page, 'font_size', 'font_size_20');
  await waitForWidget(page, 'settings', (w) => w.label === 'Settings##settings');
  const larger = await waitForWidget(page, 'new_case', (w) => w.h > normal.h);
  await saved(page);
  await page.reload();
  await waitReady(page);
  const after = await waitForWidget(page, 'new_case', (w) => w.label === 'New complaint##new_case');
  assert.ok(Math.abs(after.h - larger.h) < 1, `menu item height ${after.h}, was ${larger.h} before the reload`);
  await click(page, 'settings');
  await waitForWidget(page, 'font_size', (w) => w.value === '20');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a person with a PIN is asked for it after a reload before anything else is shown', async () => {
  const { context, page, errors } = await openApp(env);
  await click(page, 'settings');
  await click(page, 'my_pin');
  await page.keyboard.type('2580');
  await waitForWidget(page, 'my_pin', (w) => w.value === '****');   // a PIN field reports only its length
  await click(page, 'my_pin_save');
  await waitForWidget(page, 'settings_saved', () => true);
  await saved(page);
  await page.reload();
  await waitReady(page);
  await waitForWidget(page, 'pin_entry', () => true);
  assert.equal((await page.evaluate(() => window.tousu.widgets())).some((w) => w.id === 'new_case'), false);
  await click(page, 'pin_entry');
  await page.keyboard.type('1111');
  await page.keyboard.press('Enter');
  await waitForWidget(page, 'pin_entry', (w) => w.value === '');   // wrong: emptied, still asked
  await click(page, 'pin_entry');
  await page.keyboard.type('2580');
  await page.keyboard.press('Enter');
  await waitForWidget(page, 'new_case', () => true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a half-typed complaint comes back after a reload, is kept only in the tab, and is gone once registered', async () => {
  const { context, page, errors } = await openApp(env);
  await click(page, 'new_case');
  await typeInto(page, 'customer_name', '赵雷');
  await typeInto(page, 'content', '月租被多扣了二十元');
  const stored = () => page.evaluate(() => [sessionStorage.getItem('tousu.intake_draft'), localStorage.getItem('tousu.intake_draft')]);
  const [inTab, inBrowser] = await stored();
  assert.match(inTab ?? '', /赵雷/); // the tab's store, gone when the tab closes
  assert.equal(inBrowser, null);     // never the browser's, where a customer's name would outlive it
  await page.reload();
  await waitReady(page);
  await click(page, 'new_case');
  await waitForWidget(page, 'content', (w) => w.value === '月租被多扣了二十元');
  await waitForWidget(page, 'customer_name', (w) => w.value === '赵雷');
  await click(page, 'customer_phone');
  await page.keyboard.type('13912345678');
  await click(page, 'save_case');
  await waitForWidget(page, 'confirm', () => true);
  assert.deepEqual(await stored(), [null, null]);
  assert.deepEqual(errors, []);
  await context.close();
});
