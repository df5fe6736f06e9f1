// lib_files.js — files in and out of the desk: downloads from the wasm heap, the file picker, and
// files dropped anywhere on the page. Gzip files (magic 1f 8b) are inflated here with the
// browser's DecompressionStream, so the C side only ever sees the JSON text.
// C contract: tousu_files_install(maxBytes), tousu_files_save(name, mime, ptr, size), a file in pieces:
// tousu_files_piece(ptr, size)… then tousu_files_save_pieces(name, mime) or tousu_files_drop_pieces(),
// tousu_files_pick(accept); calls back tousu_on_file(name, ptr, size, errorKey).
mergeInto(LibraryManager.library, {
  $tousuFiles__deps: ['$tousuStr', 'malloc', 'free'],
  $tousuFiles: {
    maxBytes: 0,
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
    deliver: function (name, bytes, errorKey) {
      tousuStr.withC(name, function (namePtr) {
        tousuStr.withC(errorKey || '', function (errPtr) {
          var ptr = bytes && bytes.length ? _malloc(bytes.length) : 0;
          if (ptr) HEAPU8.set(bytes, ptr);
          try { _tousu_on_file(namePtr, ptr, bytes ? bytes.length : 0, errorKey ? errPtr : 0); } finally { if (ptr) _free(ptr); }
        });
      });
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
      if (e.dataTransfer.files.length) tousuFiles.read(e.dataTransfer.files[0]);
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
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = tousuStr.fromC(accept);
    input.hidden = true;
    input.addEventListener('change', function () {
      if (input.files.length) tousuFiles.read(input.files[0]);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  },
});
