// Crash consistency in real Chromium: the browser is killed (SIGKILL) at a random moment while
// complaints are being registered, or while a large import commits, round after round on one
// profile. Every restart must open the desk and hold every commit the page store had made durable
// before the kill (the IndexedDB commit counter never goes back; each complaint seen saved is
// found); an import is there whole or not at all. At the end the database, downloaded as a backup,
// passes `tousu-cli verify` (integrity_check, projections equal to a re-fold of the events).
// TOUSU_CRASH_ROUNDS (default 4) and TOUSU_CRASH_SEED replay a run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchPersistent, waitReady, click, waitForWidget, storedCounter, poll, sleep } from './browser.js';
import { typeInto, registerComplaint, pickImportFile } from './desk_steps.js';
import { runCli } from './cli.js';

const ROUNDS = Number(process.env.TOUSU_CRASH_ROUNDS || 4);
const SEED = Number(process.env.TOUSU_CRASH_SEED || Date.now() % 100000);

let tmp;
before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-crash-')); });
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

// A small deterministic generator, so a failing run can be replayed with its seed.
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

// SIGKILL to the browser process of this profile: no shutdown, no flush, as in a crash.
// True when a process was there to kill.
function kill(profile) {
  try {
    execFileSync('pkill', ['-KILL', '-f', '--', `--user-data-dir=${profile}`]);
    return true;
  } catch {
    return false;
  }
}

const isSaved = (page) => page.evaluate(() => window.tousu.saveState === 'saved');

async function countOf(page, query) {
  await click(page, 'case_list');
  await click(page, 'search');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await typeInto(page, 'search', query);
  return Number((await waitForWidget(page, 'list_count', (w) => /\d/.test(w.label))).label.match(/\d+/)[0]);
}

test('killed at random moments while committing, the desk restarts with every durable commit', async (t) => {
  t.diagnostic(`seed ${SEED}, ${ROUNDS} rounds (TOUSU_CRASH_SEED / TOUSU_CRASH_ROUNDS replay it)`);
  const rand = random(SEED);
  const profile = path.join(tmp, 'profile');
  let port = 0, durableCounter = 0;
  const durableComplaints = [];          // contents seen saved before a kill
  const imports = [];                    // { office, cases } started before a kill
  for (let round = 1; round <= ROUNDS; ++round) {
    const run = await launchPersistent(profile, port);
    port = run.port;
    const page = run.context.pages()[0] ?? await run.context.newPage();
    await page.goto(run.url);
    await waitReady(page);
    assert.equal(await page.evaluate(() => document.getElementById('fatal').hidden), true, `round ${round}: started`);
    assert.ok(await storedCounter(page) >= durableCounter, `round ${round}: the commit counter went back`);
    const registering = round % 2 === 1;
    const delay = registering ? 800 + Math.floor(rand() * 4000) : 100 + Math.floor(rand() * 1500);
    if (registering) {
      // A stream of small commits: complaints registered one after another until the kill.
      const killer = sleep(delay).then(() => assert.ok(kill(profile), 'the browser was running'));
      for (let k = 1; ; ++k) {
        const content = `崩溃测试第${round}轮第${k}件：宽带断线`;
        const ok = await registerComplaint(page, content).then(() => true, () => false);
        if (!ok) break;
        const saved = await poll(page, () => window.tousu.saveState === 'saved', null, 2000).then(() => true, () => false);
        if (!saved) break;
        const counter = await storedCounter(page).catch(() => 0);
        if (!(await isSaved(page).catch(() => false))) break;
        durableComplaints.push(content);
        durableCounter = Math.max(durableCounter, counter);
      }
      await killer;
    } else {
      // One large commit: an import of another office's cases, killed somewhere along the way.
      const office = `CR${round}`;
      const db = path.join(tmp, `${office}.db`), bundle = path.join(tmp, `${office}.json`);
      runCli(['init', db, '--office', office]);
      runCli(['generate', db, '--cases', '1500', '--seed', String(SEED + round), '--start', '2026-08-01', '--days', '60']);
      runCli(['export', db, bundle]);
      durableCounter = Math.max(durableCounter, await storedCounter(page));
      await pickImportFile(page, bundle);
      await waitForWidget(page, 'import_apply', () => true, 60000);
      await click(page, 'import_apply');
      await sleep(delay);
      // Done and saved before the kill means durable: then it must be there whole.
      const durable = await page.evaluate(() => window.tousu.saveState === 'saved' &&
        window.tousu.widgets().some((w) => w.id === 'import_done')).catch(() => false);
      assert.ok(kill(profile), 'the browser was running');
      imports.push({ office, cases: 1500, durable });
    }
    await run.close().catch(() => {});
    t.diagnostic(`round ${round}: killed after ${delay} ms; durable so far: counter ${durableCounter}, ${durableComplaints.length} complaints`);
  }

  const run = await launchPersistent(profile, port);
  try {
    const page = run.context.pages()[0] ?? await run.context.newPage();
    await page.goto(run.url);
    await waitReady(page);
    assert.ok(await storedCounter(page) >= durableCounter);
    for (const content of durableComplaints) assert.equal(await countOf(page, content), 1, content);
    for (const { office, cases, durable } of imports) {
      const n = await countOf(page, `TS-${office}-`);
      t.diagnostic(`import from ${office}: ${n === cases ? 'whole' : n === 0 ? 'absent' : `${n} of ${cases}`}` +
                   `${durable ? ' (saved before the kill)' : ''}`);
      assert.ok(durable ? n === cases : n === 0 || n === cases, `the import from ${office} is whole or absent, not ${n} of ${cases}`);
    }
    // The database itself, through the backup the user would download.
    const download = page.waitForEvent('download');
    await click(page, 'backup');
    await click(page, 'backup_download');
    const file = path.join(tmp, 'after-crashes.sqlite');
    await (await download).saveAs(file);
    const verdict = runCli(['verify', file]);
    assert.equal(verdict.ok, true, JSON.stringify(verdict));
  } finally {
    await run.close();
  }
});
