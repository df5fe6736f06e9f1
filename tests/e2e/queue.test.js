// The work queue in real Chromium: the landing screen counts what needs attention, its tiles list
// those cases, a row opens the case; the person signed in is remembered across a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, waitReady, click, waitForWidget, waitForAny, widgets } from './browser.js';
import { registerComplaint } from './desk_steps.js';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const saved = (page) => page.waitForFunction(() => window.tousu.saveState === 'saved', null, { timeout: 10000 });

test('the work queue lists an unassigned complaint and opens it', async () => {
  const { context, page, errors } = await openApp(env);
  await registerComplaint(page, '宽带每天晚上掉线三四次');
  await click(page, 'work_queue');
  await waitForWidget(page, 'queue_unassigned', (w) => /\n1##/.test(w.label));
  await click(page, 'queue_unassigned');
  await waitForAny(page, (w) => w.id.startsWith('case_TS-HQ-'));
  const rows = (await widgets(page)).filter((w) => w.id.startsWith('case_TS-HQ-'));
  assert.equal(rows.length, 1);
  // On the number, not the middle: a column border there is a resize handle.
  await page.mouse.click(rows[0].x + 30, rows[0].y + rows[0].h / 2);
  await waitForWidget(page, 'confirm', () => true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('signing in as another person changes the menu and survives a reload', async () => {
  const { context, page, errors } = await openApp(env);
  await waitForWidget(page, 'user', (w) => w.label.startsWith('吴婷'));
  await click(page, 'user');
  await click(page, 'signin_s01');
  await waitForWidget(page, 'user', (w) => w.label === '王芳 · 受理员##user');
  await saved(page);
  await page.reload();
  await waitReady(page);
  await waitForWidget(page, 'user', (w) => w.label === '王芳 · 受理员##user');
  assert.deepEqual(errors, []);
  await context.close();
});
