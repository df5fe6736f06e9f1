#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

#include "sync/seal.h"

namespace tousu::sync {

namespace {

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* bytes(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

core::Error failure(const char* what) { return core::makeError(core::ErrorCode::Storage, "error.crypto", what); }

std::optional<std::string> deriveKey(const std::string& passphrase, const std::string& salt, int iterations) {
    std::string key(32, '\0');
    if (PKCS5_PBKDF2_HMAC(passphrase.data(), static_cast<int>(passphrase.size()), bytes(salt),
                          static_cast<int>(salt.size()), iterations, EVP_sha256(), static_cast<int>(key.size()),
                          bytes(key)) != 1)
        return std::nullopt;
    return key;
}

} // namespace

core::Result<Sealed> seal(std::string_view plain, const std::string& passphrase, int iterations) {
    Sealed s;
    s.iterations = iterations;
    s.salt.resize(kSaltBytes);
    s.iv.resize(kIvBytes);
    if (RAND_bytes(bytes(s.salt), kSaltBytes) != 1 || RAND_bytes(bytes(s.iv), kIvBytes) != 1) return failure("random");
    const auto key = deriveKey(passphrase, s.salt, iterations);
    if (!key) return failure("pbkdf2");
    CipherContext ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    s.data.resize(plain.size() + kTagBytes);
    int n = 0, tail = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(*key), bytes(s.iv)) != 1 ||
        EVP_EncryptUpdate(ctx.get(), bytes(s.data), &n, bytes(plain), static_cast<int>(plain.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), bytes(s.data) + n, &tail) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, bytes(s.data) + n + tail) != 1)
        return failure("aes-gcm");
    return s;
}

core::Result<std::string> unseal(const Sealed& s, const std::string& passphrase) {
    const auto key = deriveKey(passphrase, s.salt, s.iterations);
    if (!key) return failure("pbkdf2");
    const std::size_t size = s.data.size() - kTagBytes;
    std::string tag = s.data.substr(size), plain(size, '\0');
    CipherContext ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int n = 0, tail = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(*key), bytes(s.iv)) != 1 ||
        EVP_DecryptUpdate(ctx.get(), bytes(plain), &n, bytes(s.data), static_cast<int>(size)) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, bytes(tag)) != 1)
        return failure("aes-gcm");
    if (EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + n, &tail) != 1)
        return core::makeError(core::ErrorCode::InvalidInput, "error.sealed_passphrase");
    return plain;
}

} // namespace tousu::sync
