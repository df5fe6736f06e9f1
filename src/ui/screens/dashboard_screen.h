// Statistics 统计分析: a period (this week, month, quarter, or chosen days) and filters; KPI tiles
// with the change against the previous period of the same length; the trend by category with the
// on-time rate; the sub-type Pareto; category × channel and × department heat maps; the deadline
// health (milestones met in time, share of the limit used); the per-person
// table; the most frequent repeat complainants. Any bar, cell or row opens the case list filtered
// to exactly the cases it counts. The figures are rebuilt a chunk of rows per frame, with progress,
// so a large database never stalls the desk.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "app/dashboard_model.h"
#include "core/analysis.h"
#include "core/read_models.h"
#include "present/reference_names.h"
#include "ui/host.h"
#include "ui/present.h"
#include "ui/screens/navigation.h"
#include "ui/screens/screen.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class DashboardScreen : public Screen {
  public:
    std::optional<Navigation> draw(const ScreenContext& ctx) override;
    // Still computing: the caller keeps frames coming.
    bool busy() const override { return m_model.busy(); }

  private:
    enum class PeriodChoice { Week, Month, Quarter, Custom };

    core::Period period(const app::App& app) const;
    void drawControls(app::App& app);
    void drawTiles() const;
    std::optional<Navigation> drawCharts();
    void drawDeadlineHealth() const;
    std::optional<Navigation> drawPeople();
    std::optional<Navigation> drawRepeaters();
    core::ListFilter drillDown() const; // the shown period and filters, as the list's filter
    void drawReportDialog(app::App& app, const Host& host);

    PeriodChoice m_choice = PeriodChoice::Month;
    std::string m_customFrom, m_customTo;
    std::optional<core::Period> m_custom;
    std::string m_customError;
    core::AnalysisFilter m_filter;
    ReferenceNames m_names;
    app::DashboardModel m_model;
    const core::Dashboard* m_shown = nullptr; // m_model's, set at the start of each frame
    bool m_openReport = false;
    std::string m_actions, m_reportFile;
};

} // namespace tousu::ui
