#include "core/pbkdf2.h"

#include <array>

#include "core/sha256.h"

namespace tousu::core {

namespace {

// The keyed inner and outer hashes of HMAC, computed once and copied for every message: PBKDF2's
// rounds then cost two compressions each instead of four.
class Hmac {
  public:
    explicit Hmac(std::string_view key) {
        std::array<unsigned char, 64> block{};
        if (key.size() > block.size()) {
            Sha256 h;
            h.update(key);
            const auto d = h.digest();
            std::copy(d.begin(), d.end(), block.begin());
        } else {
            std::copy(key.begin(), key.end(), block.begin());
        }
        std::string inner(64, '\0'), outer(64, '\0');
        for (std::size_t i = 0; i < block.size(); ++i) {
            inner[i] = static_cast<char>(block[i] ^ 0x36);
            outer[i] = static_cast<char>(block[i] ^ 0x5c);
        }
        m_inner.update(inner);
        m_outer.update(outer);
    }

    std::array<unsigned char, 32> mac(std::string_view message) const {
        Sha256 inner = m_inner;
        inner.update(message);
        const auto d = inner.digest();
        Sha256 outer = m_outer;
        outer.update(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
        return outer.digest();
    }

  private:
    Sha256 m_inner, m_outer;
};

std::string_view bytes(const std::array<unsigned char, 32>& a) {
    return {reinterpret_cast<const char*>(a.data()), a.size()};
}

} // namespace

std::string hmacSha256(std::string_view key, std::string_view message) {
    return std::string(bytes(Hmac(key).mac(message)));
}

std::string pbkdf2Sha256(std::string_view password, std::string_view salt, int iterations, std::size_t length) {
    const Hmac prf(password);
    std::string out;
    for (std::uint32_t blockIndex = 1; out.size() < length; ++blockIndex) {
        std::string first(salt);
        for (int shift = 24; shift >= 0; shift -= 8) first += static_cast<char>(blockIndex >> shift);
        auto u = prf.mac(first);
        auto t = u;
        for (int i = 1; i < iterations; ++i) {
            u = prf.mac(bytes(u));
            for (std::size_t j = 0; j < t.size(); ++j) t[j] ^= u[j];
        }
        out.append(bytes(t).substr(0, length - out.size()));
    }
    return out;
}

bool equalInConstantTime(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace tousu::core
