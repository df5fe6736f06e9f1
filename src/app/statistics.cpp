#include "app/statistics.h"

#include "app/context.h"
#include "store/queries.h"

namespace tousu::app {

core::Result<core::KpiReport> Statistics::kpis(core::TimeMs from, core::TimeMs to,
                                               const core::AnalysisFilter& filter) const {
    auto rows = m_ctx.noteFault(store::kpiRows(*m_ctx.db, from, to));
    if (!rows) return rows.error();
    core::KpiReport report;
    for (const core::KpiRow& r : rows.value())
        if (filter.matches(r)) core::addToKpis(report, r, m_ctx.clock.now());
    return report;
}

core::Result<core::Dashboard> Statistics::dashboard(core::Period period, const core::AnalysisFilter& filter) const {
    auto rows = m_ctx.noteFault(store::kpiRows(*m_ctx.db, period.previous().from, period.to));
    if (!rows) return rows.error();
    core::DashboardBuilder builder(period, filter, m_ctx.clock.now());
    for (const core::KpiRow& r : rows.value()) builder.add(r);
    return builder.finish();
}

core::Result<std::vector<core::KpiRow>> Statistics::kpiRowsChunk(core::Period period, core::KpiCursor& cursor,
                                                                 int limit) const {
    return m_ctx.noteFault(store::kpiRowsChunk(*m_ctx.db, period.from, period.to, cursor, limit));
}

int Statistics::countReceived(core::Period period) const {
    return m_ctx.orFault(store::countReceived(*m_ctx.db, period.from, period.to));
}

core::Result<std::vector<core::NamedCount>> Statistics::countBy(const char* column) const {
    return store::countBy(*m_ctx.db, column);
}

} // namespace tousu::app
