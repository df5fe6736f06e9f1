// Case list 投诉列表: all cases in the shared case table, filtered by state, category and overdue,
// searched by the global search box, exported as CSV.
#pragma once
#include <optional>
#include <string>

#include "ui/case_table.h"
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
    CaseTable m_table;
    store::ListFilter m_filter;
    bool m_exportRequested = false;
};

} // namespace tousu::ui
