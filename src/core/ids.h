// Identifiers: UUIDs from an injected seed — real randomness in the app, fixed seeds in tests and
// `tousu-cli generate` — and complaint numbers unique across offices.
#pragma once
#include <cstdint>
#include <random>
#include <string>

#include "core/time.h"

namespace tousu::core {

class IdGenerator {
  public:
    explicit IdGenerator(std::uint64_t seed) : m_rng(seed) {}
    std::string uuid(); // random (v4 format)
    // Time first (v7 format, RFC 9562): ids made in time order sort in time order, so the indexes
    // keyed by case and event ids grow at their end instead of at random places all over the file.
    std::string timeOrderedUuid(TimeMs now);
    std::uint64_t next() { return m_rng(); }

  private:
    std::mt19937_64 m_rng;
};

// "TS-BJ01-20261128-0001": office code, local receipt date, daily sequence.
std::string caseNumberPrefix(const std::string& officeCode, TimeMs receivedAt, int offsetMinutes = kChinaOffsetMinutes);
std::string caseNumber(const std::string& prefix, int sequence);

} // namespace tousu::core
