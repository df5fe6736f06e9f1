// lib_http.js — HTTP for live sync (README, "Live sync"): one fetch per request of the replication
// (app/replication.h), with the browser's cookies for the sync server (credentials: 'include', so a
// CouchDB _session cookie signs every request) and a time limit. Text in, text out.
// C contract: tousu_http(request, method, url, body, timeoutMs) answers through
// tousu_on_http(request, status, bodyPtr, size, failure): status 0 and a failure text when no answer came.
mergeInto(LibraryManager.library, {
  tousu_http__deps: ['$tousuStr', 'malloc', 'free'],
  tousu_http: function (request, method, url, body, timeoutMs) {
    var m = tousuStr.fromC(method), u = tousuStr.fromC(url), b = tousuStr.fromC(body);
    var abort = new AbortController();
    var timer = setTimeout(function () { abort.abort(); }, timeoutMs);
    var done = function (status, text, failure) {
      clearTimeout(timer);
      var bytes = new TextEncoder().encode(text);
      var ptr = _malloc(Math.max(bytes.length, 1));
      HEAPU8.set(bytes, ptr);
      try {
        tousuStr.withC(failure, function (f) { _tousu_on_http(request, status, ptr, bytes.length, f); });
      } finally { _free(ptr); }
    };
    var init = { method: m, credentials: 'include', signal: abort.signal, headers: { Accept: 'application/json' } };
    if (m === 'POST' || m === 'PUT') {
      init.body = b;
      init.headers['Content-Type'] = 'application/json';
    }
    fetch(u, init).then(function (res) {
      return res.text().then(function (text) { done(res.status, text, ''); });
    }).catch(function (e) {
      done(0, '', abort.signal.aborted ? 'timed out' : String(e && e.message || e));
    });
  },
});
