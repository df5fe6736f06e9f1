#include "core/kpi.h"

namespace tousu::core {

void addToGroup(KpiGroup& g, const KpiRow& r, TimeMs now) {
    ++g.cases;
    if (!isOpen(r.state)) ++g.closed;
    const bool overdueNow = r.outcome == DeadlineOutcome::Open && r.nextDue > 0 && r.nextDue < now;
    if (r.outcome != DeadlineOutcome::Open || overdueNow) {
        ++g.decided;
        if (r.outcome == DeadlineOutcome::OnTime) ++g.onTime;
    }
    if (r.rating >= 1 && r.rating <= 5) {
        ++g.rated;
        g.ratingSum += r.rating;
        ++g.ratingCounts[r.rating - 1];
        if (r.rating >= 4) ++g.satisfied;
    }
    if (r.repeat) ++g.repeats;
    if (r.resolvedAt > 0) {
        ++g.handled;
        g.handlingHoursSum += double(r.resolvedAt - r.receivedAt) / double(kHourMs);
    }
}

void addToKpis(KpiReport& report, const KpiRow& row, TimeMs now) {
    if (row.state == State::Cancelled) return;
    addToGroup(report.total, row, now);
    addToGroup(report.byCategory[code(row.category)], row, now);
    addToGroup(report.byChannel[code(row.channel)], row, now);
    if (!row.department.empty()) addToGroup(report.byDepartment[row.department], row, now);
    if (!row.person.empty()) addToGroup(report.byPerson[row.person], row, now);
}

KpiReport computeKpis(const std::vector<KpiRow>& rows, TimeMs now) {
    KpiReport report;
    for (const KpiRow& r : rows) addToKpis(report, r, now);
    return report;
}

} // namespace tousu::core
