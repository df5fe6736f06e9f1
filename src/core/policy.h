// Deadline policies (四、处理时限) and the regulatory rules beside them, as versioned data.
// A case copies the limits it was opened under into its register event, so later policy edits
// never move an existing case's deadlines.
#pragma once
#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"
#include "core/workflow.h"

namespace tousu::core {

struct MilestoneRule {
    Milestone milestone;
    int limitHours;
    Action metBy; // the action that meets it
};

struct CategoryPolicy {
    Category category;
    std::vector<MilestoneRule> rules;
    int maxHours;    // the most a supervisor may set per case
    int version = 1; // bumped by every edit; a case records the version it was opened under
};

struct PolicySet {
    std::string id = "default";
    int version = 1;
    std::vector<CategoryPolicy> categories;
    double nearShare = 0.8;                              // amber once this share of a limit is used
    std::vector<double> escalationShares{0.6, 0.8, 1.0}; // responsible person, head, supervisor
    bool workingHours = false;
    int appealDays = 15;         // MIIT: the customer may appeal to the regulator after 15 days
    int billingMaxAgeMonths = 5; // the regulator does not accept disputes over older charges
    int repeatWindowDays = 30;
};

// The seed's limits: service quality 24 h investigation / 48 h feedback; billing 72 h;
// business 48 h; other 72 h.
PolicySet defaultPolicies();

const CategoryPolicy* policyFor(const PolicySet& set, Category category);
std::vector<MilestoneClock> milestonesFor(const PolicySet& set, Category category);
Action metBy(Milestone m);
// Replaces a category's rules from stored limits ("feedback=172800000;…"); false if malformed.
bool applyStoredPolicy(PolicySet& set, Category category, const std::string& limits, int maxHours, int version);

// "initial_investigation=86400000;feedback=172800000" — stored in the register event.
std::string encodeLimits(const std::vector<MilestoneClock>& milestones);
// The longest time limit a case can carry: a year. Longer ones (only a hostile file holds them)
// are refused, so no deadline computation ever steps through centuries of working days.
constexpr TimeMs kMaxLimitMs = 365LL * 24 * 3600 * 1000;
Result<std::vector<MilestoneClock>> decodeLimits(const std::string& text);

} // namespace tousu::core
