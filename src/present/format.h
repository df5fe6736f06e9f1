// How times and durations read on screen (office time zone +08:00).
#pragma once
#include <string>

#include "core/time.h"
#include "core/workflow.h"

namespace tousu::app {
class App;
}

namespace tousu::present {

std::string formatDateTime(core::TimeMs t); // "2026-11-28 09:30"
std::string formatShort(core::TimeMs t);    // "11-28 09:30"
std::string formatDate(core::TimeMs t);     // "2026-11-28"
// One number through a printf format ("%.1f%%", a translated "%.1f 小时").
std::string formatNumber(const char* printfFormat, double v);
std::string formatRemaining(core::TimeMs remainingMs);        // "剩 5 小时 03 分" / "超时 2 小时 00 分"
std::string formatBytes(std::int64_t bytes);                  // "830 B", "12.4 KB", "3.1 MB"
std::string attachmentKindName(const std::string& mediaType); // 图片, 录音, PDF, 文档, 文本
// A customer's phone and account as the person at the desk may see them: whole for the roles the
// administrator chose (app::Settings::roleSeesWholeContacts), 138****1234 and 62****89 for the others.
std::string phoneFor(const app::App& app, const std::string& phone);
std::string accountFor(const app::App& app, const std::string& account);
// The top of a chart axis: four equal steps of a round size (1–8 times a power of ten) covering `v`.
int axisTop(int v);
// Parses what an agent types for a time: "2026-11-28 09:30", "2026-11-28T09:30" or full ISO 8601.
core::Result<core::TimeMs> parseTypedTime(const std::string& text);

} // namespace tousu::present
