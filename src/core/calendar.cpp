#include "core/calendar.h"

#include <algorithm>

namespace tousu::core {

namespace {

constexpr TimeMs kDayMs = 86400000;
constexpr TimeMs kMinuteMs = 60000;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

} // namespace

bool WorkingCalendar::isWorkingDay(std::int64_t day) const {
    if (makeUpDays.count(day)) return true;
    if (holidays.count(day)) return false;
    const std::int64_t weekday = ((day % 7) + 7 + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    return weekday != 0 && weekday != 6;
}

Result<WorkingCalendar> parseWorkingCalendar(std::string_view text) {
    WorkingCalendar cal;
    bool spanSet = false;
    int lineNo = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        const std::size_t t1 = line.find('\t');
        const std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
        const auto bad = [&](const char* why) {
            return makeError(ErrorCode::InvalidInput, "error.calendar_line",
                             "line " + std::to_string(lineNo) + ": " + why);
        };
        if (t1 == std::string_view::npos) return bad("expected date<TAB>holiday|workday<TAB>name");
        auto day = parseDate(line.substr(0, t1), 0);
        if (!day) return bad("bad date");
        const std::int64_t d = day.value() / kDayMs;
        const std::string_view kind =
            line.substr(t1 + 1, t2 == std::string_view::npos ? std::string_view::npos : t2 - t1 - 1);
        if (kind == "holiday")
            cal.holidays.insert(d);
        else if (kind == "workday")
            cal.makeUpDays.insert(d);
        else
            return bad("kind must be holiday or workday");
        // A year's notice covers the whole year: the data runs to 31 December of its last year.
        const CivilDate civil = civilFromDays(d);
        // The first line sets the span (day 0, 1970-01-01, is a real day, so no sentinel value).
        const bool first = !spanSet;
        spanSet = true;
        const std::int64_t yearStart = daysFromCivil({civil.year, 1, 1}), yearEnd = daysFromCivil({civil.year, 12, 31});
        cal.firstDay = first ? yearStart : std::min(cal.firstDay, yearStart);
        cal.lastDay = first ? yearEnd : std::max(cal.lastDay, yearEnd);
        if (end == text.size()) break;
    }
    return cal;
}

TimeMs Calendar::elapsed(TimeMs from, TimeMs to) const {
    if (to <= from) return 0;
    if (!m_working) return to - from;
    const WorkingCalendar& w = *m_working;
    const TimeMs off = static_cast<TimeMs>(w.offsetMinutes) * kMinuteMs;
    TimeMs total = 0;
    for (std::int64_t day = floorDiv(from + off, kDayMs); day <= floorDiv(to + off, kDayMs); ++day) {
        if (!w.isWorkingDay(day)) continue;
        const TimeMs open = day * kDayMs - off + w.dayStartMinute * kMinuteMs;
        const TimeMs close = day * kDayMs - off + w.dayEndMinute * kMinuteMs;
        const TimeMs a = std::max(open, from), b = std::min(close, to);
        if (b > a) total += b - a;
    }
    return total;
}

TimeMs Calendar::add(TimeMs from, TimeMs duration) const {
    if (!m_working) return from + duration;
    const WorkingCalendar& w = *m_working;
    const TimeMs off = static_cast<TimeMs>(w.offsetMinutes) * kMinuteMs;
    TimeMs left = duration;
    for (std::int64_t day = floorDiv(from + off, kDayMs);; ++day) {
        if (!w.isWorkingDay(day)) continue;
        const TimeMs open = day * kDayMs - off + w.dayStartMinute * kMinuteMs;
        const TimeMs close = day * kDayMs - off + w.dayEndMinute * kMinuteMs;
        const TimeMs a = std::max(open, from);
        if (close <= a) continue;
        if (left <= close - a) return a + left;
        left -= close - a;
    }
}

} // namespace tousu::core
