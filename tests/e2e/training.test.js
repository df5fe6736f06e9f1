// Training in real Chromium: a shipped scenario runs in its own database at 3600× to the checkpoint
// where a complaint must show as overdue, and after leaving, the office's own data is as it was —
// in the desk and in IndexedDB after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, waitReady, click, waitForWidget, waitForAny, widgets, frames, storedCounter } from './browser.js';
import { registerComplaint } from './desk_steps.js';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const saved = (page) => page.waitForFunction(() => window.tousu.saveState === 'saved', null, { timeout: 10000 });
const caseRows = async (page) => (await widgets(page)).filter((w) => w.id.startsWith('case_TS-')).map((w) => w.id);

test('a scenario plays at 3600x to its overdue checkpoint and leaves the office data untouched', async () => {
  const { context, page, errors } = await openApp(env);
  await registerComplaint(page, '正式数据：家里宽带断网');
  await saved(page);
  await click(page, 'case_list');
  const before = await caseRows(page);
  assert.equal(before.length, 1);
  const commitsBefore = await storedCounter(page);
  assert.ok(commitsBefore > 0);

  await click(page, 'training');
  await click(page, 'scenario_network-outage');
  await waitForWidget(page, 'training_banner', (w) => w.label.includes('2026-07-14 08:00'));
  await waitForAny(page, (w) => w.id === 'case_TS-TR01-20260714-0001');
  // At 3600× the clock runs to the trainer's pause (08:10), then on to the first checkpoint (08:35);
  // the night is skipped stop by stop, to the checkpoint of 07-15 08:05 where 投诉 B must be overdue.
  await click(page, 'training_play_3600');
  await waitForWidget(page, 'training_note', () => true);
  await waitForWidget(page, 'training_banner', (w) => w.label.includes('2026-07-14 08:10'));
  await click(page, 'training_play_3600');
  await waitForWidget(page, 'training_check', (w) => /^✓/.test(w.label));
  await waitForWidget(page, 'training_banner', (w) => w.label.includes('2026-07-14 08:35'));
  await click(page, 'training_next');
  await waitForWidget(page, 'training_banner', (w) => w.label.includes('2026-07-15 04:00'));
  await click(page, 'training_next');
  const check = await waitForWidget(page, 'training_check', () => true);
  assert.match(check.label, /^✓/);
  await waitForWidget(page, 'training_banner', (w) => w.label.includes('2026-07-15 08:05'));
  await page.screenshot({ path: '/tmp/tousu-training.png' });

  await click(page, 'training_leave');
  await click(page, 'case_list');
  await frames(page, 3);
  assert.deepEqual(await caseRows(page), before);
  assert.equal(await storedCounter(page), commitsBefore);   // nothing of the training reached IndexedDB
  await page.reload();
  await waitReady(page);
  await click(page, 'case_list');
  await waitForAny(page, (w) => w.id.startsWith('case_TS-'));
  assert.deepEqual(await caseRows(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});
