// The nine headline KPIs of a period against the previous one — the dashboard's tiles and the review
// report's table show this one list, worded and formatted alike.
#pragma once
#include <string>
#include <vector>

#include "core/analysis.h"

namespace tousu::present {

enum class KpiKind { Count, Rate, Score, Hours };

struct HeadlineKpi {
    const char* titleKey;     // string-table key
    const char* id;           // stable ##id of its tile
    double current, previous; // negative: no data
    KpiKind kind;
    int better; // +1 when a rise is good news, -1 when it is bad news, 0 when neither
};

std::vector<HeadlineKpi> headlineKpis(const core::Dashboard& d);
// "85.0%", "4.21", "12.5 小时", "37"; "无数据" for no data.
std::string kpiValue(KpiKind kind, double v);
// The change from `previous` to `current`: "+2.5 个百分点", "-3", "±0" when too small to show.
std::string kpiChange(const HeadlineKpi& k);
// Whether the change is too small to show (kpiChange says ±0).
bool kpiFlat(const HeadlineKpi& k);

} // namespace tousu::present
