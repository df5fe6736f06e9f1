// lib_idb.js — the database's pages in IndexedDB. Before main() runs, every page is loaded into a
// file image; afterwards each SQLite commit's changed pages are written in ONE IndexedDB
// transaction together with the file size and a commit counter, so a crash or a closed tab leaves
// the previous or the new state, never a mix (IndexedDB transactions are atomic and ordered).
// One writer across tabs: a Web Lock per workspace; other tabs open read-only, reload when the
// writer commits (BroadcastChannel), and may take over (the lock is stolen, the old writer is told).
// C contract: tousu_idb_image_size() → bytes loaded at start-up, or -1 without IndexedDB;
//   tousu_idb_take_image(ptr) copies them to the heap; tousu_idb_commit(pageSize, fileSize, count,
//   pageNumbersPtr, dataPtrsPtr) queues one commit (the heap is copied before returning);
//   tousu_idb_is_writer() → 1 if this tab may write; tousu_idb_take_over() reloads as the writer;
//   calls back tousu_on_save_state(0 saved, 1 saving, 2 failed), tousu_on_writer(0|1).
mergeInto(LibraryManager.library, {
  $tousuIdb: {
    name: 'tousu-main',   // one IndexedDB database per workspace (training workspaces get their own)
    db: null,
    image: null,
    pending: 0,
    counter: 0,
    writer: true,         // without Web Locks there is nothing to coordinate with
    channel: null,
    // Asks for the workspace's writer lock; resolves true if this tab holds it. A lock that is
    // later stolen by another tab makes this one read-only.
    acquire: function (steal) {
      var self = tousuIdb;
      if (!navigator.locks) return Promise.resolve(true);
      return new Promise(function (resolve) {
        navigator.locks.request(self.name + '-writer', steal ? { steal: true } : { ifAvailable: true }, function (lock) {
          if (!lock) { resolve(false); return undefined; }
          resolve(true);
          return new Promise(function () {});   // held for the life of the page
        }).catch(function () {
          self.writer = false;
          if (typeof _tousu_on_writer === 'function') _tousu_on_writer(0);
        });
      });
    },
    setState: function (state, code) {
      var api = window.tousu || (window.tousu = {});
      api.saveState = ['saved', 'saving', 'failed'][state];
      if (code !== undefined) _tousu_on_save_state(code);
    },
    load: function () {
      var self = tousuIdb;
      if (!window.indexedDB) return Promise.resolve();
      var steal = sessionStorage.getItem('tousu-take-over') === '1';
      sessionStorage.removeItem('tousu-take-over');
      return self.acquire(steal).then(function (writer) {
        self.writer = writer;
        if (window.BroadcastChannel) {
          self.channel = new BroadcastChannel(self.name);
          // A read-only tab shows what the writer committed by loading it afresh.
          self.channel.onmessage = function () { if (!self.writer) location.reload(); };
        }
        return self.open();
      });
    },
    open: function () {
      var self = tousuIdb;
      return new Promise(function (resolve) {
        var req = indexedDB.open(self.name, 1);
        req.onupgradeneeded = function () {
          req.result.createObjectStore('pages');
          req.result.createObjectStore('meta');
        };
        req.onerror = function () { console.warn('IndexedDB unavailable: ' + req.error); resolve(); };
        req.onsuccess = function () {
          self.db = req.result;
          var tx = self.db.transaction(['pages', 'meta'], 'readonly');
          var meta = tx.objectStore('meta').get('state');
          var keys = tx.objectStore('pages').getAllKeys();
          var values = tx.objectStore('pages').getAll();
          tx.oncomplete = function () {
            var m = meta.result || { size: 0, pageSize: 0, counter: 0 };
            var image = new Uint8Array(m.size);
            for (var i = 0; i < keys.result.length; ++i) {
              var at = keys.result[i] * m.pageSize;
              if (at + m.pageSize <= m.size) image.set(new Uint8Array(values.result[i]), at);
            }
            self.image = image;
            self.counter = m.counter;
            window.tousu.saveState = 'saved';
            resolve();
          };
          tx.onerror = function () { console.warn('IndexedDB read failed: ' + tx.error); self.db = null; resolve(); };
        };
      });
    },
  },

  tousu_idb_image_size__deps: ['$tousuIdb'],
  tousu_idb_image_size__postset:
    'addOnPreRun(function () {' +
    '  addRunDependency("tousu-idb");' +
    '  tousuIdb.load().then(function () { removeRunDependency("tousu-idb"); });' +
    '  if (navigator.storage && navigator.storage.persist) navigator.storage.persist();' +
    '  window.addEventListener("beforeunload", function (e) {' +
    '    if (tousuIdb.pending > 0) { e.preventDefault(); e.returnValue = ""; }' +
    '  });' +
    '});',
  tousu_idb_image_size: function () { return tousuIdb.db ? tousuIdb.image.length : -1; },

  tousu_idb_take_image__deps: ['$tousuIdb'],
  tousu_idb_take_image: function (ptr) {
    HEAPU8.set(tousuIdb.image, ptr);
    tousuIdb.image = null;
  },

  tousu_idb_is_writer__deps: ['$tousuIdb'],
  tousu_idb_is_writer: function () { return tousuIdb.writer ? 1 : 0; },

  tousu_idb_take_over: function () {
    sessionStorage.setItem('tousu-take-over', '1');
    location.reload();
  },

  tousu_idb_commit__deps: ['$tousuIdb'],
  tousu_idb_commit: function (pageSize, fileSize, count, numbersPtr, dataPtr) {
    var self = tousuIdb;
    if (!self.writer) { self.setState(2, 2); return; }   // the app refuses writes first; never race the writer
    var pages = [];
    for (var i = 0; i < count; ++i) {
      var n = HEAPU32[(numbersPtr >> 2) + i];
      var p = HEAPU32[(dataPtr >> 2) + i];
      pages.push([n, HEAPU8.slice(p, p + pageSize).buffer]);
    }
    self.pending++;
    self.setState(1, 1);
    var tx = self.db.transaction(['pages', 'meta'], 'readwrite');
    var store = tx.objectStore('pages');
    pages.forEach(function (pg) { store.put(pg[1], pg[0]); });
    var meta = tx.objectStore('meta');
    var first = pageSize ? Math.ceil(fileSize / pageSize) : 0;
    if (pageSize) store.delete(IDBKeyRange.lowerBound(first));
    meta.get('state').onsuccess = function (e) {
      var m = e.target.result || {};
      meta.put({ size: fileSize, pageSize: pageSize || m.pageSize || 0, counter: ++self.counter }, 'state');
    };
    tx.oncomplete = function () {
      if (--self.pending === 0) self.setState(0, 0);
      if (self.channel) self.channel.postMessage({ counter: self.counter });
    };
    tx.onerror = tx.onabort = function () {
      self.pending--;
      console.error('saving to IndexedDB failed: ' + (tx.error && tx.error.name));
      self.setState(2, 2);
    };
  },
});
