// Time arithmetic for deadlines. By default limits count clock hours, as the procedure does; an
// office may opt into working hours: weekdays within office hours, minus public holidays, plus
// make-up working days (调休), loaded as data (assets/calendar/*.tsv) so it can be updated yearly.
#pragma once
#include <set>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/time.h"

namespace tousu::core {

struct WorkingCalendar {
    int offsetMinutes = kChinaOffsetMinutes;
    int dayStartMinute = 8 * 60 + 30;       // 08:30
    int dayEndMinute = 17 * 60 + 30;        // 17:30
    std::set<std::int64_t> holidays;        // day numbers (core::daysFromCivil) that are days off
    std::set<std::int64_t> makeUpDays;      // weekend days that are working days
    std::int64_t firstDay = 0, lastDay = 0; // the span the data covers: whole years

    bool isWorkingDay(std::int64_t day) const;
};

// Parses "YYYY-MM-DD<TAB>holiday|workday<TAB>name" lines ('#' comments, blank lines allowed).
// Errors name the line: messageKey "error.calendar_line".
Result<WorkingCalendar> parseWorkingCalendar(std::string_view text);

class Calendar {
  public:
    static Calendar clockHours() { return Calendar(); }
    static Calendar working(const WorkingCalendar& data) { return Calendar(&data); }

    bool isWorkingTime() const { return m_working != nullptr; }
    // Calendar time between two instants (0 if to <= from).
    TimeMs elapsed(TimeMs from, TimeMs to) const;
    // The instant at which `duration` of calendar time has passed after `from`.
    TimeMs add(TimeMs from, TimeMs duration) const;

  private:
    explicit Calendar(const WorkingCalendar* data = nullptr) : m_working(data) {}
    const WorkingCalendar* m_working;
};

} // namespace tousu::core
