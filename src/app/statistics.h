// The statistics (DOMAIN.md, KPIs; core/analysis.h) over the stored cases: the KPI report of a
// period, the whole dashboard at once (tests, reports), or its rows a chunk at a time with their
// count, so the desk can build it over several frames (app/dashboard_model.h).
#pragma once
#include <vector>

#include "core/analysis.h"
#include "core/kpi.h"
#include "core/read_models.h"
#include "core/result.h"

namespace tousu::app {

struct Context;

class Statistics {
  public:
    explicit Statistics(Context& ctx) : m_ctx(ctx) {}

    core::Result<core::KpiReport> kpis(core::TimeMs from, core::TimeMs to,
                                       const core::AnalysisFilter& filter = {}) const;
    core::Result<core::Dashboard> dashboard(core::Period period, const core::AnalysisFilter& filter) const;
    core::Result<std::vector<core::KpiRow>> kpiRowsChunk(core::Period period, core::KpiCursor& cursor, int limit) const;
    int countReceived(core::Period period) const;
    core::Result<std::vector<core::NamedCount>> countBy(const char* column) const;

  private:
    Context& m_ctx;
};

} // namespace tousu::app
