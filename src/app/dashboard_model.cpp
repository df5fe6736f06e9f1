#include "app/dashboard_model.h"

#include "app/app.h"

namespace tousu::app {

void DashboardModel::update(const App& app, core::Period period, const core::AnalysisFilter& filter,
                            std::chrono::milliseconds budget) {
    const long long fiveMinutes = app.clock().now() / (5 * 60000);
    const bool current = m_shown && m_shown->period == period && m_shownFilter == filter &&
                         m_revision == app.revision() && m_fiveMinutes == fiveMinutes;
    const bool running = m_job && m_job->period == period && m_job->filter == filter;
    if (current && !m_job) return;
    const core::Period rows{period.previous().from, period.to};
    if (!running) {
        m_job.emplace(Job{period,
                          filter,
                          core::DashboardBuilder(period, filter, app.clock().now()),
                          {},
                          0,
                          app.statistics().countReceived(rows)});
        m_revision = app.revision();
        m_fiveMinutes = fiveMinutes;
    }
    const auto until = std::chrono::steady_clock::now() + budget;
    do {
        auto chunk = app.statistics().kpiRowsChunk(rows, m_job->cursor, kRowsPerSlice);
        if (!chunk) { // kept as the app's fault, which the desk shows
            m_job.reset();
            return;
        }
        for (const core::KpiRow& r : chunk.value()) m_job->builder.add(r);
        m_job->read += static_cast<int>(chunk.value().size());
    } while (!m_job->cursor.done && std::chrono::steady_clock::now() < until);
    if (!m_job->cursor.done) return;
    m_shown = m_job->builder.finish();
    m_shownFilter = m_job->filter;
    m_job.reset();
}

double DashboardModel::progress() const {
    if (!m_job) return 1.0;
    return m_job->total ? double(m_job->read) / double(m_job->total) : 0.0;
}

} // namespace tousu::app
