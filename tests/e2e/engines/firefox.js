// Firefox (Debian's firefox-esr) through puppeteer-core over WebDriver BiDi. Headless Firefox has
// WebGL only with Mesa's software GL forced on; its keyboard has no chords and no insertText.
import fs from 'node:fs';
import puppeteer from 'puppeteer-core';
import { VIEWPORT } from '../browser.js';

const executablePath = process.env.FIREFOX || '/usr/bin/firefox-esr';

export const canPreload = true;   // a script can run before the page's own
export const available = () => fs.existsSync(executablePath);

export async function launch() {
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath, headless: true,
    env: { ...process.env, MOZ_WEBGL_FORCE_EGL: '1', LIBGL_ALWAYS_SOFTWARE: '1' },
    extraPrefsFirefox: { 'webgl.force-enabled': true },
  });
  return {
    version: await browser.version(),
    async newPage({ preload } = {}) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport(VIEWPORT);
      if (preload) await page.evaluateOnNewDocument(preload);
      const keys = page.keyboard;
      return {
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        mouse: { move: (x, y) => page.mouse.move(x, y), click: (x, y) => page.mouse.click(x, y) },
        keyboard: {
          type: (text) => keys.type(text),
          async insertText(text) {   // BiDi sends one character per call
            for (const c of text) await keys.sendCharacter(c);
          },
          async press(chord) {   // "Control+A": hold the modifiers around the last key
            const parts = chord.split('+');
            for (const k of parts.slice(0, -1)) await keys.down(k);
            await keys.press(parts.at(-1));
            for (const k of parts.slice(0, -1).reverse()) await keys.up(k);
          },
        },
        goto: (url) => page.goto(url),
        reload: () => page.reload(),
        screenshot: (file) => page.screenshot({ path: file }),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
