// The desk in real headless Chromium, driven like a person through widgets() and real input:
// register a complaint typed in Chinese, walk it through every step to archive, find it again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, widgets, click, frames, waitForWidget, waitForAny } from './browser.js';
import { typeInto, choose, registerComplaint } from './desk_steps.js';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const ids = async (page) => (await widgets(page)).map((w) => w.id);

// Clicks an action, fills its text field (if any) and submits; waits for the next action's button.
async function act(page, actionId, { text, field, before: prepare } = {}, next) {
  await click(page, actionId);
  await waitForWidget(page, 'submit', () => true);
  if (prepare) await prepare();
  if (text) await typeInto(page, field, text);
  await click(page, 'submit');
  if (next) {
    await waitForWidget(page, next, () => true).catch(async (e) => {
      await page.screenshot({ path: `/tmp/tousu-failed-${actionId}.png` });
      throw e;
    });
  }
}

test('a complaint typed in Chinese is registered and walked through every step to archive', async () => {
  const { context, page, errors } = await openApp(env);
  await registerComplaint(page);
  let present = await ids(page);
  assert.ok(!present.includes('archive') && !present.includes('dispatch'), 'only allowed actions are offered');

  await act(page, 'confirm', {}, 'dispatch'); // confirming also classifies, as registered
  await act(page, 'dispatch', {
    before: async () => {
      await choose(page, 'department', 'department_network');
      await choose(page, 'person', 'person_s03');
    },
  }, 'investigate');
  await act(page, 'investigate', { field: 'form_note', text: '已联系客户，安排上门检测' }, 'solution');
  await act(page, 'solution', { field: 'form_solution', text: '更换光猫' }, 'implement');
  await act(page, 'implement', { field: 'form_step', text: '已上门更换光猫' }, 'feedback');
  await act(page, 'feedback', { field: 'form_result', text: '网络已恢复，已电话告知客户' }, 'survey');
  await act(page, 'survey', { before: () => click(page, 'rating_5') }, 'archive');
  await act(page, 'archive', {}, 'follow_up');

  present = await ids(page);
  for (const id of ['follow_up', 'reopen']) assert.ok(present.includes(id), `${id} offered on an archived case`);
  for (const id of ['investigate', 'reassign', 'merge', 'archive']) assert.ok(!present.includes(id), `${id} not offered`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a missing name shows a field error in Chinese and nothing is saved', async () => {
  const { context, page } = await openApp(env);
  await click(page, 'new_case');
  await click(page, 'content');
  await page.keyboard.insertText('话费多扣了');
  await click(page, 'save_case');
  await frames(page, 3);
  assert.ok((await ids(page)).includes('save_case'), 'still on the intake form');
  await click(page, 'case_list');
  await waitForWidget(page, 'filter_state', () => true);
  assert.ok(!(await widgets(page)).some((w) => w.label.startsWith('TS-')), 'no case was registered');
  await context.close();
});

test('the list finds the case by a Chinese substring and by state, and opens it', async () => {
  const { context, page } = await openApp(env);
  await registerComplaint(page);
  await click(page, 'case_list');
  const row = await waitForAny(page, (w) => w.id.startsWith('case_TS-HQ-'));
  assert.match(row.label, /^TS-HQ-\d{8}-0001##case_/);
  await typeInto(page, 'search', '光猫指示');
  await waitForWidget(page, row.id, () => true);
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('不存在的内容');
  await waitForWidget(page, 'search', (w) => w.value === '不存在的内容');
  await frames(page, 3);
  assert.ok(!(await ids(page)).includes(row.id), 'a search with no match hides the row');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await choose(page, 'filter_state', 'filter_state_registered');
  // On the number, not the middle: a column border there is a resize handle.
  const current = await waitForWidget(page, row.id, () => true);
  await page.mouse.click(current.x + 30, current.y + current.h / 2);
  await waitForWidget(page, 'confirm', () => true);
  await context.close();
});

