// What can be done with the cases ticked in the list (投诉列表): tick every case the filters show,
// export the ticked ones as a sync bundle or CSV (the sync dialog does it: the caller is told),
// print their case files on one page, reassign them all to one person with one reason (supervisors;
// one transaction), or clear the ticks.
#pragma once
#include <optional>
#include <string>

#include "core/read_models.h"
#include "core/result.h"
#include "present/reference_names.h"
#include "ui/case_table.h"
#include "ui/host.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

enum class SelectionExport { None, Bundle, Csv };

class SelectionBar {
  public:
    // The most one "tick all" takes: a bundle or a page of files beyond it is the CLI's job.
    static constexpr int kMaxSelection = 10'000;

    SelectionExport draw(app::App& app, const Host& host, CaseSelection& selection, const core::ListFilter& filter,
                         int total, const present::ReferenceNames& names);

  private:
    void drawReassign(app::App& app, CaseSelection& selection, const present::ReferenceNames& names);

    bool m_reassigning = false;
    std::string m_department, m_person, m_reason;
    std::optional<core::Error> m_error;
    std::string m_done; // what was just done, said until the next action
};

} // namespace tousu::ui
