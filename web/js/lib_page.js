// lib_page.js — the page around the canvas: string helpers shared by our libraries, the mouse
// cursor, resize/DPR tracking, and the automation contract on window.tousu.
// C contract: tousu_page_set_cursor(ImGuiMouseCursor), tousu_page_ready(); calls back
// tousu_on_resize(), tousu_widgets_json(), tousu_frame_count(), tousu_frame_ms(n).
mergeInto(LibraryManager.library, {
  // UTF-8 between JS strings and the wasm heap, independent of the Emscripten version's helpers.
  $tousuStr: {
    fromC: function (ptr) {
      if (!ptr) return '';
      var end = ptr;
      while (HEAPU8[end]) ++end;
      return new TextDecoder().decode(HEAPU8.subarray(ptr, end));
    },
    // Calls fn(ptr) with a NUL-terminated copy of str on the heap, freed afterwards.
    withC: function (str, fn) {
      var bytes = new TextEncoder().encode(str);
      var ptr = _malloc(bytes.length + 1);
      HEAPU8.set(bytes, ptr);
      HEAPU8[ptr + bytes.length] = 0;
      try { return fn(ptr); } finally { _free(ptr); }
    },
  },
  $tousuStr__deps: ['malloc', 'free'],

  tousu_page_set_cursor__deps: [],
  tousu_page_set_cursor: function (cursor) {
    // Order of ImGuiMouseCursor_: Arrow, TextInput, ResizeAll, ResizeNS, ResizeEW, ResizeNESW,
    // ResizeNWSE, Hand, NotAllowed; -1 is None.
    var names = ['default', 'text', 'move', 'ns-resize', 'ew-resize', 'nesw-resize', 'nwse-resize', 'pointer', 'not-allowed'];
    document.getElementById('canvas').style.cursor = cursor < 0 ? 'none' : (names[cursor] || 'default');
  },

  tousu_page_ready__deps: ['$tousuStr'],
  tousu_page_ready: function () {
    var api = window.tousu || (window.tousu = {});
    api.widgets = function () { return JSON.parse(tousuStr.fromC(_tousu_widgets_json())); };
    api.frames = function () { return _tousu_frame_count(); };
    api.frameMs = function (n) { return _tousu_frame_ms(n); };   // CPU time of frame n (recent frames only)
    api.ready = true;
    var loading = document.getElementById('loading');
    if (loading) loading.hidden = true;
    document.dispatchEvent(new Event('tousu-ready'));
  },

  tousu_page_watch_size: function () {
    var onResize = function () { _tousu_on_resize(); };
    window.addEventListener('resize', onResize);
    // devicePixelRatio changes (zoom, moving to another screen) do not always fire resize.
    var watchDpr = function () {
      var mq = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
      mq.addEventListener('change', function () { onResize(); watchDpr(); }, { once: true });
    };
    watchDpr();
  },
});
