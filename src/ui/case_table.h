// The table of cases shared by the case list and the work queue: virtualised (ListClipper over the
// block-cached CaseListModel), sortable by any column; a click on a row opens the case, a right-click
// offers the customer's record; optionally a tick box per row selects it.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/case_list_model.h"
#include "present/reference_names.h"
#include "ui/present.h"
#include "ui/screens/navigation.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

// Cases ticked in a list: id → number as shown, and the row ticked last (Shift+click ticks the rows
// between it and the next one, as they are sorted now).
struct CaseSelection {
    std::map<std::string, std::string> cases;
    int lastRow = -1;
    std::vector<std::string> ids() const;
    std::vector<std::string> numbers() const;
};

class CaseTable {
  public:
    // Rows get a tick box that adds them to `selection` (the case list's).
    void enableSelection(CaseSelection& selection) { m_selection = &selection; }
    // Rows matching `filter`; `tableId` keeps each screen's column widths and sort apart.
    std::optional<Navigation> draw(app::App& app, const core::ListFilter& filter, const char* tableId);
    int total(app::App& app, const core::ListFilter& filter);

  private:
    // The row's tick box at `x` (after its number); the cursor is left at the cell's start, same line.
    void tickBox(app::App& app, const core::CaseRow& row, int index, float x);

    CaseSelection* m_selection = nullptr;
    app::CaseListModel m_model;
    ReferenceNames m_names;
    core::SortKey m_sort = core::SortKey::Received;
    bool m_descending = true;
};

} // namespace tousu::ui
