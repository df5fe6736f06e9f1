// Password hashing for the desk's secrets (PINs and passphrases): HMAC-SHA256 (RFC 2104) and
// PBKDF2-HMAC-SHA256 (RFC 8018), so a stolen database gives an attacker a slow guess per secret.
#pragma once
#include <string>
#include <string_view>

namespace tousu::core {

// The 32-byte MAC of `message` under `key`, as raw bytes.
std::string hmacSha256(std::string_view key, std::string_view message);
// `length` bytes derived from `password` and `salt` by `iterations` rounds, as raw bytes.
std::string pbkdf2Sha256(std::string_view password, std::string_view salt, int iterations, std::size_t length);
// Whether two byte strings are equal, in a time that depends only on their length.
bool equalInConstantTime(std::string_view a, std::string_view b);

} // namespace tousu::core
