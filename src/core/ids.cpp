#include "core/ids.h"

#include <algorithm>
#include <cstdio>

namespace tousu::core {

namespace {

std::string formatUuid(std::uint64_t hi, std::uint64_t lo) {
    lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL; // RFC 4122 variant
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                  static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                  static_cast<unsigned>(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
    return buf;
}

} // namespace

std::string IdGenerator::uuid() {
    const std::uint64_t hi = m_rng(), lo = m_rng();
    return formatUuid((hi & 0xFFFFFFFFFFFF0FFFULL) | 0x4000, lo);
}

std::string IdGenerator::timeOrderedUuid(TimeMs now) {
    const auto ms = static_cast<std::uint64_t>(std::max<TimeMs>(now, 0)) & 0xFFFFFFFFFFFFULL;
    const std::uint64_t rand = m_rng(), lo = m_rng();
    return formatUuid(ms << 16 | 0x7000 | (rand & 0x0FFF), lo); // version 7
}

std::string caseNumberPrefix(const std::string& officeCode, TimeMs receivedAt, int offsetMinutes) {
    const std::string iso = formatIso8601(receivedAt, offsetMinutes); // YYYY-MM-DDT…
    return "TS-" + officeCode + "-" + iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + "-";
}

std::string caseNumber(const std::string& prefix, int sequence) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", sequence);
    return prefix + buf;
}

} // namespace tousu::core
