// Settings in real Chromium: the office code an administrator types numbers the next complaint and
// outlives a reload, as do this desk's language and text size; a desk secured at its first start
// asks for the passphrase after a reload and locks when idle.
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

test('a first start secured with the administrator\'s passphrase asks for it after a reload; wrong entries wait; an idle desk locks', async () => {
  const { context, page, errors } = await openApp(env, {}, null, { firstStart: true });
  await waitForWidget(page, 'first_start_single', () => true);
  assert.equal((await page.evaluate(() => window.tousu.widgets())).some((w) => w.id === 'new_case'), false);
  const passphrase = 'desk-admin-2026';
  const stars = '*'.repeat(passphrase.length); // a password field reports only its length
  await typeInto(page, 'first_start_passphrase', passphrase, stars);
  await typeInto(page, 'first_start_confirm', passphrase, stars);
  await click(page, 'first_start_secure');
  await waitForWidget(page, 'new_case', () => true);
  await saved(page);

  await page.reload();
  await waitReady(page);
  await waitForWidget(page, 'pin_entry', () => true);
  assert.equal((await page.evaluate(() => window.tousu.widgets())).some((w) => w.id === 'new_case'), false);
  await typeInto(page, 'pin_entry', 'not-the-passphrase', '*'.repeat(18));
  await page.keyboard.press('Enter');
  await waitForWidget(page, 'sign_in_wait', () => true);          // wrong: a second's wait, counted down
  await page.waitForFunction(() => !window.tousu.widgets().some((w) => w.id === 'sign_in_wait'), null, { timeout: 5000 });
  await typeInto(page, 'pin_entry', passphrase, stars);
  await page.keyboard.press('Enter');
  await waitForWidget(page, 'new_case', () => true);

  // Left for the idle time (15 minutes) with a half-typed complaint: locked, and the draft is gone.
  await click(page, 'new_case');
  await typeInto(page, 'customer_name', '赵雷');
  await page.waitForFunction(() => (sessionStorage.getItem('tousu.intake_draft') ?? '').includes('赵雷'), null, { timeout: 5000 });
  await page.clock.setFixedTime(Date.now() + 16 * 60 * 1000);
  await page.mouse.move(300, 300);
  await waitForWidget(page, 'pin_entry', () => true);
  assert.equal((await page.evaluate(() => window.tousu.widgets())).some((w) => w.id === 'customer_name'), false);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('tousu.intake_draft') ?? ''), '');
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
