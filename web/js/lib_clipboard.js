// lib_clipboard.js — the system clipboard without permission prompts: ImGui copies into an internal
// buffer (C side), which answers the browser's copy/cut events; paste events fill that buffer
// before ImGui handles Ctrl/Cmd+V. A paste from a menu (no key chord) is inserted as typed text.
// C contract: tousu_clipboard_install(); calls back tousu_clipboard_text(), tousu_on_paste(utf8),
// tousu_on_text(utf8).
mergeInto(LibraryManager.library, {
  tousu_clipboard_install__deps: ['$tousuInput', '$tousuStr'],
  tousu_clipboard_install: function () {
    var onCopy = function (e) {
      if (!e.clipboardData) return;
      e.clipboardData.setData('text/plain', tousuStr.fromC(_tousu_clipboard_text()));
      e.preventDefault();
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', function (e) {
      if (!e.clipboardData) return;
      var text = e.clipboardData.getData('text/plain');
      e.preventDefault();
      tousuStr.withC(text, _tousu_on_paste);
      if (Date.now() - tousuInput.lastPasteKey > 1000) tousuStr.withC(text, _tousu_on_text);
    });
  },
});
