#include "present/format.h"

#include "core/attachment.h"
#include "core/validate.h"

#include <algorithm>
#include <cstdio>

#include "app/app.h"
#include "present/i18n.h"

namespace tousu::present {

std::string formatDateTime(core::TimeMs t) {
    const std::string iso = core::formatIso8601(t);
    return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

std::string formatShort(core::TimeMs t) { return formatDateTime(t).substr(5); }

std::string formatDate(core::TimeMs t) { return core::formatIso8601(t).substr(0, 10); }

std::string formatNumber(const char* printfFormat, double v) {
    char buf[96];
    std::snprintf(buf, sizeof buf, printfFormat, v);
    return buf;
}

std::string formatRemaining(core::TimeMs remainingMs) {
    const bool overdue = remainingMs < 0;
    const long long minutes = (overdue ? -remainingMs : remainingMs) / 60000;
    char buf[96];
    std::snprintf(buf, sizeof buf, tr(overdue ? "time.overdue" : "time.left"), static_cast<int>(minutes / 60),
                  static_cast<int>(minutes % 60));
    return buf;
}

core::Result<core::TimeMs> parseTypedTime(const std::string& text) {
    std::string t = text;
    while (!t.empty() && t.back() == ' ') t.pop_back();
    if (t.size() == 16) t += ":00";
    if (t.size() == 19) t += "+08:00";
    auto parsed = core::parseIso8601(t);
    if (!parsed) return core::makeError(core::ErrorCode::InvalidInput, "error.time_format", text, "received_at");
    return parsed;
}

std::string phoneFor(const app::App& app, const std::string& phone) {
    return app.seesWholeContacts() ? phone : core::maskPhone(phone);
}

std::string accountFor(const app::App& app, const std::string& account) {
    return app.seesWholeContacts() ? account : core::maskAccount(account);
}

int axisTop(int v) {
    const int quarter = std::max(1, (v + 3) / 4);
    int power = 1;
    while (power * 10 <= quarter) power *= 10;
    for (int m : {1, 2, 3, 4, 5, 6, 8, 10})
        if (m * power >= quarter) return 4 * m * power;
    return 40 * power;
}

std::string attachmentKindName(const std::string& mediaType) {
    static constexpr const char* kKeys[] = {"attachment.kind_image", "attachment.kind_audio", "attachment.kind_pdf",
                                            "attachment.kind_document", "attachment.kind_text"};
    return tr(kKeys[static_cast<int>(core::attachmentKind(mediaType))]);
}

std::string formatBytes(std::int64_t bytes) {
    char out[32];
    if (bytes < 1024)
        std::snprintf(out, sizeof out, "%lld B", static_cast<long long>(bytes));
    else if (bytes < 1024 * 1024)
        std::snprintf(out, sizeof out, "%.1f KB", static_cast<double>(bytes) / 1024);
    else
        std::snprintf(out, sizeof out, "%.1f MB", static_cast<double>(bytes) / (1024 * 1024));
    return out;
}

} // namespace tousu::present
