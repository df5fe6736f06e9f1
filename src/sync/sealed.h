// Bundles sealed with a passphrase (README, "Encrypted bundles"): AES-256-GCM under a key derived
// with PBKDF2-HMAC-SHA256, wrapped in a small JSON envelope. The browser seals and opens with
// WebCrypto (platform/web), the CLI with OpenSSL (sync/seal.h); this file only reads and writes the
// envelope, so both sides share one definition of the format.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace tousu::sync {

constexpr const char* kSealedFormat = "tousu.sealed";
constexpr int kSealedVersion = 1;
constexpr int kSealIterations = 600'000; // OWASP's 2023 figure for PBKDF2-HMAC-SHA256
constexpr std::size_t kSaltBytes = 16, kIvBytes = 12, kTagBytes = 16;
constexpr std::size_t kMinPassphraseChars = 8;

struct Sealed {
    int iterations = kSealIterations;
    std::string salt, iv; // raw bytes
    std::string data;     // ciphertext then the 16-byte tag, WebCrypto's layout
};

std::string writeSealed(const Sealed& s);
// Cheap test on the first bytes, before the whole file is parsed.
bool looksSealed(std::string_view text);
// Refusals: error.sealed_format (damaged envelope), error.sealed_newer.
core::Result<Sealed> readSealed(std::string_view text);

// A passphrase chosen for sealing: long enough, typed the same twice.
std::optional<core::Error> checkNewPassphrase(const std::string& passphrase, const std::string& repeated);

std::string base64Encode(std::string_view bytes);
std::optional<std::string> base64Decode(std::string_view text);

} // namespace tousu::sync
