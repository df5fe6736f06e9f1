// A database file made by tousu-cli, put into a browser profile the way the app itself stores it
// (web/js/lib_idb.js: 512 KB blocks keyed by number, then `meta.state`), so the desk starts on it as
// it would after a long working life. Used by the 200k-case list test and the desk benchmark.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { webDir } from './browser.js';

// A copy of the site (links, nothing copied) with the database next to it as /stored.sqlite.
export function siteWithDatabase(dbFile, site = webDir) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-site-'));
  for (const f of fs.readdirSync(site)) fs.symlinkSync(path.resolve(site, f), path.join(dir, f));
  fs.symlinkSync(path.resolve(dbFile), path.join(dir, 'stored.sqlite'));
  return dir;
}

// Stores /stored.sqlite in the page's origin, from a page of that origin that is not the app (no
// module, no service worker). Returns the bytes stored.
export async function storeDatabase(page, url) {
  await page.goto(`${url}manifest.webmanifest`);
  return page.evaluate(async () => {
    const bytes = new Uint8Array(await (await fetch('/stored.sqlite')).arrayBuffer());
    const field = (bytes[16] << 8) | bytes[17];   // SQLite's page size; 1 means 65536
    const blockSize = 512 * 1024;   // store/page_vfs.h kBlockBytes
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('tousu-main', 1);
      req.onupgradeneeded = () => { req.result.createObjectStore('pages'); req.result.createObjectStore('meta'); };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const write = (fill) => new Promise((resolve, reject) => {
      const tx = db.transaction(['pages', 'meta'], 'readwrite');
      fill(tx);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    const perTransaction = 64;   // 32 MB each; `meta` last, so the app never sees half a file
    for (let first = 0; first * blockSize < bytes.length; first += perTransaction) {
      await write((tx) => {
        for (let n = first; n < first + perTransaction && n * blockSize < bytes.length; ++n)
          tx.objectStore('pages').put(bytes.slice(n * blockSize, (n + 1) * blockSize).buffer, n);
      });
    }
    await write((tx) => tx.objectStore('meta').put({ size: bytes.length, pageSize: field === 1 ? 65536 : field,
      blockSize, counter: 1 }, 'state'));
    db.close();
    return bytes.length;
  });
}
