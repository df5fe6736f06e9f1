// lib_idb.js — the database file in IndexedDB, in blocks of 512 KB (store/page_vfs.h says why).
// Before main() runs, every block is read (and copied straight into the file's blocks on the heap,
// never assembled into one more copy of the file); afterwards each SQLite commit's
// changed blocks are written in ONE IndexedDB transaction together with the file size and a commit
// counter, so a crash or a closed tab leaves the previous or the new state, never a mix (IndexedDB
// transactions are atomic and ordered). A store from before blocks holds one record per page: it is
// read the same way (meta.blockSize absent: records are pageSize long) and rewritten whole in blocks
// by the next commit. One write is in flight at a time; commits made meanwhile are merged (latest
// bytes per block) into the next. A failed write (quota, I/O) is merged back under anything newer
// and retried with backoff, so what IndexedDB holds is always the database as of some commit, and
// nothing the page still has is dropped; the app is read-only until a write succeeds again.
// One writer across tabs: a Web Lock per workspace; other tabs open read-only, reload when the
// writer commits (BroadcastChannel), and may take over (the lock is stolen, the old writer is told).
// C contract: tousu_idb_image_size() → bytes loaded at start-up, or -1 without IndexedDB;
//   tousu_idb_take_image(blockPtrsPtr, count, blockSize) copies them into the file's blocks on the
//   heap; tousu_idb_stored_block_size() → the stored
//   layout's record size (0 for one record per page); tousu_idb_commit(blockSize, pageSize, fileSize,
//   count, blockNumbersPtr, dataPtrsPtr) queues one commit (the heap is copied before returning);
//   tousu_idb_retry() tries a failed write again now;
//   tousu_idb_is_writer() → 1 if this tab may write; tousu_idb_take_over() reloads as the writer;
//   calls back tousu_on_save_state(0 saved, 1 saving, 2 failed), tousu_on_writer(0|1).
mergeInto(LibraryManager.library, {
  $tousuIdb: {
    name: 'tousu-main',   // one IndexedDB database per workspace (training workspaces get their own)
    db: null,
    loaded: null,         // what start-up read: { size, unit (bytes per record), keys, values }, until taken
    writing: false,       // a write transaction is in flight
    queued: null,         // what no write has saved yet: { blocks: Map(number → bytes), size, pageSize, blockSize }
    retryTimer: 0,
    retryDelay: 2000,
    counter: 0,
    pageSize: 0,
    storedBlockSize: 0,
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
    // Writes everything queued in one transaction, unless a write is in flight (it follows that one).
    flush: function () {
      var self = tousuIdb;
      if (self.writing || !self.queued || self.retryTimer) return;
      var batch = self.queued;
      self.queued = null;
      self.writing = true;
      self.setState(1, 1);
      var failed = function (error) {
        self.writing = false;
        // Back under anything committed since: the newer bytes of a block win.
        var q = self.queued || (self.queued = { blocks: new Map(), size: batch.size, pageSize: batch.pageSize,
                                                blockSize: batch.blockSize });
        batch.blocks.forEach(function (bytes, n) { if (!q.blocks.has(n)) q.blocks.set(n, bytes); });
        console.error('saving to IndexedDB failed: ' + (error && error.name || 'aborted') + '; retrying in ' +
                      self.retryDelay / 1000 + ' s');
        self.setState(2, 2);
        self.retryTimer = setTimeout(function () { self.retryTimer = 0; self.flush(); }, self.retryDelay);
        self.retryDelay = Math.min(self.retryDelay * 2, 60000);
      };
      try {
        var tx = self.db.transaction(['pages', 'meta'], 'readwrite');
        var store = tx.objectStore('pages');
        batch.blocks.forEach(function (bytes, n) { store.put(bytes, n); });
        store.delete(IDBKeyRange.lowerBound(Math.ceil(batch.size / batch.blockSize)));   // and old per-page records
        tx.objectStore('meta').put({ size: batch.size, pageSize: batch.pageSize, blockSize: batch.blockSize,
                                     counter: self.counter + 1 }, 'state');
      } catch (e) {
        failed(e);
        return;
      }
      tx.oncomplete = function () {
        self.writing = false;
        self.counter++;
        self.pageSize = batch.pageSize;
        self.retryDelay = 2000;
        if (self.channel) self.channel.postMessage({ counter: self.counter });
        if (self.queued) self.flush();
        else self.setState(0, 0);
      };
      tx.onabort = function () { failed(tx.error); };
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
            self.storedBlockSize = m.blockSize || 0;
            self.loaded = { size: m.size, unit: m.blockSize || m.pageSize, keys: keys.result, values: values.result };
            self.counter = m.counter;
            self.pageSize = m.pageSize;
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
    '    if (tousuIdb.writing || tousuIdb.queued) { e.preventDefault(); e.returnValue = ""; }' +
    '  });' +
    '});',
  tousu_idb_image_size: function () { return tousuIdb.db ? tousuIdb.loaded.size : -1; },

  tousu_idb_take_image__deps: ['$tousuIdb'],
  tousu_idb_take_image: function (blocksPtr, count, blockSize) {
    var loaded = tousuIdb.loaded;
    tousuIdb.loaded = null;
    for (var i = 0; i < loaded.keys.length; ++i) {
      // A record holds `unit` bytes of the file from key × unit: copied into the block(s) they fall in.
      var at = loaded.keys[i] * loaded.unit, bytes = loaded.values[i];
      var length = Math.max(0, Math.min(bytes.byteLength, loaded.size - at));
      loaded.values[i] = null;   // the heap has the bytes now: the record may go
      for (var done = 0; done < length;) {
        var block = Math.floor((at + done) / blockSize), offset = (at + done) % blockSize;
        var n = Math.min(length - done, blockSize - offset);
        HEAPU8.set(new Uint8Array(bytes, done, n), HEAPU32[(blocksPtr >>> 2) + block] + offset);
        done += n;
      }
    }
  },

  tousu_idb_is_writer__deps: ['$tousuIdb'],
  tousu_idb_is_writer: function () { return tousuIdb.writer ? 1 : 0; },

  tousu_idb_take_over: function () {
    sessionStorage.setItem('tousu-take-over', '1');
    location.reload();
  },

  tousu_idb_stored_block_size__deps: ['$tousuIdb'],
  tousu_idb_stored_block_size: function () { return tousuIdb.storedBlockSize; },

  tousu_idb_commit__deps: ['$tousuIdb'],
  tousu_idb_commit: function (blockSize, pageSize, fileSize, count, numbersPtr, dataPtr) {
    var self = tousuIdb;
    if (!self.writer) { self.setState(2, 2); return; }   // the app refuses writes first; never race the writer
    var q = self.queued || (self.queued = { blocks: new Map(), size: 0, pageSize: 0, blockSize: blockSize });
    for (var i = 0; i < count; ++i) {
      var n = HEAPU32[(numbersPtr >>> 2) + i];
      var p = HEAPU32[(dataPtr >>> 2) + i];
      var length = Math.min(blockSize, fileSize - n * blockSize);   // the file's last block may be short
      q.blocks.set(n, HEAPU8.slice(p, p + length).buffer);
    }
    q.size = fileSize;
    q.blockSize = blockSize;
    q.pageSize = pageSize || q.pageSize || self.pageSize || 0;
    self.flush();
  },

  // The whole store replaced by one image (a restore over a damaged store), then a fresh start.
  tousu_idb_replace__deps: ['$tousuIdb'],
  tousu_idb_replace: function (ptr, size, blockSize) {
    var self = tousuIdb;
    var image = HEAPU8.slice(ptr >>> 0, (ptr >>> 0) + size);
    var pageSize = (image[16] << 8) | image[17];   // the SQLite header; 1 stands for 65536
    if (pageSize === 1) pageSize = 65536;
    self.setState(1, 1);
    var tx = self.db.transaction(['pages', 'meta'], 'readwrite');
    var blocks = tx.objectStore('pages');
    blocks.clear();
    for (var n = 0; n * blockSize < size; ++n) blocks.put(image.slice(n * blockSize, (n + 1) * blockSize).buffer, n);
    tx.objectStore('meta').put({ size: size, pageSize: pageSize, blockSize: blockSize, counter: self.counter + 1 }, 'state');
    tx.oncomplete = function () { location.reload(); };
    tx.onabort = function () {
      console.error('replacing the stored database failed: ' + (tx.error && tx.error.name));
      self.setState(2, 2);
    };
  },

  tousu_idb_retry__deps: ['$tousuIdb'],
  tousu_idb_retry: function () {
    clearTimeout(tousuIdb.retryTimer);
    tousuIdb.retryTimer = 0;
    tousuIdb.flush();
  },
});
