// Time left per milestone: due time, share of the limit used, near-limit and overdue, with the
// time the case waited on the customer excluded; escalation levels; the regulatory appeal date.
#pragma once
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/kpi.h"
#include "core/model.h"
#include "core/policy.h"

namespace tousu::core {

enum class DeadlineLevel { Ok, Near, Overdue, Met, MetLate };

struct MilestoneStatus {
    Milestone milestone;
    TimeMs limitMs = 0;
    TimeMs dueAt = 0;       // when the limit runs out (moves later while paused)
    TimeMs usedMs = 0;      // calendar time used, pauses excluded
    TimeMs remainingMs = 0; // limit − used (negative when overdue)
    double usedShare = 0;
    DeadlineLevel level = DeadlineLevel::Ok;
};

// Pauses so far, including a pause still running at `now`.
TimeMs pausedUntil(const Case& c, TimeMs now, const Calendar& cal);
MilestoneStatus milestoneStatus(const Case& c, const MilestoneClock& m, TimeMs now, const Calendar& cal,
                                double nearShare);
std::vector<MilestoneStatus> deadlineStatus(const Case& c, TimeMs now, const Calendar& cal, double nearShare);
// The earliest due time among unmet milestones, 0 if none (for sorting and the work queue).
TimeMs nextDue(const Case& c, TimeMs now, const Calendar& cal);
// Highest escalation level crossed by any unmet milestone: 0 none, 1.. = index into shares + 1.
int escalationLevel(const Case& c, TimeMs now, const Calendar& cal, const std::vector<double>& shares);
// OnTime once every milestone is met within its limit; Late once any is met late; else Open
// (an open case may still be overdue now: see nextDue).
DeadlineOutcome deadlineOutcome(const Case& c, const Calendar& cal);
// When an important or urgent complaint is due for its follow-up visit (回访): some days after the
// result was fed back, once per resolution (a visit that finds it unresolved reopens the case, and
// the next resolution is visited again). 0 when no visit is due.
constexpr TimeMs kFollowUpAfterMs = 3 * 24 * kHourMs;
TimeMs followUpDueAt(const Case& c);
// Met milestones as stored in the case list projection, for the statistics' deadline health:
// "feedback:1:620,handled:0:1310" = milestone code, met within the limit (1) or late (0), share of
// the limit used in per mille. Unmet milestones are left out.
std::string metMilestonesText(const Case& c, const Calendar& cal);
struct MetMilestone {
    Milestone milestone;
    bool onTime;
    int usedPerMille;
};
std::vector<MetMilestone> parseMetMilestones(const std::string& text); // malformed parts are skipped

// The date from which the customer may appeal to the regulator (received + appealDays).
TimeMs appealRiskAt(const Case& c, const PolicySet& policies);
// True if a billing dispute concerns charges older than the regulator accepts.
bool billingChargeTooOld(TimeMs chargeDate, TimeMs receivedAt, const PolicySet& policies);

} // namespace tousu::core
