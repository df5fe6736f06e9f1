// lib_input.js — pointer (mouse, touch, pen), wheel, keyboard and window focus for the canvas.
// C contract: tousu_input_install(), tousu_input_is_mac(); calls back tousu_on_pointer(kind,
// button, x, y, pointerType), tousu_on_wheel(dx, dy), tousu_on_touch_scroll(dxPx, dyPx),
// tousu_on_key(keyCode, location, down, mods),
// tousu_on_focus(focused), tousu_frame_now(). Text never comes from key events: it arrives through
// the IME textarea (lib_ime.js), so typed, composed and inserted text all take one path.
mergeInto(LibraryManager.library, {
  $tousuInput: {
    composing: false,     // set by lib_ime.js while an IME composition is open
    lastPasteKey: 0,      // time of the last Ctrl/Cmd+V, so lib_clipboard.js knows who pasted
    isMac: false,         // set by tousu_input_is_mac(), called first at start-up
  },

  tousu_input_is_mac__deps: ['$tousuInput'],
  tousu_input_is_mac: function () {
    tousuInput.isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
    return tousuInput.isMac ? 1 : 0;
  },

  tousu_input_install__deps: ['$tousuInput', 'tousu_page_watch_size'],
  tousu_input_install: function () {
    var canvas = document.getElementById('canvas');
    var types = { mouse: 0, touch: 1, pen: 2 };
    var pos = function (e) {
      var r = canvas.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    var pointer = function (kind) {
      return function (e) {
        var p = pos(e);
        // DOM buttons: 0 left, 1 middle, 2 right; ImGui: 0 left, 1 right, 2 middle.
        var button = e.button === 1 ? 2 : e.button === 2 ? 1 : e.button;
        _tousu_on_pointer(kind, kind === 0 ? -1 : button, p[0], p[1], types[e.pointerType] || 0);
        if (kind === 1) {
          canvas.setPointerCapture(e.pointerId);
          e.preventDefault();   // keep focus where lib_ime.js puts it
        }
      };
    };
    // A finger that moves more than a few pixels scrolls what is under it, gliding on after it lifts;
    // one that lifts where it landed taps. Mouse and pen press and drag as they are.
    var SLOP = 8;          // CSS pixels a tap may wander
    var finger = null;     // {id, x, y, lastX, lastY, lastT, vx, vy, scrolling}
    var glide = 0;         // the inertia's animation frame
    var touch = function (kind) {
      return function (e) {
        var p = pos(e);
        if (kind === 1) {
          cancelAnimationFrame(glide);
          finger = { id: e.pointerId, x: p[0], y: p[1], lastX: p[0], lastY: p[1], lastT: e.timeStamp, vx: 0, vy: 0, scrolling: false };
          _tousu_on_pointer(0, -1, p[0], p[1], 1);   // over what it touches, not pressing yet
          canvas.setPointerCapture(e.pointerId);
          e.preventDefault();
          return;
        }
        if (!finger || finger.id !== e.pointerId) return;
        if (kind === 0) {
          if (!finger.scrolling && Math.hypot(p[0] - finger.x, p[1] - finger.y) > SLOP) finger.scrolling = true;
          if (!finger.scrolling) return;
          var dx = p[0] - finger.lastX, dy = p[1] - finger.lastY, dt = Math.max(1, e.timeStamp - finger.lastT);
          _tousu_on_touch_scroll(dx, dy);
          finger.vx = 0.8 * (dx / dt) + 0.2 * finger.vx;   // px/ms, smoothed over the last moves
          finger.vy = 0.8 * (dy / dt) + 0.2 * finger.vy;
          finger.lastX = p[0]; finger.lastY = p[1]; finger.lastT = e.timeStamp;
          return;
        }
        var f = finger;
        finger = null;
        if (kind === 3) return;   // cancelled: neither a tap nor a glide
        if (!f.scrolling) {
          _tousu_on_pointer(1, 0, f.x, f.y, 1);
          _tousu_on_pointer(2, 0, f.x, f.y, 1);
          return;
        }
        var last = performance.now();
        var step = function (now) {
          var dt = Math.min(50, now - last);
          last = now;
          f.vx *= Math.pow(0.996, dt);   // about half the speed gone every 170 ms
          f.vy *= Math.pow(0.996, dt);
          if (Math.abs(f.vx) < 0.02 && Math.abs(f.vy) < 0.02) return;
          _tousu_on_touch_scroll(f.vx * dt, f.vy * dt);
          glide = requestAnimationFrame(step);
        };
        glide = requestAnimationFrame(step);
      };
    };
    var route = function (kind) {
      var forMouse = pointer(kind === 3 ? 2 : kind), forTouch = touch(kind);
      return function (e) { (e.pointerType === 'touch' ? forTouch : forMouse)(e); };
    };
    canvas.addEventListener('pointermove', route(0));
    canvas.addEventListener('pointerdown', route(1));
    canvas.addEventListener('pointerup', route(2));
    canvas.addEventListener('pointercancel', route(3));
    canvas.addEventListener('pointerleave', function (e) {
      if (e.pointerType === 'mouse') _tousu_on_pointer(3, -1, 0, 0, 0);
    });
    canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
    canvas.addEventListener('wheel', function (e) {
      // One ImGui wheel unit is about one notch (100 px in Chromium, 3 lines elsewhere).
      var scale = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;
      _tousu_on_wheel(-e.deltaX * scale, -e.deltaY * scale);
      e.preventDefault();
    }, { passive: false });

    var editingKeys = { 8: 1, 9: 1, 13: 1, 27: 1, 33: 1, 34: 1, 35: 1, 36: 1, 37: 1, 38: 1, 39: 1, 40: 1, 46: 1 };
    var key = function (down) {
      return function (e) {
        if (e.isComposing || e.keyCode === 229 || tousuInput.composing) return;   // the IME owns it
        var mods = (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
        var known = _tousu_on_key(e.keyCode, e.location, down ? 1 : 0, mods);
        var command = tousuInput.isMac ? e.metaKey : e.ctrlKey;
        var letter = e.key && e.key.length === 1 ? e.key.toLowerCase() : '';
        if (command && (letter === 'c' || letter === 'x' || letter === 'v')) {
          // Let the browser raise copy/cut/paste. For copy/cut, ImGui must see the chord first, so
          // the selection is in our clipboard when the `copy` event asks for it.
          if (down && letter !== 'v') _tousu_frame_now();
          if (down && letter === 'v') tousuInput.lastPasteKey = Date.now();
          return;
        }
        var textTarget = document.activeElement && document.activeElement.id === 'ime';
        var printable = e.key && e.key.length === 1 && !e.ctrlKey && !e.metaKey;
        // Printable keys in a text field must reach the textarea to become `input` events.
        if (known && !(textTarget && printable)) e.preventDefault();
        else if (!textTarget && (printable || editingKeys[e.keyCode])) e.preventDefault();
      };
    };
    window.addEventListener('keydown', key(true));
    window.addEventListener('keyup', key(false));
    window.addEventListener('focus', function () { _tousu_on_focus(1); });
    window.addEventListener('blur', function () { _tousu_on_focus(0); });
    _tousu_page_watch_size();
  },
});
