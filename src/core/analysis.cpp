#include "core/analysis.h"

#include "core/deadline.h"

#include <algorithm>

namespace tousu::core {

namespace {

constexpr TimeMs kDayMs = 24 * kHourMs;
constexpr TimeMs kWeekMs = 7 * kDayMs;

TimeMs localDayStart(std::int64_t days, int offsetMinutes) { return days * kDayMs - TimeMs(offsetMinutes) * 60000; }

std::int64_t localDays(TimeMs t, int offsetMinutes) {
    const TimeMs local = t + TimeMs(offsetMinutes) * 60000;
    return local >= 0 ? local / kDayMs : -((-local + kDayMs - 1) / kDayMs);
}

// Keys by their total, largest first (ties by key): the hot rows and columns come first.
std::vector<std::string> byTotal(const std::map<std::string, int>& totals) {
    std::vector<std::string> keys;
    for (const auto& [key, n] : totals) keys.push_back(key);
    std::stable_sort(keys.begin(), keys.end(),
                     [&](const std::string& a, const std::string& b) { return totals.at(a) > totals.at(b); });
    return keys;
}

HeatMap heatMap(const std::map<std::pair<std::string, std::string>, int>& counts) {
    HeatMap h;
    std::map<std::string, int> rowTotals, columnTotals;
    for (const auto& [key, n] : counts) {
        rowTotals[key.first] += n;
        columnTotals[key.second] += n;
    }
    h.rows = byTotal(rowTotals);
    h.columns = byTotal(columnTotals);
    h.cells.assign(h.rows.size() * h.columns.size(), 0);
    for (const auto& [key, n] : counts) {
        const auto r = std::find(h.rows.begin(), h.rows.end(), key.first) - h.rows.begin();
        const auto c = std::find(h.columns.begin(), h.columns.end(), key.second) - h.columns.begin();
        h.cells[std::size_t(r) * h.columns.size() + std::size_t(c)] = n;
    }
    return h;
}

void addDeadlineHealth(DeadlineHealth& h, const KpiRow& r) {
    const std::vector<MetMilestone> met = parseMetMilestones(r.metMilestones);
    for (const MetMilestone& m : met) {
        auto it = std::find_if(h.milestones.begin(), h.milestones.end(),
                               [&](const DeadlineHealth::Met& x) { return x.milestone == m.milestone; });
        if (it == h.milestones.end()) it = h.milestones.insert(h.milestones.end(), {m.milestone, 0, 0});
        ++(m.onTime ? it->onTime : it->late);
    }
    if (met.empty() || r.resolvedAt == 0) return;
    const int used = met.back().usedPerMille; // the last milestone met: the case's final limit
    std::size_t band = 0;
    while (band < 4 && used > DeadlineHealth::kBandUpperPerMille[band]) ++band;
    ++h.usedBands[band];
}

bool overdue(const KpiRow& r, TimeMs now) {
    return isOpen(r.state) && r.outcome == DeadlineOutcome::Open && r.nextDue > 0 && r.nextDue < now;
}

} // namespace

Period periodContaining(PeriodKind kind, TimeMs now, int offsetMinutes) {
    const std::int64_t today = localDays(now, offsetMinutes);
    if (kind == PeriodKind::Week) {
        const std::int64_t monday = today - ((today + 3) % 7 + 7) % 7; // 1970-01-01 was a Thursday
        return {localDayStart(monday, offsetMinutes), localDayStart(monday + 7, offsetMinutes)};
    }
    const CivilDate d = civilFromDays(today);
    const int months = kind == PeriodKind::Month ? 1 : 3;
    const int first = kind == PeriodKind::Month ? d.month : (d.month - 1) / 3 * 3 + 1;
    const int next = first + months;
    const CivilDate end = next > 12 ? CivilDate{d.year + 1, next - 12, 1} : CivilDate{d.year, next, 1};
    const CivilDate before =
        first - months < 1 ? CivilDate{d.year - 1, first - months + 12, 1} : CivilDate{d.year, first - months, 1};
    return {localDayStart(daysFromCivil({d.year, first, 1}), offsetMinutes),
            localDayStart(daysFromCivil(end), offsetMinutes), localDayStart(daysFromCivil(before), offsetMinutes)};
}

Period Period::comparedAt(TimeMs now) const {
    Period before = previous();
    if (contains(now)) before.to = std::min(before.to, before.from + (now - from));
    return before;
}

Period periodOfDays(TimeMs firstDayStart, TimeMs lastDayStart) { return {firstDayStart, lastDayStart + kDayMs}; }

bool AnalysisFilter::matches(const KpiRow& r) const {
    return (category.empty() || category == code(r.category)) && (channel.empty() || channel == code(r.channel)) &&
           (department.empty() || department == r.department) && (person.empty() || person == r.person);
}

int TrendBucket::total() const {
    int n = 0;
    for (int c : byCategory) n += c;
    return n;
}

int HeatMap::max() const { return cells.empty() ? 0 : *std::max_element(cells.begin(), cells.end()); }

DashboardBuilder::DashboardBuilder(Period period, AnalysisFilter filter, TimeMs now)
    : m_filter(std::move(filter)), m_now(now) {
    m_d.period = period;
    m_d.compared = period.comparedAt(now);
    m_d.bucketMs = period.length() > 62 * kDayMs ? kWeekMs : kDayMs;
    const TimeMs buckets = (period.length() + m_d.bucketMs - 1) / m_d.bucketMs;
    for (TimeMs i = 0; i < buckets; ++i) m_d.trend.push_back({period.from + i * m_d.bucketMs, {}, 0, 0});
}

void DashboardBuilder::add(const KpiRow& r) {
    if (r.state == State::Cancelled || !m_filter.matches(r)) return;
    if (m_d.compared.contains(r.receivedAt)) {
        addToGroup(m_d.previous, r, m_now);
        m_d.previousOverdueNow += overdue(r, m_now);
        return;
    }
    if (!m_d.period.contains(r.receivedAt)) return;
    KpiGroup one;
    addToGroup(one, r, m_now);
    addToGroup(m_d.current, r, m_now);
    if (!r.person.empty()) addToGroup(m_d.byPerson[r.person], r, m_now);
    m_d.overdueNow += overdue(r, m_now);

    TrendBucket& b = m_d.trend[std::size_t((r.receivedAt - m_d.period.from) / m_d.bucketMs)];
    ++b.byCategory[std::size_t(std::find(std::begin(kCategories), std::end(kCategories), r.category) -
                               std::begin(kCategories))];
    b.decided += one.decided;
    b.onTime += one.onTime;

    ++m_subTypes[r.subType];
    ++m_byChannel[{code(r.category), code(r.channel)}];
    ++m_byDepartment[{code(r.category), r.department}];
    addDeadlineHealth(m_d.deadlineHealth[code(r.category)], r);
    if (!r.customerKey.empty()) {
        RepeatCustomer& rc = m_customers[r.customerKey];
        rc.customerKey = r.customerKey;
        if (!r.phone.empty()) rc.phone = r.phone;
        ++rc.cases;
    }
}

Dashboard DashboardBuilder::finish() {
    for (const auto& [subType, n] : m_subTypes) m_d.pareto.push_back({subType, n, 0});
    std::stable_sort(m_d.pareto.begin(), m_d.pareto.end(),
                     [](const ParetoBar& a, const ParetoBar& b) { return a.count > b.count; });
    int running = 0;
    for (ParetoBar& bar : m_d.pareto) {
        running += bar.count;
        bar.cumulativeShare = m_d.current.cases ? double(running) / m_d.current.cases : 0;
    }
    m_d.categoryByChannel = heatMap(m_byChannel);
    m_d.categoryByDepartment = heatMap(m_byDepartment);
    for (const auto& [key, c] : m_customers)
        if (c.cases >= 2) m_d.topRepeaters.push_back(c);
    std::stable_sort(m_d.topRepeaters.begin(), m_d.topRepeaters.end(),
                     [](const RepeatCustomer& a, const RepeatCustomer& b) { return a.cases > b.cases; });
    if (m_d.topRepeaters.size() > 10) m_d.topRepeaters.resize(10);
    return std::move(m_d);
}

} // namespace tousu::core
