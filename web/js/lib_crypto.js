// lib_crypto.js — passphrase encryption of sync bundles with WebCrypto (README, "Encrypted bundles"):
// a PBKDF2-SHA256 key for AES-256-GCM. The envelope is read and written in C++ (sync/sealed.h);
// only bytes are transformed here. WebCrypto exists only in secure contexts (https, localhost).
// C contract: tousu_crypto_available(); tousu_crypto_seal(request, passphrase, iterations, dataPtr, size) answers with
// salt(16) ‖ iv(12) ‖ ciphertext+tag; tousu_crypto_open(request, passphrase, iterations, saltPtr,
// saltSize, ivPtr, dataPtr, size) with the plain text; both through tousu_on_crypto(request, ptr,
// size, errorKey).
mergeInto(LibraryManager.library, {
  $tousuCrypto__deps: ['$tousuStr', 'malloc', 'free'],
  $tousuCrypto: {
    key: function (passphrase, salt, iterations, usage) {
      var subtle = self.crypto && self.crypto.subtle;
      if (!subtle) return Promise.reject(new Error('error.crypto_unavailable'));
      return subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey'])
        .then(function (material) {
          return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: iterations },
                                  material, { name: 'AES-GCM', length: 256 }, false, [usage]);
        });
    },
    answer: function (request, promise) {
      promise.then(function (bytes) {
        var ptr = _malloc(Math.max(bytes.length, 1));
        HEAPU8.set(bytes, ptr);
        try { _tousu_on_crypto(request, ptr, bytes.length, 0); } finally { _free(ptr); }
      }).catch(function (e) {
        // AES-GCM reports a wrong key and altered data alike, as an OperationError.
        var key = e && e.name === 'OperationError' ? 'error.sealed_passphrase'
                : e && /^error\./.test(e.message) ? e.message : 'error.crypto';
        tousuStr.withC(key, function (keyPtr) { _tousu_on_crypto(request, 0, 0, keyPtr); });
      });
    },
  },

  tousu_crypto_available: function () { return self.crypto && self.crypto.subtle ? 1 : 0; },

  tousu_crypto_seal__deps: ['$tousuCrypto', '$tousuStr'],
  tousu_crypto_seal: function (request, passphrase, iterations, dataPtr, size) {
    var pass = tousuStr.fromC(passphrase);
    var data = HEAPU8.slice(dataPtr, dataPtr + size);
    var salt = new Uint8Array(16), iv = new Uint8Array(12);
    tousuCrypto.answer(request, Promise.resolve().then(function () {
      if (!self.crypto || !self.crypto.subtle) throw new Error('error.crypto_unavailable');
      self.crypto.getRandomValues(salt);
      self.crypto.getRandomValues(iv);
      return tousuCrypto.key(pass, salt, iterations, 'encrypt');
    }).then(function (key) {
      return self.crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv }, key, data);
    }).then(function (sealed) {
      var out = new Uint8Array(28 + sealed.byteLength);
      out.set(salt, 0);
      out.set(iv, 16);
      out.set(new Uint8Array(sealed), 28);
      return out;
    }));
  },

  tousu_crypto_open__deps: ['$tousuCrypto', '$tousuStr'],
  tousu_crypto_open: function (request, passphrase, iterations, saltPtr, saltSize, ivPtr, dataPtr, size) {
    var pass = tousuStr.fromC(passphrase);
    var salt = HEAPU8.slice(saltPtr, saltPtr + saltSize), iv = HEAPU8.slice(ivPtr, ivPtr + 12);
    var data = HEAPU8.slice(dataPtr, dataPtr + size);
    tousuCrypto.answer(request, tousuCrypto.key(pass, salt, iterations, 'decrypt').then(function (key) {
      return self.crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv }, key, data);
    }).then(function (plain) { return new Uint8Array(plain); }));
  },
});
