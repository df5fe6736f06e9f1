// lib_storage.js — how safe the browser keeps our data: whether persistent storage was granted,
// whether this is Safari outside an installed home-screen app (Safari deletes script-writable
// storage after 7 days without a visit), and how much storage is used of the quota. Also the page
// reload that follows a restore.
// C contract: tousu_storage_watch() reports once through tousu_on_storage(persisted, safariRisk,
// usedBytes, quotaBytes); tousu_page_reload(); tousu_session_get(key) answers through
// tousu_on_session_value(utf8) before it returns; tousu_session_set(key, value) ("" removes).
mergeInto(LibraryManager.library, {
  tousu_storage_watch: function () {
    var ua = navigator.userAgent;
    var safari = /Safari\//.test(ua) && !/(Chrome|Chromium|CriOS|FxiOS|Edg)\//.test(ua);
    var installed = (window.matchMedia && window.matchMedia('(display-mode: standalone)').matches) ||
                    navigator.standalone === true;
    var report = function (persisted) {
      var estimate = navigator.storage && navigator.storage.estimate ? navigator.storage.estimate() : Promise.resolve({});
      estimate.catch(function () { return {}; }).then(function (e) {
        _tousu_on_storage(persisted ? 1 : 0, safari && !installed ? 1 : 0, e.usage || 0, e.quota || 0);
      });
    };
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().then(report, function () { report(false); });
    else report(false);
  },

  tousu_page_reload: function () { location.reload(); },

  // This tab's small synchronous store, for what must survive a reload before it is saved (the
  // intake form's draft): sessionStorage, gone with the tab. Earlier versions kept the draft in
  // localStorage, where a customer's name outlived the tab: read once, that copy is removed.
  // Private browsing may refuse the store: then there is simply no draft.
  tousu_session_get__deps: ['$tousuStr'],
  tousu_session_get: function (key) {
    var k = tousuStr.fromC(key), value = null;
    try {
      value = sessionStorage.getItem(k);
      localStorage.removeItem(k);
    } catch (e) { value = null; }
    tousuStr.withC(value === null ? '' : value, _tousu_on_session_value);
  },
  tousu_session_set__deps: ['$tousuStr'],
  tousu_session_set: function (key, value) {
    var k = tousuStr.fromC(key), v = tousuStr.fromC(value);
    try { if (v) sessionStorage.setItem(k, v); else sessionStorage.removeItem(k); } catch (e) { /* full or refused */ }
  },
});
