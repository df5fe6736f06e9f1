#include "core/policy.h"

#include <cstdlib>

namespace tousu::core {

PolicySet defaultPolicies() {
    PolicySet p;
    p.categories = {
        {Category::ServiceQuality,
         {{Milestone::InitialInvestigation, 24, Action::Investigate}, {Milestone::Feedback, 48, Action::Feedback}},
         48},
        {Category::Billing, {{Milestone::Handled, 72, Action::Feedback}}, 72},
        {Category::Business, {{Milestone::Resolved, 48, Action::Feedback}}, 48},
        {Category::Other, {{Milestone::Handled, 72, Action::Feedback}}, 72},
    };
    return p;
}

const CategoryPolicy* policyFor(const PolicySet& set, Category category) {
    for (const auto& c : set.categories)
        if (c.category == category) return &c;
    return nullptr;
}

std::vector<MilestoneClock> milestonesFor(const PolicySet& set, Category category) {
    std::vector<MilestoneClock> out;
    if (const CategoryPolicy* p = policyFor(set, category))
        for (const auto& r : p->rules) out.push_back({r.milestone, r.limitHours * kHourMs, 0});
    return out;
}

Action metBy(Milestone m) { return m == Milestone::InitialInvestigation ? Action::Investigate : Action::Feedback; }

bool applyStoredPolicy(PolicySet& set, Category category, const std::string& limits, int maxHours, int version) {
    auto decoded = decodeLimits(limits);
    if (!decoded || decoded.value().empty()) return false;
    for (auto& c : set.categories) {
        if (c.category != category) continue;
        c.rules.clear();
        for (const auto& m : decoded.value())
            c.rules.push_back({m.milestone, static_cast<int>(m.limitMs / kHourMs), metBy(m.milestone)});
        c.maxHours = maxHours;
        c.version = version;
        return true;
    }
    return false;
}

std::string encodeLimits(const std::vector<MilestoneClock>& milestones) {
    std::string out;
    for (const auto& m : milestones) {
        if (!out.empty()) out += ';';
        out += std::string(code(m.milestone)) + "=" + std::to_string(m.limitMs);
    }
    return out;
}

Result<std::vector<MilestoneClock>> decodeLimits(const std::string& text) {
    std::vector<MilestoneClock> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(';', pos);
        if (end == std::string::npos) end = text.size();
        const std::string item = text.substr(pos, end - pos);
        const std::size_t eq = item.find('=');
        const auto milestone = eq == std::string::npos ? std::nullopt : milestoneFromCode(item.substr(0, eq));
        char* tail = nullptr;
        const long long ms = milestone ? std::strtoll(item.c_str() + eq + 1, &tail, 10) : 0;
        if (!milestone || !tail || *tail != '\0' || ms <= 0 || ms > kMaxLimitMs)
            return makeError(ErrorCode::InvalidInput, "error.limits_format", text);
        out.push_back({*milestone, ms, 0});
        pos = end + 1;
    }
    return out;
}

} // namespace tousu::core
