// Follow-ups 回访: the visits scheduled after important and urgent complaints were resolved, due
// ones first; choosing one opens a small form to record the outcome. When the customer's problem
// is not solved, recording it reopens the complaint (the workflow's rule, app::Cases::followUp).
#pragma once
#include <optional>
#include <string>

#include "app/case_list_model.h"
#include "present/reference_names.h"
#include "ui/forms/save_outcome.h"
#include "ui/present.h"
#include "ui/screens/navigation.h"
#include "ui/screens/screen.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class FollowUpsScreen : public Screen {
  public:
    std::optional<Navigation> draw(const ScreenContext& ctx) override;

  private:
    void drawTable(app::App& app);
    std::optional<Navigation> drawForm(app::App& app); // "open the complaint" asks to go there

    app::CaseListModel m_due, m_scheduled;
    bool m_dueOnly = true;
    ReferenceNames m_names;
    std::string m_caseId, m_number, m_note;
    std::optional<bool> m_resolved; // none until the customer's answer is given
    bool m_focusNote = false;       // a row was just chosen: its form takes the keyboard
    SaveOutcome m_outcome;
    const char* m_recorded = nullptr; // the message after a visit was recorded
};

} // namespace tousu::ui
