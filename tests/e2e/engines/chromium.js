// Chromium (Debian's chromium) through playwright-core: its page already has the adapter's shape.
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, VIEWPORT } from '../browser.js';

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

export const canPreload = true;   // a script can run before the page's own
export const available = () => fs.existsSync(executablePath);

export async function launch() {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  return {
    version: browser.version(),
    async newPage({ preload } = {}) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      if (preload) await context.addInitScript(preload);
      const page = await context.newPage();
      return {
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        mouse: page.mouse,
        keyboard: {
          type: (text) => page.keyboard.type(text),
          insertText: (text) => page.keyboard.insertText(text),
          press: (chord) => page.keyboard.press(chord),
          // A real IME composition (pre-edit, then commit), which only Chromium's driver can make.
          async compose(preedit, text) {
            const cdp = await context.newCDPSession(page);
            await cdp.send('Input.imeSetComposition', { text: preedit, selectionStart: preedit.length, selectionEnd: preedit.length });
            await cdp.send('Input.insertText', { text });
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
