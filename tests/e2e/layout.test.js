// Every screen at the widths staff use (a 768 px tablet, 1024, 1366 and 1920 px), in Chinese and in
// English: no two controls drawn over each other, none outside the page or cut by its column. A
// screenshot of each screen with a problem goes to build/e2e-screens/layout/ (of every screen with
// TOUSU_LAYOUT_SHOTS=1: 64 screenshots take about a minute of CI).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, widgets, click, frames, waitForWidget, repoDir } from './browser.js';
import { registerComplaint } from './desk_steps.js';

const SIZES = [[768, 1024], [1024, 600], [1366, 768], [1920, 1080]];
const SCREENS = ['work_queue', 'case_list', 'case_detail', 'new_case', 'follow_ups', 'dashboard', 'suggestions',
  'settings'];
const shots = path.join(repoDir, 'build/e2e-screens/layout');

let env;
before(async () => { env = await launch(); fs.mkdirSync(shots, { recursive: true }); });
after(async () => { await env.close(); });

// A destination of the menu bar, from the bar or from 更多 where it folded away.
async function goTo(page, id) {
  if (!(await widgets(page)).some((w) => w.id === id)) await click(page, 'more');
  await click(page, id);
}

async function show(page, screen) {
  if (screen !== 'case_detail') return goTo(page, screen);
  await goTo(page, 'case_list');
  const row = await waitForWidget(page, (await widgets(page)).find((w) => w.id.startsWith('case_TS-'))?.id ?? 'none',
    () => true);
  await page.mouse.click(row.x + 10, row.y + row.h / 2);
  await waitForWidget(page, 'confirm', () => true);
}

// Pairs of controls that overlap by more than a pixel each way. A control lying wholly inside a much
// wider one is a table row and its cells, and is not counted.
function overlaps(list) {
  const found = [];
  const area = (w) => w.w * w.h;
  for (let i = 0; i < list.length; ++i) {
    for (let j = i + 1; j < list.length; ++j) {
      const [a, b] = area(list[i]) >= area(list[j]) ? [list[i], list[j]] : [list[j], list[i]];
      if (a.window !== b.window) continue;
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (dx <= 1 || dy <= 1) continue;
      const inside = b.x >= a.x - 1 && b.y >= a.y - 1 && b.x + b.w <= a.x + a.w + 1 && b.y + b.h <= a.y + a.h + 1;
      if (inside && a.w >= 3 * b.w) continue;
      found.push(`${a.id} × ${b.id}`);
    }
  }
  return found;
}

test('every screen at 768, 1024, 1366 and 1920 px, in Chinese and English, has nothing drawn over anything else', async () => {
  const { context, page, errors } = await openApp(env);
  await registerComplaint(page);
  const problems = [];
  let current = 'zh';
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await frames(page, 3);
    for (const lang of ['zh', 'en']) {
      if (lang !== current) await goTo(page, 'lang_toggle');
      current = lang;
      for (const screen of SCREENS) {
        await show(page, screen);
        await frames(page, 3);
        const list = (await widgets(page)).filter((w) => w.w > 0 && w.h > 0);
        const where = `${width} ${lang} ${screen}`;
        const before = problems.length;
        for (const pair of overlaps(list)) problems.push(`${where}: ${pair}`);
        for (const w of list) {
          if (w.x < -1 || w.x + w.w > width + 1) problems.push(`${where}: ${w.id} outside the page`);
          if (w.cut) problems.push(`${where}: ${w.id || w.label} cut at a side`);
        }
        if (problems.length > before || process.env.TOUSU_LAYOUT_SHOTS === '1') {
          await page.screenshot({ path: path.join(shots, `${width}-${lang}-${screen}.png`) });
        }
      }
    }
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in a short window (1024×480) the intake save buttons stay in sight, a returning customer\'s history and all', async () => {
  const { context, page, errors } = await openApp(env);
  await registerComplaint(page);
  await page.setViewportSize({ width: 1024, height: 480 });
  await goTo(page, 'new_case');
  await click(page, 'customer_phone');
  await page.keyboard.type('13800138000');
  await waitForWidget(page, 'customer_history', () => true);
  await frames(page, 3);
  for (const id of ['save_case', 'save_confirm', 'save_dispatch']) {
    const w = (await widgets(page)).find((x) => x.id === id);
    assert.ok(w && w.y >= 0 && w.y + w.h <= 480, `${id} at ${JSON.stringify(w)}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
