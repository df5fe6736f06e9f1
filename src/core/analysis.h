// The statistics dashboard's figures (统计分析, 投诉热点, 绩效评估), from the same KPI rows and
// definitions as core/kpi.h, so the dashboard and `tousu-cli kpi` agree: KPI groups for a period and
// the previous period of the same length, the trend per day or week, the sub-type Pareto, heat maps,
// the most frequent repeat complainants and the per-person table. Built row by row (DashboardBuilder)
// so the desk can spread the work over frames. Pure: the caller supplies rows and the time.
#pragma once
#include <array>
#include <map>
#include <string>
#include <vector>

#include "core/kpi.h"

namespace tousu::core {

// [from, to): received times of the cases the figures are about.
struct Period {
    TimeMs from = 0, to = 0;
    TimeMs previousFrom = 0; // where the period before begins, when not length() earlier (calendar months)
    TimeMs length() const { return to - from; }
    Period previous() const { return {previousFrom ? previousFrom : from - length(), from}; }
    // What 环比 compares this period with at `now`: the period before, but while this one is still
    // running only as far into it as `now` is into this one (the 1st–5th of last month, on the 5th).
    Period comparedAt(TimeMs now) const;
    bool contains(TimeMs t) const { return t >= from && t < to; }
    bool operator==(const Period&) const = default;
};

enum class PeriodKind { Week, Month, Quarter };
// The calendar week (from Monday), month or quarter containing `now`, in the office's time zone.
Period periodContaining(PeriodKind kind, TimeMs now, int offsetMinutes = kChinaOffsetMinutes);
// Whole days [first, last] inclusive.
Period periodOfDays(TimeMs firstDayStart, TimeMs lastDayStart);

// Empty strings match anything; same fields as the case list's filter, for drill-down.
struct AnalysisFilter {
    std::string category, channel, department, person;
    bool matches(const KpiRow& row) const;
    bool operator==(const AnalysisFilter&) const = default;
};

struct TrendBucket {
    TimeMs start = 0;
    std::array<int, kCategoryCount> byCategory{}; // in kCategories order
    int decided = 0, onTime = 0;
    int total() const;
    double onTimeRate() const { return decided ? double(onTime) / decided : -1; }
};

struct ParetoBar {
    std::string subType; // "" = no sub-type given
    int count = 0;
    double cumulativeShare = 0; // of all cases in the period, this bar included
};

// Counts of cases by (row key, column key), cells row-major; rows and columns by their totals,
// largest first (ties by key), so the hot spots are at the top left.
struct HeatMap {
    std::vector<std::string> rows, columns;
    std::vector<int> cells;
    int at(std::size_t row, std::size_t column) const { return cells[row * columns.size() + column]; }
    int max() const;
};

struct RepeatCustomer {
    std::string customerKey, phone;
    int cases = 0;
};

// Deadline health of one category: per milestone, how many were met within the limit and late; and
// how much of the last milestone's limit resolved cases used, in bands (≤50 %, 50–80, 80–100,
// 100–150, over 150 %).
struct DeadlineHealth {
    struct Met {
        Milestone milestone;
        int onTime = 0, late = 0;
        double onTimeShare() const { return onTime + late ? double(onTime) / (onTime + late) : -1; }
    };
    std::vector<Met> milestones; // in the order first seen (a category's policy order)
    std::array<int, 5> usedBands{};
    static constexpr int kBandUpperPerMille[4] = {500, 800, 1000, 1500};
};

struct Dashboard {
    Period period;
    Period compared; // the part of the period before that `previous` counts (Period::comparedAt)
    KpiGroup current, previous;
    int overdueNow = 0, previousOverdueNow = 0; // open and past a due time, among the period's cases
    TimeMs bucketMs = 0;                        // one day, or one week for periods over 62 days
    std::vector<TrendBucket> trend;
    std::vector<ParetoBar> pareto; // most frequent first
    HeatMap categoryByChannel, categoryByDepartment;
    std::vector<RepeatCustomer> topRepeaters; // customers with 2+ cases in the period, most first, at most 10
    std::map<std::string, KpiGroup> byPerson;
    std::map<std::string, DeadlineHealth> deadlineHealth; // by category code
};

class DashboardBuilder {
  public:
    // Trend buckets start at period.from (local midnight for the pickers' periods).
    DashboardBuilder(Period period, AnalysisFilter filter, TimeMs now);
    // Rows received in period.previous() or period; others, cancelled cases and rows the filter
    // rejects are ignored.
    void add(const KpiRow& row);
    Dashboard finish();

  private:
    Dashboard m_d;
    AnalysisFilter m_filter;
    TimeMs m_now;
    std::map<std::string, int> m_subTypes;
    std::map<std::pair<std::string, std::string>, int> m_byChannel, m_byDepartment;
    std::map<std::string, RepeatCustomer> m_customers;
};

} // namespace tousu::core
