#include "core/deadline.h"

#include <cstdlib>

#include <algorithm>

namespace tousu::core {

TimeMs pausedUntil(const Case& c, TimeMs now, const Calendar& cal) {
    return c.pausedTotalMs + (c.pausedSince ? cal.elapsed(c.pausedSince, now) : 0);
}

MilestoneStatus milestoneStatus(const Case& c, const MilestoneClock& m, TimeMs now, const Calendar& cal,
                                double nearShare) {
    MilestoneStatus s;
    s.milestone = m.milestone;
    s.limitMs = m.limitMs;
    const TimeMs end = m.metAt ? m.metAt : now;
    const TimeMs paused = m.metAt ? m.pausedAtMet : pausedUntil(c, end, cal);
    s.usedMs = std::max<TimeMs>(0, cal.elapsed(c.receivedAt, end) - paused);
    s.remainingMs = m.limitMs - s.usedMs;
    s.usedShare = m.limitMs > 0 ? static_cast<double>(s.usedMs) / static_cast<double>(m.limitMs) : 0;
    s.dueAt = cal.add(c.receivedAt, m.limitMs + paused);
    if (m.metAt)
        s.level = s.usedMs <= m.limitMs ? DeadlineLevel::Met : DeadlineLevel::MetLate;
    else if (s.usedMs > m.limitMs)
        s.level = DeadlineLevel::Overdue;
    else if (s.usedShare >= nearShare)
        s.level = DeadlineLevel::Near;
    else
        s.level = DeadlineLevel::Ok;
    return s;
}

std::vector<MilestoneStatus> deadlineStatus(const Case& c, TimeMs now, const Calendar& cal, double nearShare) {
    std::vector<MilestoneStatus> out;
    for (const auto& m : c.milestones) out.push_back(milestoneStatus(c, m, now, cal, nearShare));
    return out;
}

TimeMs nextDue(const Case& c, TimeMs now, const Calendar& cal) {
    TimeMs best = 0;
    if (!isOpen(c.state)) return 0;
    for (const auto& m : c.milestones) {
        if (m.metAt) continue;
        const TimeMs due = milestoneStatus(c, m, now, cal, 1.0).dueAt;
        if (best == 0 || due < best) best = due;
    }
    return best;
}

int escalationLevel(const Case& c, TimeMs now, const Calendar& cal, const std::vector<double>& shares) {
    if (!isOpen(c.state)) return 0;
    int level = 0;
    for (const auto& m : c.milestones) {
        if (m.metAt) continue;
        const double used = milestoneStatus(c, m, now, cal, 1.0).usedShare;
        for (std::size_t i = 0; i < shares.size(); ++i)
            if (used >= shares[i]) level = std::max(level, static_cast<int>(i) + 1);
    }
    return level;
}

DeadlineOutcome deadlineOutcome(const Case& c, const Calendar& cal) {
    bool allMet = !c.milestones.empty();
    for (const auto& m : c.milestones) {
        if (!m.metAt) {
            allMet = false;
            continue;
        }
        if (milestoneStatus(c, m, m.metAt, cal, 1.0).level == DeadlineLevel::MetLate) return DeadlineOutcome::Late;
    }
    return allMet ? DeadlineOutcome::OnTime : DeadlineOutcome::Open;
}

TimeMs appealRiskAt(const Case& c, const PolicySet& policies) {
    return c.receivedAt + static_cast<TimeMs>(policies.appealDays) * 24 * kHourMs;
}

bool billingChargeTooOld(TimeMs chargeDate, TimeMs receivedAt, const PolicySet& policies) {
    // Calendar months back from the receipt date (same day of month, clamped to the month's end).
    const std::int64_t receivedDay = (receivedAt + kChinaOffsetMinutes * 60000LL) / 86400000;
    CivilDate d = civilFromDays(receivedDay);
    int month = d.month - policies.billingMaxAgeMonths;
    int year = d.year;
    while (month < 1) {
        month += 12;
        --year;
    }
    CivilDate limit{year, month, d.day};
    while (!isValidDate(limit)) --limit.day;
    const TimeMs limitMs = daysFromCivil(limit) * 86400000 - kChinaOffsetMinutes * 60000LL;
    return chargeDate < limitMs;
}

TimeMs followUpDueAt(const Case& c) {
    const bool visited = c.followUps > c.reopenCount;
    const bool resolved = c.state == State::Surveyed || c.state == State::Archived;
    if (c.importance == Importance::Normal || !resolved || visited || c.resolvedAt == 0) return 0;
    return c.resolvedAt + kFollowUpAfterMs;
}

std::string metMilestonesText(const Case& c, const Calendar& cal) {
    std::string out;
    for (const MilestoneClock& m : c.milestones) {
        if (!m.metAt) continue;
        const MilestoneStatus s = milestoneStatus(c, m, m.metAt, cal, 1.0);
        out += (out.empty() ? "" : ",") + std::string(code(m.milestone)) + ":" +
               (s.level == DeadlineLevel::Met ? "1" : "0") + ":" +
               std::to_string(static_cast<long long>(s.usedShare * 1000 + 0.5));
    }
    return out;
}

std::vector<MetMilestone> parseMetMilestones(const std::string& text) {
    std::vector<MetMilestone> out;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        const std::string part = text.substr(start, end - start);
        start = end + 1;
        const std::size_t a = part.find(':'), b = part.rfind(':');
        if (a == std::string::npos || b <= a) continue;
        const auto milestone = milestoneFromCode(part.substr(0, a));
        if (!milestone) continue;
        out.push_back({*milestone, part.substr(a + 1, b - a - 1) == "1", std::atoi(part.c_str() + b + 1)});
    }
    return out;
}

} // namespace tousu::core
