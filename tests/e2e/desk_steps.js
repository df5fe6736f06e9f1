// Steps of the desk journeys shared by the browser tests: typing, choosing, registering.
import { click, waitForWidget } from './browser.js';

// `shown`: what the field shows for it (a password field shows stars).
export async function typeInto(page, id, text, shown = text) {
  // Text goes to the IME field the desk places at the caret once the field is active; typed
  // earlier (a slow frame under load), it would land on the page and be lost. A click that a busy
  // machine delivered while the screen was still changing is made again, as a person would.
  for (let attempt = 0; ; ++attempt) {
    await click(page, id);
    const active = await waitForWidget(page, id, (w) => w.focused === true, 3000).then(() => true, () => false);
    if (active) break;
    if (attempt === 2) throw new Error(`${id} never took the keyboard focus`);
  }
  await page.keyboard.insertText(text);
  await waitForWidget(page, id, (w) => (w.value ?? '').endsWith(shown));
}

// Opens a combo and picks an item; combos report the chosen code as their value, so this waits
// for it (and tries again if a click landed while another popup was closing).
export async function choose(page, comboId, itemId) {
  const code = itemId.slice(comboId.length + 1);
  for (let attempt = 0; attempt < 3; ++attempt) {
    await click(page, comboId);
    await click(page, itemId).catch(() => {});
    const ok = await waitForWidget(page, comboId, (w) => w.value === code, 3000).then(() => true, () => false);
    if (ok) return;
  }
  throw new Error(`could not choose ${itemId}`);
}

// Opens the sync menu's import and chooses `file` in the file chooser it raises.
export async function pickImportFile(page, file) {
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'sync');
  await click(page, 'import_file');
  await (await chooser).setFiles(file);
}

// Registers 王芳's broadband complaint, the Chinese content through a real IME composition;
// resolves once the new case's detail (its confirm button) is shown.
export async function registerComplaint(page, content = '宽带经常掉线，光猫指示灯闪红') {
  await click(page, 'new_case');
  await typeInto(page, 'customer_name', '王芳');
  await click(page, 'customer_phone');
  await page.keyboard.type('138 0013 8000');
  await click(page, 'content');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'kuandai', selectionStart: 7, selectionEnd: 7 });
  await cdp.send('Input.insertText', { text: content });
  await waitForWidget(page, 'content', (w) => w.value === content);
  await click(page, 'save_case');
  return waitForWidget(page, 'confirm', () => true);
}
