// The statistics as the desk shows them: the dashboard of a period and filter, built a slice of rows
// at a time so a large database never stalls a frame, and kept until the data, the period, the
// filter or the five-minute clock changes (the "overdue now" figures move with time). The screen
// draws what this holds; tests and the report call Statistics::dashboard, which builds it at once.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>

#include "core/analysis.h"
#include "core/read_models.h"

namespace tousu::app {

class App;

class DashboardModel {
  public:
    // Rows are read in slices of this many (about 4 ms in the browser, tests/bench dashboard_frame_chunk).
    static constexpr int kRowsPerSlice = 2000;

    // Asks for the dashboard of `period` and `filter` and works on it for up to `budget`.
    void update(const App& app, core::Period period, const core::AnalysisFilter& filter,
                std::chrono::milliseconds budget);
    // The last dashboard finished (of the current request, or of an earlier one while this one runs).
    const core::Dashboard* shown() const { return m_shown ? &*m_shown : nullptr; }
    const core::AnalysisFilter& shownFilter() const { return m_shownFilter; }
    // Still building: the caller keeps frames coming. progress() is 0–1.
    bool busy() const { return m_job.has_value(); }
    double progress() const;

  private:
    struct Job {
        core::Period period;
        core::AnalysisFilter filter;
        core::DashboardBuilder builder;
        core::KpiCursor cursor;
        int read = 0, total = 0;
    };
    std::optional<Job> m_job;
    std::optional<core::Dashboard> m_shown;
    core::AnalysisFilter m_shownFilter;
    std::uint64_t m_revision = 0;
    long long m_fiveMinutes = -1;
};

} // namespace tousu::app
