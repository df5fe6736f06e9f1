// SHA-256 (FIPS 180-4), for content digests of databases and bundles and for the desk's secrets
// (core/pbkdf2.h). Incremental; copyable, so a hash of a common prefix can be continued twice.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace tousu::core {

class Sha256 {
  public:
    Sha256();
    void update(std::string_view data);
    std::array<unsigned char, 32> digest(); // finalises; the object is spent afterwards
    std::string hexDigest();                // the same, in lowercase hex

  private:
    void block(const unsigned char* p);
    std::array<std::uint32_t, 8> m_h;
    unsigned char m_buf[64];
    std::size_t m_used = 0;
    std::uint64_t m_bits = 0;
};

std::string sha256Hex(std::string_view data);
// Bytes as lowercase hex, two digits each.
std::string hexOf(std::string_view bytes);

} // namespace tousu::core
