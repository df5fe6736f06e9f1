// Case list 投诉列表: all cases in the shared case table, filtered by state, category, channel,
// department, person, period received, overdue and repeat,
// searched by the global search box, exported as CSV; cases ticked (one by one, Shift for a range, or
// all those shown) are exported, printed or reassigned together (ui/forms/selection_bar.h). A drill-down from the
// statistics shows exactly the cases a figure counts, its filters named in a line that can be cleared.
#pragma once
#include <optional>
#include <string>

#include "present/reference_names.h"
#include "ui/case_table.h"
#include "ui/forms/selection_bar.h"
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
    // An export of the ticked cases was asked for this frame: the caller opens it.
    SelectionExport selectionExport() const { return m_selectionExport; }
    const CaseSelection& selection() const { return m_selection; }
    const core::ListFilter& filter() const { return m_filter; }
    // Shows exactly these cases (a drill-down), named in a line that can be cleared.
    void show(const core::ListFilter& filter);

  private:
    void drawDrillDown(); // the filters the controls do not show, and a button clearing them
    void drawFilters();

    CaseTable m_table;
    CaseSelection m_selection;
    SelectionBar m_selectionBar;
    SelectionExport m_selectionExport = SelectionExport::None;
    ReferenceNames m_names;
    core::ListFilter m_filter;
    std::string m_fromText, m_toText; // the period as typed
    bool m_drilled = false;           // showing a drill-down from the statistics
    bool m_exportRequested = false;
};

} // namespace tousu::ui
