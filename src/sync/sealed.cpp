#include "sync/sealed.h"

#include <nlohmann/json.hpp>

#include "core/validate.h"
#include "sync/json_limits.h"

namespace tousu::sync {

using nlohmann::json;

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
// More would let a crafted file stall the browser for minutes before the passphrase is checked.
constexpr int kMaxIterations = 10'000'000;

core::Error damaged(std::string detail, std::string field = {}) {
    return core::makeError(core::ErrorCode::InvalidInput, "error.sealed_format", std::move(detail), std::move(field));
}

int sextet(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

} // namespace

std::string base64Encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 3; ++k) v = v << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        for (std::size_t k = 0; k < 4; ++k) out += k <= n ? kAlphabet[(v >> (18 - 6 * k)) & 63] : '=';
    }
    return out;
}

std::optional<std::string> base64Decode(std::string_view text) {
    if (text.size() % 4) return std::nullopt;
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        const int pad = !last || text[i + 3] != '=' ? 0 : text[i + 2] == '=' ? 2 : 1;
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const int s = k >= 4 - static_cast<std::size_t>(pad) ? 0 : sextet(text[i + k]);
            if (s < 0) return std::nullopt;
            v = v << 6 | static_cast<std::uint32_t>(s);
        }
        for (int k = 0; k < 3 - pad; ++k) out += static_cast<char>((v >> (16 - 8 * k)) & 0xFF);
    }
    return out;
}

std::string writeSealed(const Sealed& s) {
    const nlohmann::ordered_json envelope = {
        // the format name first: looksSealed reads only the start
        {"format", kSealedFormat},
        {"version", kSealedVersion},
        {"kdf",
         {{"name", "PBKDF2"}, {"hash", "SHA-256"}, {"iterations", s.iterations}, {"salt", base64Encode(s.salt)}}},
        {"cipher", {{"name", "AES-GCM"}, {"length", 256}, {"iv", base64Encode(s.iv)}}},
        {"data", base64Encode(s.data)}};
    return envelope.dump() + "\n";
}

bool looksSealed(std::string_view text) {
    return text.substr(0, 64).find(std::string("\"") + kSealedFormat + "\"") != std::string_view::npos;
}

core::Result<Sealed> readSealed(std::string_view text) {
    // Every member is read by its type: a hostile envelope (kdf a string, length a word) is damaged,
    // never an exception.
    if (outlineJson(text, kMaxJsonDepth).deepest > kMaxJsonDepth) return damaged("nested too deep");
    const json root = json::parse(text.begin(), text.end(), nullptr, false);
    if (!root.is_object() || textAt(root, "format") != kSealedFormat) return damaged("not a sealed bundle", "format");
    const auto version = integerIn(root.value("version", json()), 1, 1000);
    if (!version) return damaged("version", "version");
    if (*version > kSealedVersion)
        return core::makeError(core::ErrorCode::InvalidInput, "error.sealed_newer",
                               "version " + std::to_string(*version), "version");
    const json& kdf = objectAt(root, "kdf");
    const json& cipher = objectAt(root, "cipher");
    if (textAt(kdf, "name") != "PBKDF2" || textAt(kdf, "hash") != "SHA-256") return damaged("kdf", "kdf");
    if (textAt(cipher, "name") != "AES-GCM" || integerIn(cipher.value("length", json()), 256, 256) != 256)
        return damaged("cipher", "cipher");
    const auto iterations = integerIn(kdf.value("iterations", json()), 1000, kMaxIterations);
    if (!iterations) return damaged("iterations out of range", "kdf.iterations");
    const auto bytes = [](const json& j, const char* key) -> std::optional<std::string> {
        const auto it = j.find(key);
        return it != j.end() && it->is_string() ? base64Decode(it->get_ref<const std::string&>()) : std::nullopt;
    };
    Sealed s;
    s.iterations = static_cast<int>(*iterations);
    auto salt = bytes(kdf, "salt"), iv = bytes(cipher, "iv"), data = bytes(root, "data");
    if (!salt || salt->size() < 8) return damaged("salt", "kdf.salt");
    if (!iv || iv->size() != kIvBytes) return damaged("iv", "cipher.iv");
    if (!data || data->size() < kTagBytes) return damaged("data", "data");
    s.salt = std::move(*salt);
    s.iv = std::move(*iv);
    s.data = std::move(*data);
    return s;
}

std::optional<core::Error> checkNewPassphrase(const std::string& passphrase, const std::string& repeated) {
    if (core::utf8Length(passphrase) < kMinPassphraseChars)
        return core::makeError(core::ErrorCode::InvalidInput, "error.passphrase_short", {}, "passphrase");
    if (passphrase != repeated)
        return core::makeError(core::ErrorCode::InvalidInput, "error.passphrase_mismatch", {}, "passphrase_repeat");
    return std::nullopt;
}

} // namespace tousu::sync
