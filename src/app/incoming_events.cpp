#include "app/incoming_events.h"

#include <algorithm>
#include <cstdlib>

#include "core/fields.h"
#include "core/model.h"
#include "core/policy.h"

namespace tousu::app {

using core::ErrorCode;
using core::makeError;

namespace {

// An event stamped far in the future would pull every later local stamp after it (the HLC follows
// the latest it has seen): a device whose clock is a day ahead is wrong, a year-9999 stamp is hostile.
constexpr core::TimeMs kMaxClockAheadMs = 24 * core::kHourMs;
constexpr core::TimeMs kEarliestStampMs = 946'684'800'000; // 2000-01-01, before any tousu data
constexpr core::TimeMs kYearMs = 366 * 24 * core::kHourMs;

// Case-event fields that name reference data, and the reference type that defines them.
struct ReferenceUse {
    const char* field;
    const char* type;
};
constexpr ReferenceUse kReferenceUses[] = {
    {"department", "ref.department"}, {"person", "ref.staff"}, {"sub_type", "ref.sub_type"}};

// A whole number written as our writers write it (digits, an optional minus), within [min, max].
bool numberIn(const std::string& text, long long min, long long max) {
    if (text.empty() || text.size() > 19) return false;
    char* end = nullptr;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    return *end == '\0' && v >= min && v <= max;
}

core::Error refused(const char* key, std::size_t index, const core::Event& e, const std::string& what) {
    return makeError(ErrorCode::InvalidInput, key, "event " + std::to_string(index + 1) + " (" + e.id + "): " + what);
}

} // namespace

std::optional<core::Error> incomingEventError(const std::vector<core::Event>& events, const KnownReferences& known,
                                              core::TimeMs now) {
    const auto stampOk = [now](core::Hlc h) { return h.wall >= kEarliestStampMs && h.wall <= now + kMaxClockAheadMs; };
    // Numeric payload fields and the values they may take.
    const struct {
        const char* field;
        long long min, max;
    } numbers[] = {
        {"received_at", kEarliestStampMs, now + kMaxClockAheadMs},
        {"at", kEarliestStampMs, now + kMaxClockAheadMs},
        {"charge_date", kEarliestStampMs, now + kMaxClockAheadMs},
        {"created_at", kEarliestStampMs, now + kMaxClockAheadMs},
        {"expected_at", kEarliestStampMs, now + kYearMs},
        {"limit_ms", 1, core::kMaxLimitMs},
        {"rating", 0, 5},
        {"level", 0, 10},
    };
    std::set<std::string> missing;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const core::Event& e = events[i];
        if (!stampOk(e.hlc) || (e.prev != core::Hlc{} && !stampOk(e.prev)))
            return refused("error.bundle_hlc_range", i, e, core::formatHlc(e.hlc));
        if (const std::string limits = core::getField(e.fields, "limits");
            !limits.empty() && !core::decodeLimits(limits))
            return refused("error.bundle_limits", i, e, limits);
        for (const auto& n : numbers)
            if (const auto it = e.fields.find(n.field); it != e.fields.end() && !numberIn(it->second, n.min, n.max))
                return refused(n.field == std::string("limit_ms") ? "error.bundle_limits" : "error.bundle_value", i, e,
                               std::string(n.field) + "=" + it->second);
        if (const auto it = e.fields.find("category");
            !e.caseId.empty() && it != e.fields.end() && !core::categoryFromCode(it->second))
            return refused("error.bundle_value", i, e, "category=" + it->second);
        if (e.caseId.empty()) continue; // reference data defines, it does not refer
        for (const ReferenceUse& use : kReferenceUses)
            if (const std::string id = core::getField(e.fields, use.field);
                !id.empty() && !known.count(std::string(use.type) + ":" + id))
                missing.insert(std::string(use.field) + " " + id);
        if (e.actor != "system" && !known.count("ref.staff:" + e.actor)) missing.insert("actor " + e.actor);
    }
    if (missing.empty()) return std::nullopt;
    std::string detail;
    for (const std::string& m : missing) detail += (detail.empty() ? "" : ", ") + m;
    return makeError(ErrorCode::InvalidInput, "error.bundle_unknown_reference", detail);
}

} // namespace tousu::app
