// Case list 投诉列表: all cases in a virtualised table (ListClipper over paged SQL), sortable by
// any column, filtered by state, category and overdue, searched by the global search box.
#pragma once
#include <optional>
#include <string>

#include "app/case_list_model.h"
#include "ui/reference_names.h"
#include "ui/screens/navigation.h"

namespace tousu::app { class App; }

namespace tousu::ui {

class CaseListScreen {
public:
    std::optional<Navigation> draw(app::App& app, const std::string& search);
    // The export button was pressed this frame: the caller exports filter() as CSV.
    bool exportRequested() const { return m_exportRequested; }
    const store::ListFilter& filter() const { return m_filter; }

private:
    app::CaseListModel m_model;
    ReferenceNames m_names;
    store::ListFilter m_filter;
    store::SortKey m_sort = store::SortKey::Received;
    bool m_descending = true;
    bool m_exportRequested = false;
};

} // namespace tousu::ui
