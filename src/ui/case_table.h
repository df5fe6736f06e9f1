// The table of cases shared by the case list and the work queue: virtualised (ListClipper over the
// block-cached CaseListModel), sortable by any column; a click on a row opens the case.
#pragma once
#include <optional>

#include "app/case_list_model.h"
#include "present/reference_names.h"
#include "ui/present.h"
#include "ui/screens/navigation.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class CaseTable {
  public:
    // Rows matching `filter`; `tableId` keeps each screen's column widths and sort apart.
    std::optional<Navigation> draw(app::App& app, const core::ListFilter& filter, const char* tableId);
    int total(app::App& app, const core::ListFilter& filter);

  private:
    app::CaseListModel m_model;
    ReferenceNames m_names;
    core::SortKey m_sort = core::SortKey::Received;
    bool m_descending = true;
};

} // namespace tousu::ui
