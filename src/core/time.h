// Time values for the domain: milliseconds since the Unix epoch (UTC) and ISO 8601 text with a
// fixed UTC offset (China has no DST, offices may set another offset). Pure: no clock reads here.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace tousu::core {

using TimeMs = std::int64_t; // ms since 1970-01-01T00:00:00Z
constexpr TimeMs kHourMs = 3600 * 1000;
constexpr int kChinaOffsetMinutes = 8 * 60; // +08:00

struct CivilDate {
    int year;
    int month;
    int day;
};

std::int64_t daysFromCivil(CivilDate date); // days since 1970-01-01, proleptic Gregorian
CivilDate civilFromDays(std::int64_t days);
bool isValidDate(CivilDate date);

// "2026-11-28T09:30:00+08:00" (seconds precision; milliseconds appear only when non-zero).
std::string formatIso8601(TimeMs t, int offsetMinutes = kChinaOffsetMinutes);
// Accepts "YYYY-MM-DDTHH:MM[:SS[.mmm]]" followed by "Z" or "±HH:MM"; a missing offset is refused.
Result<TimeMs> parseIso8601(std::string_view text);
// "YYYY-MM-DD" as the start of that day at the given offset.
Result<TimeMs> parseDate(std::string_view text, int offsetMinutes = kChinaOffsetMinutes);

} // namespace tousu::core
