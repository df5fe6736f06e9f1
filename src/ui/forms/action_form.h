// The small form behind each workflow action in the case detail: only the fields that action
// needs, errors from the app layer next to them. One form open at a time.
#pragma once
#include <optional>
#include <string>

#include "core/model.h"
#include "core/result.h"
#include "core/workflow.h"

namespace tousu::app {
class App;
}
namespace tousu::present {
class ReferenceNames;
}

namespace tousu::ui {

using present::ReferenceNames;

// The stable ##id of an action's button (DESIGN.md automation contract).
const char* actionId(core::Action a);

class ActionForm {
  public:
    void open(core::Action action, const core::Case& c, const app::App& app);
    void close() { m_action.reset(); }
    bool isOpen() const { return m_action.has_value(); }
    std::optional<core::Action> action() const { return m_action; }
    // Draws the open form; true once the action was recorded.
    bool draw(app::App& app, const core::Case& c, const ReferenceNames& names);

  private:
    core::Status submit(app::App& app, const core::Case& c);
    // The office's confirmation text for the case as classified in the form.
    std::string confirmation(const app::App& app, const core::Case& c) const;

    std::optional<core::Action> m_action;
    std::string m_text, m_method = "phone", m_category, m_subType, m_importance, m_department, m_person, m_into;
    std::string m_invitation; // the survey question to read out
    std::string m_template;   // a reply's template kind ("" = written freely)
    std::string m_generated;  // the confirmation as the template made it: rewritten on a new category until edited
    int m_hours = 24, m_rating = 0;
    bool m_declined = false;
    std::optional<bool> m_resolved; // a follow-up's answer: none until given
    bool m_focusFirst = false;      // the first field takes the keyboard focus when the form opens
    std::optional<core::Error> m_error;
};

} // namespace tousu::ui
