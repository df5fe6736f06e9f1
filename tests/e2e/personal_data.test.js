// A customer's personal data erased in real Chromium: the administrator cancels the case, erases the
// customer after the desk's second question, and none of the name, phone or account is left in any
// block the desk stored in IndexedDB (they were there before).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, click, waitForWidget } from './browser.js';
import { typeInto } from './desk_steps.js';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const saved = (page) => page.waitForFunction(() => window.tousu.saveState === 'saved', null, { timeout: 10000 });

// How many of `needles` occur in the bytes of every record of every store of the desk's IndexedDB.
const storedOccurrences = (page, needles) => page.evaluate((needles) => new Promise((resolve, reject) => {
  const open = indexedDB.open('tousu-main');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const wanted = needles.map((n) => new TextEncoder().encode(n));
    const found = needles.map(() => 0);
    const search = (bytes) => wanted.forEach((w, i) => {
      outer: for (let at = 0; at + w.length <= bytes.length; ++at) {
        for (let j = 0; j < w.length; ++j) if (bytes[at + j] !== w[j]) continue outer;
        ++found[i];
      }
    });
    for (const name of names)
      tx.objectStore(name).openCursor().onsuccess = (e) => {
        const cursor = e.target.result;
        if (!cursor) return;
        const v = cursor.value;
        if (v instanceof ArrayBuffer) search(new Uint8Array(v));
        else if (ArrayBuffer.isView(v)) search(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
        else search(new TextEncoder().encode(JSON.stringify(v)));
        cursor.continue();
      };
    tx.oncomplete = () => { db.close(); resolve(found); };
    tx.onerror = () => reject(tx.error);
  };
}), needles);

test('an erased customer\'s name, phone and account are in no block the desk stored', async () => {
  const { context, page, errors } = await openApp(env);
  const name = '欧阳明远', phone = '13912345678', account = 'ACC778899';
  await click(page, 'new_case');
  await typeInto(page, 'customer_name', name);
  await click(page, 'customer_phone');
  await page.keyboard.type(phone);
  await click(page, 'account');
  await page.keyboard.type(account);
  await typeInto(page, 'content', `我是${name}，账户${account}的话费多扣了二十元`);
  await click(page, 'save_case');
  await waitForWidget(page, 'confirm', () => true);
  await click(page, 'cancel');
  await typeInto(page, 'form_reason', '客户撤回投诉');
  await click(page, 'submit');
  await waitForWidget(page, 'erase_customer', () => true);
  await saved(page);
  const [names, phones, accounts] = await storedOccurrences(page, [name, phone, account]);
  assert.ok(names > 0 && phones > 0 && accounts > 0, 'stored before the erasure');

  await click(page, 'erase_customer');
  await waitForWidget(page, 'erase_explain', () => true);
  await click(page, 'erase_confirm');
  await waitForWidget(page, 'customer_erased', () => true);
  await saved(page);
  assert.deepEqual(await storedOccurrences(page, [name, phone, account]), [0, 0, 0]);
  assert.deepEqual(errors, []);
  await context.close();
});
