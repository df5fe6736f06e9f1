#include "present/kpi_summary.h"

#include <cmath>

#include "present/format.h"
#include "present/i18n.h"

namespace tousu::present {

std::vector<HeadlineKpi> headlineKpis(const core::Dashboard& d) {
    const core::KpiGroup& c = d.current;
    const core::KpiGroup& p = d.previous;
    return {
        {"dash.received", "kpi_cases", double(c.cases), double(p.cases), KpiKind::Count, 0},
        {"dash.closed", "kpi_closed", double(c.closed), double(p.closed), KpiKind::Count, 1},
        {"dash.open", "kpi_open", double(c.cases - c.closed), double(p.cases - p.closed), KpiKind::Count, 0},
        {"dash.overdue_now", "kpi_overdue", double(d.overdueNow), double(d.previousOverdueNow), KpiKind::Count, -1},
        {"dash.on_time_rate", "kpi_on_time", c.onTimeRate(), p.onTimeRate(), KpiKind::Rate, 1},
        {"dash.satisfaction", "kpi_satisfaction", c.satisfactionMean(), p.satisfactionMean(), KpiKind::Score, 1},
        {"dash.satisfied_share", "kpi_satisfied", c.satisfiedShare(), p.satisfiedShare(), KpiKind::Rate, 1},
        {"dash.repeat_rate", "kpi_repeat", c.repeatRate(), p.repeatRate(), KpiKind::Rate, -1},
        {"dash.handling_time", "kpi_handling", c.meanHandlingHours(), p.meanHandlingHours(), KpiKind::Hours, -1},
    };
}

std::string kpiValue(KpiKind kind, double v) {
    if (v < 0) return tr("dash.no_data");
    switch (kind) {
    case KpiKind::Count:
        return formatNumber("%.0f", v);
    case KpiKind::Rate:
        return formatNumber("%.1f%%", v * 100);
    case KpiKind::Score:
        return formatNumber("%.2f", v);
    case KpiKind::Hours:
        return formatNumber(tr("dash.hours_value"), v);
    }
    return {};
}

namespace {

double change(const HeadlineKpi& k) {
    return k.kind == KpiKind::Rate ? (k.current - k.previous) * 100 : k.current - k.previous;
}

} // namespace

bool kpiFlat(const HeadlineKpi& k) { return std::abs(change(k)) < (k.kind == KpiKind::Score ? 0.005 : 0.05); }

std::string kpiChange(const HeadlineKpi& k) {
    if (kpiFlat(k)) return "±0";
    const char* format = k.kind == KpiKind::Rate    ? tr("dash.delta_points")
                         : k.kind == KpiKind::Count ? "%+.0f"
                         : k.kind == KpiKind::Score ? "%+.2f"
                                                    : "%+.1f";
    return formatNumber(format, change(k));
}

} // namespace tousu::present
