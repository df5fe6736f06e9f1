// Case list 投诉列表: all cases in the shared case table, filtered by state, category, channel,
// department, person, period received, overdue and repeat,
// searched by the global search box, exported as CSV. A drill-down from the statistics shows
// exactly the cases a figure counts, its filters named in a line that can be cleared.
#pragma once
#include <optional>
#include <string>

#include "present/reference_names.h"
#include "ui/case_table.h"
#include "ui/present.h"
#include "ui/screens/navigation.h"
#include "ui/screens/screen.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class CaseListScreen : public Screen {
  public:
    std::optional<Navigation> draw(const ScreenContext& ctx) override;
    // The export button was pressed this frame: the caller exports filter() as CSV.
    bool exportRequested() const { return m_exportRequested; }
    const core::ListFilter& filter() const { return m_filter; }
    // Shows exactly these cases (a drill-down), named in a line that can be cleared.
    void show(const core::ListFilter& filter);

  private:
    void drawDrillDown(); // the filters the controls do not show, and a button clearing them
    void drawFilters();

    CaseTable m_table;
    ReferenceNames m_names;
    core::ListFilter m_filter;
    std::string m_fromText, m_toText; // the period as typed
    bool m_drilled = false;           // showing a drill-down from the statistics
    bool m_exportRequested = false;
};

} // namespace tousu::ui
