// lib_files.js — files in and out of the desk: downloads from the wasm heap, the file picker, and
// files dropped anywhere on the page. Gzip files (magic 1f 8b) are inflated here with the
// browser's DecompressionStream, so the C side only ever sees the JSON text.
// Files attached to a case are taken as they are: picked with tousu_files_pick_attachments(accept,
// maxBytes), or dropped while tousu_files_drop_attachments(maxBytes) says the page takes them (0: it
// does not); a bundle or a backup (.json, .gz, .sqlite, .db) dropped then is still read as one.
// C contract: tousu_files_install(maxBytes), tousu_files_save(name, mime, ptr, size), a file in pieces:
// tousu_files_piece(ptr, size)… then tousu_files_save_pieces(name, mime) or tousu_files_drop_pieces(),
// tousu_files_pick(accept), tousu_files_open(name, mime, ptr, size) (in a new tab: the browser's
// viewer and player); calls back tousu_on_file(name, ptr, size, errorKey, attachment).
mergeInto(LibraryManager.library, {
  $tousuFiles__deps: ['$tousuStr', 'malloc', 'free'],
  $tousuFiles: {
    maxBytes: 0,
    attachmentBytes: 0,   // > 0 while a dropped file is an attachment, at most this large
    pieces: [],           // a file being made in pieces (tousu_files_piece)
    // Offers the bytes (an array of parts) as a download.
    offer: function (parts, name, mimeType) {
      var a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob(parts, { type: mimeType }));
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
    },
    deliver: function (name, bytes, errorKey, attachment) {
      tousuStr.withC(name, function (namePtr) {
        tousuStr.withC(errorKey || '', function (errPtr) {
          var ptr = bytes && bytes.length ? _malloc(bytes.length) : 0;
          if (ptr) HEAPU8.set(bytes, ptr);
          try {
            _tousu_on_file(namePtr, ptr, bytes ? bytes.length : 0, errorKey ? errPtr : 0, attachment ? 1 : 0);
          } finally { if (ptr) _free(ptr); }
        });
      });
    },
    // An attachment: its bytes as they are, one file after another (in the order chosen).
    readAttachments: function (files, maxBytes) {
      var chain = Promise.resolve();
      Array.prototype.forEach.call(files, function (file) {
        chain = chain.then(function () {
          if (file.size > maxBytes) return tousuFiles.deliver(file.name, null, 'error.attachment_too_large', true);
          return file.arrayBuffer().then(function (buffer) {
            tousuFiles.deliver(file.name, new Uint8Array(buffer), '', true);
          }, function () {
            tousuFiles.deliver(file.name, null, 'error.file_unreadable', true);
          });
        });
      });
    },
    // The browser's file picker; `take` gets the files chosen (none: nothing happens).
    choose: function (accept, multiple, take) {
      var input = document.createElement('input');
      input.type = 'file';
      input.accept = accept;
      input.multiple = multiple;
      input.hidden = true;
      input.addEventListener('change', function () {
        if (input.files.length) take(input.files);
        input.remove();
      });
      document.body.appendChild(input);
      input.click();
    },
    read: function (file) {
      if (file.size > tousuFiles.maxBytes) return tousuFiles.deliver(file.name, null, 'error.bundle_too_large');
      file.arrayBuffer().then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
        if (typeof DecompressionStream === 'undefined') throw new Error('error.gzip_unsupported');
        var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
        return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
      }).then(function (bytes) {
        if (bytes.length > tousuFiles.maxBytes) return tousuFiles.deliver(file.name, null, 'error.bundle_too_large');
        tousuFiles.deliver(file.name, bytes, '');
      }).catch(function (e) {
        var key = e && /^error\./.test(e.message) ? e.message : 'error.file_unreadable';
        tousuFiles.deliver(file.name, null, key);
      });
    },
  },

  tousu_files_install__deps: ['$tousuFiles'],
  tousu_files_install: function (maxBytes) {
    tousuFiles.maxBytes = maxBytes;
    var hasFiles = function (e) { return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, 'Files') >= 0; };
    document.addEventListener('dragover', function (e) {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    });
    document.addEventListener('drop', function (e) {
      if (!hasFiles(e)) return;
      e.preventDefault();
      // On a case, files attach to it — except sync bundles and backups, which go where they always go.
      var files = Array.prototype.slice.call(e.dataTransfer.files);
      var ours = function (f) { return /\.(json|gz|sqlite|db)$/i.test(f.name); };
      var attach = tousuFiles.attachmentBytes > 0 ? files.filter(function (f) { return !ours(f); }) : [];
      var other = files.filter(function (f) { return attach.indexOf(f) < 0; });
      if (attach.length) tousuFiles.readAttachments(attach, tousuFiles.attachmentBytes);
      if (other.length) tousuFiles.read(other[0]);
    });
  },

  tousu_files_save__deps: ['$tousuFiles', '$tousuStr'],
  tousu_files_save: function (name, mimeType, ptr, size) {
    ptr >>>= 0;
    tousuFiles.offer([HEAPU8.slice(ptr, ptr + size)], tousuStr.fromC(name), tousuStr.fromC(mimeType));
  },

  // A file made in pieces: each is copied out of the heap as it comes, the download offered at the end.
  // Every 64 pieces (8 MB) are folded into a Blob, so the browser may keep them outside the page's memory.
  // Returns 0 if the browser could not take the piece (out of memory): the file is then not offered.
  tousu_files_piece__deps: ['$tousuFiles'],
  tousu_files_piece: function (ptr, size) {
    ptr >>>= 0;
    try {
      tousuFiles.pieces.push(HEAPU8.slice(ptr, ptr + size));
      if (tousuFiles.pieces.length >= 64) tousuFiles.pieces = [new Blob(tousuFiles.pieces)];
      return 1;
    } catch (e) {
      return 0;
    }
  },
  tousu_files_save_pieces__deps: ['$tousuFiles', '$tousuStr'],
  tousu_files_save_pieces: function (name, mimeType) {
    var pieces = tousuFiles.pieces;
    tousuFiles.pieces = [];
    tousuFiles.offer(pieces, tousuStr.fromC(name), tousuStr.fromC(mimeType));
  },
  tousu_files_drop_pieces__deps: ['$tousuFiles'],
  tousu_files_drop_pieces: function () { tousuFiles.pieces = []; },

  tousu_files_pick__deps: ['$tousuFiles', '$tousuStr'],
  tousu_files_pick: function (accept) {
    tousuFiles.choose(tousuStr.fromC(accept), false, function (files) { tousuFiles.read(files[0]); });
  },
  tousu_files_pick_attachments__deps: ['$tousuFiles', '$tousuStr'],
  tousu_files_pick_attachments: function (accept, maxBytes) {
    tousuFiles.choose(tousuStr.fromC(accept), true, function (files) { tousuFiles.readAttachments(files, maxBytes); });
  },
  tousu_files_drop_attachments__deps: ['$tousuFiles'],
  tousu_files_drop_attachments: function (maxBytes) { tousuFiles.attachmentBytes = maxBytes; },

  tousu_files_open__deps: ['$tousuStr'],
  tousu_files_open: function (name, mimeType, ptr, size) {
    ptr >>>= 0;
    var blob = new Blob([HEAPU8.slice(ptr, ptr + size)], { type: tousuStr.fromC(mimeType) });
    var url = URL.createObjectURL(blob);
    // A new tab shows pictures and PDFs and plays recordings; where a pop-up is blocked, a download.
    var tab = window.open(url, '_blank');
    if (!tab) {
      var a = document.createElement('a');
      a.href = url;
      a.download = tousuStr.fromC(name);
      document.body.appendChild(a);
      a.click();
      a.remove();
    }
    setTimeout(function () { URL.revokeObjectURL(url); }, 10 * 60000);
  },
});
