// SHA-256 (FIPS 180-4), for content digests of databases and bundles. Incremental.
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
    std::string hexDigest(); // finalises; the object is spent afterwards

  private:
    void block(const unsigned char* p);
    std::array<std::uint32_t, 8> m_h;
    unsigned char m_buf[64];
    std::size_t m_used = 0;
    std::uint64_t m_bits = 0;
};

std::string sha256Hex(std::string_view data);

} // namespace tousu::core
