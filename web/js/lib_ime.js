// lib_ime.js — text input for ImGui fields through a textarea placed at the caret. The browser's
// IME (pinyin, wubi, handwriting, voice) composes into it, showing the pre-edit text in place;
// committed text — typed, composed or inserted — goes to ImGui and the textarea is emptied.
// C contract: tousu_ime_install(), tousu_ime_update(visible, x, y, lineHeight) (from ImGui's
// SetPlatformImeDataFn, CSS pixels); calls back tousu_on_text(utf8).
mergeInto(LibraryManager.library, {
  tousu_ime_install__deps: ['$tousuInput', '$tousuStr'],
  tousu_ime_install: function () {
    var ta = document.createElement('textarea');
    ta.id = 'ime';
    ta.setAttribute('autocomplete', 'off');
    ta.setAttribute('autocorrect', 'off');
    ta.setAttribute('autocapitalize', 'off');
    ta.setAttribute('spellcheck', 'false');
    ta.setAttribute('aria-label', 'text input');
    document.body.appendChild(ta);
    var commit = function () {
      var text = ta.value;
      ta.value = '';
      if (text) tousuStr.withC(text, _tousu_on_text);
    };
    ta.addEventListener('compositionstart', function () {
      tousuInput.composing = true;
      ta.classList.add('composing');
    });
    ta.addEventListener('compositionend', function () {
      tousuInput.composing = false;
      ta.classList.remove('composing');
      commit();
    });
    ta.addEventListener('input', function (e) {
      if (!e.isComposing && !tousuInput.composing) commit();
    });
  },

  tousu_ime_update: function (visible, x, y, lineHeight) {
    var ta = document.getElementById('ime');
    if (!ta) return;
    if (visible) {
      ta.style.left = x + 'px';
      ta.style.top = y + 'px';
      ta.style.height = lineHeight + 'px';
      ta.style.lineHeight = lineHeight + 'px';
      if (document.activeElement !== ta) ta.focus({ preventScroll: true });
    } else if (document.activeElement === ta) {
      ta.blur();
    }
  },
});
