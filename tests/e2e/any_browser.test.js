// The same journeys on every engine installed (engines/): Chromium, Firefox and WebKit. Start-up
// without script errors, the language switch, typing, registering a complaint and finding it by a
// Chinese substring, keeping it over a reload, the start-up feature check, and the offline start.
// Screenshots of the main screens go to build/e2e-screens/<engine>/ to compare side by side.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { enginesToRun, launchEngine, canPreload } from './engines/index.js';
import { repoDir, webDir, waitReady, poll, widgets, click, frames, waitForWidget, waitForValue, waitForLabel,
  waitForAny } from './browser.js';
import { typeInto } from './desk_steps.js';
import { serve } from '../../shell/serve.mjs';

const engines = enginesToRun();
console.log(`browser engines: ${engines.join(' ')}`);
const screens = path.join(repoDir, 'build', 'e2e-screens');
const CONTENT = '宽带经常掉线，光猫指示灯闪红';

// What the page says it lacks, next to what the test finds missing itself.
const reportedGaps = (page) => page.evaluate(() => [...document.querySelectorAll('#compat-list li')].map((li) => li.id));
const actualGaps = (page) => page.evaluate(() => [
  !navigator.locks && 'compat-locks', !window.BroadcastChannel && 'compat-broadcast',
  !(navigator.storage && navigator.storage.persist) && 'compat-persist',
  typeof DecompressionStream !== 'function' && 'compat-gzip'].filter(Boolean));

