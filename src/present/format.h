// How times and durations read on screen (office time zone +08:00).
#pragma once
#include <string>

#include "core/time.h"
#include "core/workflow.h"

namespace tousu::present {

std::string formatDateTime(core::TimeMs t); // "2026-11-28 09:30"
std::string formatShort(core::TimeMs t);    // "11-28 09:30"
std::string formatDate(core::TimeMs t);     // "2026-11-28"
// One number through a printf format ("%.1f%%", a translated "%.1f 小时").
std::string formatNumber(const char* printfFormat, double v);
std::string formatRemaining(core::TimeMs remainingMs);
// A customer's phone as this role may see it in lists: whole for supervisors and administrators,
// 138****1234 for everyone else (core::roleSeesFullPhone).
std::string phoneFor(core::Role role, const std::string& phone); // "剩 5 小时 03 分" / "超时 2 小时 00 分"
// The top of a chart axis: four equal steps of a round size (1–8 times a power of ten) covering `v`.
int axisTop(int v);
// Parses what an agent types for a time: "2026-11-28 09:30", "2026-11-28T09:30" or full ISO 8601.
core::Result<core::TimeMs> parseTypedTime(const std::string& text);

} // namespace tousu::present
