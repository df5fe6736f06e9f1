// Fuzzes the working-hours calendar (core::parseWorkingCalendar, core::Calendar). Input: a calendar
// TSV as an office would load it. Besides ASan/UBSan (no crash, no overflow), it checks, with
// __builtin_trap on failure, for a calendar that parses:
//   1. every holiday and make-up day lies within [firstDay, lastDay];
//   2. deadline arithmetic inverts: elapsed(from, add(from, d)) == d for a few starts and durations.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/calendar.h"
#include "fuzz_check.h"

using namespace tousu;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parsed = core::parseWorkingCalendar(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!parsed.ok()) return 0;
    const core::WorkingCalendar& w = parsed.value();
    for (const auto* days : {&w.holidays, &w.makeUpDays}) {
        if (days->empty()) continue;
        FUZZ_CHECK(*days->begin() >= w.firstDay && *days->rbegin() <= w.lastDay); // 1
    }

    // 2. From a few instants inside the data's span (and its edges), a few limits as the policies use.
    const core::Calendar cal = core::Calendar::working(w);
    constexpr core::TimeMs kDayMs = 86400000;
    const core::TimeMs starts[] = {w.firstDay * kDayMs, w.lastDay * kDayMs + 20 * core::kHourMs,
                                   (w.firstDay + (w.lastDay - w.firstDay) / 2) * kDayMs + 7 * core::kHourMs + 12345};
    const core::TimeMs limits[] = {0, 1, core::kHourMs, 24 * core::kHourMs, 72 * core::kHourMs, 720 * core::kHourMs};
    for (const core::TimeMs from : starts)
        for (const core::TimeMs d : limits) {
            const core::TimeMs due = cal.add(from, d);
            FUZZ_CHECK(due >= from);
            FUZZ_CHECK(cal.elapsed(from, due) == d);
        }
    return 0;
}