for (const name of engines) {
  describe(name, () => {
    let engine, site, page;
    const shot = async (screen) => {
      fs.mkdirSync(path.join(screens, name), { recursive: true });
      await frames(page, 2, 500);
      await page.screenshot(path.join(screens, name, `${screen}.png`));
    };
    before(async () => {
      site = await serve(webDir, 0);
      engine = await launchEngine(name);
      page = await engine.newPage();
    });
    after(async () => {
      await page?.close();
      await engine?.close();
      site?.server.close();
    });

    test(`${name}: the desk starts with no script errors`, async () => {
      await page.goto(site.url);
      await waitReady(page);
      console.log(`${name} ${engine.version}`);
      assert.deepEqual(await page.evaluate(() => window.tousu.errors), []);
      await waitForWidget(page, 'work_queue', () => true);
      await shot('1-work-queue');
    });

    test(`${name}: the language switch changes labels but not ids`, async () => {
      const idsBefore = (await widgets(page)).map((w) => w.id).sort();
      await click(page, 'lang_toggle');
      await waitForLabel(page, 'new_case', 'New complaint##new_case');
      assert.deepEqual((await widgets(page)).map((w) => w.id).sort(), idsBefore);
      await shot('2-work-queue-en');
      await click(page, 'lang_toggle');
      assert.equal(await waitForLabel(page, 'new_case', '新建投诉##new_case'), '新建投诉##new_case');
    });

    test(`${name}: ASCII typed key by key lands in a text field`, async () => {
      await click(page, 'new_case');
      await click(page, 'customer_phone');
      await page.keyboard.type('138 0013 8000');
      assert.equal(await waitForValue(page, 'customer_phone', '138 0013 8000'), '138 0013 8000');
      await page.keyboard.press('Backspace');
      assert.equal(await waitForValue(page, 'customer_phone', '138 0013 800'), '138 0013 800');
      await page.keyboard.type('0');
    });

    const composes = name === 'chromium';
    test(composes ? `${name}: Chinese composed through an IME lands once, without the pinyin`
                  : `${name}: Chinese lands as committed text (this engine's driver cannot compose through an IME)`, async () => {
      await typeInto(page, 'customer_name', '王芳');
      await click(page, 'content');
      if (composes) await page.keyboard.compose('kuandai', CONTENT);
      else await page.keyboard.insertText(CONTENT);
      assert.equal(await waitForValue(page, 'content', CONTENT), CONTENT);
      await shot('3-intake');
    });

    test(`${name}: the complaint is registered and found in the list by a Chinese substring`, async () => {
      await click(page, 'save_case');
      await waitForWidget(page, 'confirm', () => true);
      await shot('4-case-detail');
      await click(page, 'case_list');
      const row = await waitForAny(page, (w) => w.id.startsWith('case_TS-'));
      await typeInto(page, 'search', '光猫指示');
      await waitForWidget(page, row.id, () => true);
      await shot('5-case-list-search');
      await page.keyboard.insertText('不存在');
      await waitForValue(page, 'search', '光猫指示不存在');
      await frames(page, 3);
      assert.ok(!(await widgets(page)).some((w) => w.id === row.id), 'a search with no match hides the row');
    });

    test(`${name}: after a reload the complaint is still there (IndexedDB)`, async () => {
      await poll(page, () => window.tousu.saveState === 'saved', null, 10000, 'saved');
      await page.reload();
      await waitReady(page);
      await click(page, 'case_list');
      const row = await waitForAny(page, (w) => w.id.startsWith('case_TS-'));
      assert.match(row.label, /-0001##/);
      await click(page, 'dashboard');
      await shot('6-dashboard');
      await click(page, 'settings');
      await shot('7-settings');
    });

    test(`${name}: a file dropped on the case is attached, and its download holds the same bytes`, async () => {
      await click(page, 'case_list');
      const row = await waitForAny(page, (w) => w.id.startsWith('case_TS-'));
      await click(page, row.id);
      await waitForWidget(page, 'attach_file', () => true);
      // Dragged from the desktop; the download is caught where the page hands it to the browser.
      await page.evaluate(() => {
        const bytes = new Uint8Array(3000).map((_, i) => (i * 13) % 256);
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], '账单截图.png', { type: 'image/png' }));
        document.querySelector('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        window.caughtDownload = null;
        HTMLAnchorElement.prototype.click = function () {
          const name = this.download;
          fetch(this.href).then((r) => r.arrayBuffer()).then((b) => { window.caughtDownload = { name, bytes: [...new Uint8Array(b)] }; });
        };
      });
      await waitForWidget(page, 'attachment_0', (w) => w.label.startsWith('账单截图.png'));
      await shot('8-case-attachment');
      await click(page, 'attachment_download_0');
      await poll(page, () => window.caughtDownload !== null, null, 10000, 'the download');
      const caught = await page.evaluate(() => window.caughtDownload);
      assert.equal(caught.name, '账单截图.png');
      assert.deepEqual(caught.bytes, Array.from({ length: 3000 }, (_, i) => (i * 13) % 256));
    });

    test(`${name}: the start-up check names exactly what this engine lacks`, async () => {
      const gaps = await actualGaps(page);
      assert.deepEqual(await reportedGaps(page), gaps);
      assert.equal(await page.evaluate(() => document.getElementById('compat').hidden), gaps.length === 0);
    });

    // WebDriver classic (WebKit) runs no script before the page's; the check above covers what it lacks.
    if (canPreload(name)) {
      test(`${name}: without Web Locks the desk still starts and says to use one tab`, async () => {
        const bare = await engine.newPage({ preload: () => { delete Navigator.prototype.locks; } });
        try {
          await bare.goto(site.url);
          await waitReady(bare);
          const text = await bare.evaluate(() => document.getElementById('compat-locks')?.textContent);
          assert.match(text ?? '', /只在一个标签页/);
          assert.match(text, /one tab only/);
          assert.equal(await bare.evaluate(() => document.getElementById('compat').hidden), false);
          assert.deepEqual(await bare.evaluate(() => window.tousu.errors), []);
        } finally {
          await bare.close();
        }
      });
    }

    test(`${name}: with the server gone the desk starts from its service worker and keeps the complaint`, async () => {
      await poll(page, () => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, 20000,
        'a service worker controlling the page');
      site.server.close();
      site.server.closeAllConnections();
      await page.reload();
      await waitReady(page);
      await click(page, 'case_list');
      await waitForAny(page, (w) => w.id.startsWith('case_TS-'));
    });
  });
}
