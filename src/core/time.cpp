// ISO 8601 and civil-date arithmetic (days-from-civil after H. Hinnant's public-domain algorithms),
// because <chrono> calendars are unavailable in Emscripten 3.1.6's libc++.
#include "core/time.h"

#include <cstdio>

namespace tousu::core {

std::int64_t daysFromCivil(CivilDate d) {
    const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (d.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0)), month, day};
}

bool isValidDate(CivilDate d) {
    if (d.month < 1 || d.month > 12 || d.day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    const int max = kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
    return d.day <= max;
}

namespace {

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Reads exactly `width` digits at `pos`; false if any is not a digit.
bool readDigits(std::string_view s, std::size_t pos, std::size_t width, int& out) {
    if (pos + width > s.size()) return false;
    out = 0;
    for (std::size_t i = 0; i < width; ++i) {
        const char c = s[pos + i];
        if (c < '0' || c > '9') return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

Error badTime(std::string_view text) {
    return makeError(ErrorCode::InvalidInput, "error.time_format", "not ISO 8601 with offset: " + std::string(text));
}

} // namespace

std::string formatIso8601(TimeMs t, int offsetMinutes) {
    const TimeMs local = t + static_cast<TimeMs>(offsetMinutes) * 60000;
    const std::int64_t days = floorDiv(local, 86400000);
    const std::int64_t msOfDay = local - days * 86400000;
    const CivilDate d = civilFromDays(days);
    const int h = static_cast<int>(msOfDay / 3600000), mi = static_cast<int>(msOfDay / 60000 % 60);
    const int s = static_cast<int>(msOfDay / 1000 % 60), ms = static_cast<int>(msOfDay % 1000);
    char buf[48];
    int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day, h, mi, s);
    if (ms != 0) n += std::snprintf(buf + n, sizeof buf - n, ".%03d", ms);
    const int off = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
    std::snprintf(buf + n, sizeof buf - n, "%c%02d:%02d", offsetMinutes < 0 ? '-' : '+', off / 60, off % 60);
    return buf;
}

Result<TimeMs> parseIso8601(std::string_view s) {
    CivilDate d{};
    int h = 0, mi = 0, sec = 0, ms = 0;
    if (!readDigits(s, 0, 4, d.year) || s.size() < 16 || s[4] != '-' || !readDigits(s, 5, 2, d.month) || s[7] != '-' ||
        !readDigits(s, 8, 2, d.day) || (s[10] != 'T' && s[10] != ' ') || !readDigits(s, 11, 2, h) || s[13] != ':' ||
        !readDigits(s, 14, 2, mi))
        return badTime(s);
    std::size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!readDigits(s, pos + 1, 2, sec)) return badTime(s);
        pos += 3;
        if (pos < s.size() && s[pos] == '.') {
            if (!readDigits(s, pos + 1, 3, ms)) return badTime(s);
            pos += 4;
        }
    }
    if (!isValidDate(d) || h > 23 || mi > 59 || sec > 59) return badTime(s);
    int offset = 0;
    if (pos < s.size() && s[pos] == 'Z' && pos + 1 == s.size()) {
        offset = 0;
    } else if (pos + 6 == s.size() && (s[pos] == '+' || s[pos] == '-') && s[pos + 3] == ':') {
        int oh = 0, om = 0;
        if (!readDigits(s, pos + 1, 2, oh) || !readDigits(s, pos + 4, 2, om) || oh > 14 || om > 59) return badTime(s);
        offset = (s[pos] == '-' ? -1 : 1) * (oh * 60 + om);
    } else {
        return badTime(s);
    }
    const TimeMs local = daysFromCivil(d) * 86400000 + ((h * 60 + mi) * 60 + sec) * 1000LL + ms;
    return local - static_cast<TimeMs>(offset) * 60000;
}

Result<TimeMs> parseDate(std::string_view s, int offsetMinutes) {
    CivilDate d{};
    if (s.size() != 10 || !readDigits(s, 0, 4, d.year) || s[4] != '-' || !readDigits(s, 5, 2, d.month) || s[7] != '-' ||
        !readDigits(s, 8, 2, d.day) || !isValidDate(d))
        return makeError(ErrorCode::InvalidInput, "error.date_format", "not YYYY-MM-DD: " + std::string(s));
    return daysFromCivil(d) * 86400000 - static_cast<TimeMs>(offsetMinutes) * 60000;
}

} // namespace tousu::core
