#include "core/hlc.h"

#include <cstdio>
#include <cstdlib>

namespace tousu::core {

std::string formatHlc(Hlc h) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016lld-%08u", static_cast<long long>(h.wall), h.counter);
    return buf;
}

Result<Hlc> parseHlc(const std::string& s) {
    if (s.size() != 25 || s[16] != '-') return makeError(ErrorCode::InvalidInput, "error.hlc_format", s);
    for (std::size_t i = 0; i < s.size(); ++i)
        if (i != 16 && (s[i] < '0' || s[i] > '9')) return makeError(ErrorCode::InvalidInput, "error.hlc_format", s);
    return Hlc{std::strtoll(s.substr(0, 16).c_str(), nullptr, 10),
               static_cast<std::uint32_t>(std::strtoul(s.substr(17).c_str(), nullptr, 10))};
}

Hlc HlcClock::tick(TimeMs physical) {
    if (physical > m_last.wall)
        m_last = {physical, 0};
    else if (m_last.counter >= kMaxHlcCounter)
        m_last = {m_last.wall + 1, 0};
    else
        ++m_last.counter;
    return m_last;
}

void HlcClock::observe(Hlc remote) {
    if (remote > m_last) m_last = remote;
}

} // namespace tousu::core
