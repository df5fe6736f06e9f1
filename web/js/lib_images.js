// lib_images.js — pictures attached to cases, decoded by the browser (createImageBitmap: every format
// it shows) and scaled to fit a box, handed to the C side as RGBA pixels for a texture.
// C contract: tousu_image_decode(id, ptr, size, mimeType, maxSide); calls back
// tousu_on_image(id, pixels, width, height) — pixels 0 when the browser cannot decode the bytes.
mergeInto(LibraryManager.library, {
  tousu_image_decode__deps: ['$tousuStr', 'malloc', 'free'],
  tousu_image_decode: function (id, ptr, size, mimeType, maxSide) {
    ptr >>>= 0;
    var blob = new Blob([HEAPU8.slice(ptr, ptr + size)], { type: tousuStr.fromC(mimeType) });
    var answer = function (pixels, width, height) {
      var at = pixels ? _malloc(pixels.length) : 0;
      if (at) HEAPU8.set(pixels, at);
      try { _tousu_on_image(id, at, width, height); } finally { if (at) _free(at); }
    };
    createImageBitmap(blob).then(function (bitmap) {
      var scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
      var w = Math.max(1, Math.round(bitmap.width * scale)), h = Math.max(1, Math.round(bitmap.height * scale));
      var canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      var g = canvas.getContext('2d');
      g.drawImage(bitmap, 0, 0, w, h);
      bitmap.close();
      answer(new Uint8Array(g.getImageData(0, 0, w, h).data.buffer), w, h);
    }).catch(function () { answer(null, 0, 0); });
  },
});
