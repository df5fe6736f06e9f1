// Performance evaluation (六、绩效评估与考核): on-time rate, satisfaction, repeat rate, per-person
// performance, mean handling time — overall and grouped by category, channel, department, person.
// Definitions (the dashboard and `tousu-cli kpi` both use these):
//   on-time rate   = on-time cases / decided cases. A case is decided once every milestone is met,
//                    or one is met late or overdue now; on time = every milestone met within its limit.
//   satisfaction   = mean rating (1–5) of surveyed cases; satisfied share = ratings 4–5 / rated.
//   repeat rate    = cases flagged as repeats / cases.
//   handling time  = received → result fed back, for cases fed back.
// Cancelled cases (duplicates merged away) are not counted.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/model.h"

namespace tousu::core {

enum class DeadlineOutcome { OnTime, Late, Open };

struct KpiRow {
    Category category = Category::Other;
    Channel channel = Channel::Other;
    std::string subType, department, person;
    std::string customerKey, phone; // for repeat complainants (the phone is shown masked)
    std::string metMilestones;      // core::metMilestonesText, for deadline health
    State state = State::Registered;
    DeadlineOutcome outcome = DeadlineOutcome::Open;
    TimeMs nextDue = 0; // earliest unmet due time (0: none, or paused)
    TimeMs receivedAt = 0, resolvedAt = 0;
    int rating = 0; // 0 = not rated
    bool repeat = false;
};

struct KpiGroup {
    int cases = 0, closed = 0, decided = 0, onTime = 0, rated = 0, satisfied = 0, repeats = 0, handled = 0;
    long long ratingSum = 0;
    double handlingHoursSum = 0;
    int ratingCounts[5] = {0, 0, 0, 0, 0};

    // Rates are -1 when there is nothing to divide by ("no data", never NaN).
    double onTimeRate() const { return decided ? double(onTime) / decided : -1; }
    double satisfactionMean() const { return rated ? double(ratingSum) / rated : -1; }
    double satisfiedShare() const { return rated ? double(satisfied) / rated : -1; }
    double repeatRate() const { return cases ? double(repeats) / cases : -1; }
    double meanHandlingHours() const { return handled ? handlingHoursSum / handled : -1; }
};

struct KpiReport {
    KpiGroup total;
    std::map<std::string, KpiGroup> byCategory, byChannel, byDepartment, byPerson;
};

// One row into one group (cancelled rows too: callers skip those); addToKpis does every group.
void addToGroup(KpiGroup& group, const KpiRow& row, TimeMs now);
void addToKpis(KpiReport& report, const KpiRow& row, TimeMs now);
KpiReport computeKpis(const std::vector<KpiRow>& rows, TimeMs now);

} // namespace tousu::core
