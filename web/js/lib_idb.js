// lib_idb.js — the database's pages in IndexedDB. Before main() runs, every page is loaded into a
// file image; afterwards each SQLite commit's changed pages are written in ONE IndexedDB
// transaction together with the file size and a commit counter, so a crash or a closed tab leaves
// the previous or the new state, never a mix (IndexedDB transactions are atomic and ordered).
// C contract: tousu_idb_image_size() → bytes loaded at start-up, or -1 without IndexedDB;
//   tousu_idb_take_image(ptr) copies them to the heap; tousu_idb_commit(pageSize, fileSize, count,
//   pageNumbersPtr, dataPtrsPtr) queues one commit (the heap is copied before returning);
//   calls back tousu_on_save_state(0 saved, 1 saving, 2 failed).
mergeInto(LibraryManager.library, {
  $tousuIdb: {
    name: 'tousu-main',   // one IndexedDB database per workspace (training workspaces get their own)
    db: null,
    image: null,
    pending: 0,
    counter: 0,
    setState: function (state, code) {
      var api = window.tousu || (window.tousu = {});
      api.saveState = ['saved', 'saving', 'failed'][state];
      if (code !== undefined) _tousu_on_save_state(code);
    },
    load: function () {
      var self = tousuIdb;
      if (!window.indexedDB) return Promise.resolve();
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

  tousu_idb_commit__deps: ['$tousuIdb'],
  tousu_idb_commit: function (pageSize, fileSize, count, numbersPtr, dataPtr) {
    var self = tousuIdb;
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
    };
    tx.onerror = tx.onabort = function () {
      self.pending--;
      console.error('saving to IndexedDB failed: ' + (tx.error && tx.error.name));
      self.setState(2, 2);
    };
  },
});
