// Case detail: header with state, deadlines and time left, the full timeline (every event with
// actor and time), and only the actions the workflow and the user's role allow.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/event.h"
#include "core/model.h"
#include "present/reference_names.h"
#include "ui/forms/action_form.h"
#include "ui/forms/erase_form.h"
#include "ui/present.h"
#include "ui/screens/navigation.h"
#include "ui/screens/screen.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class CaseDetailScreen : public Screen {
  public:
    std::optional<Navigation> draw(const ScreenContext& ctx) override;
    void entered() override { m_focusAction = true; }

  private:
    void load(app::App& app, const std::string& caseId);
    void drawHeader(const app::App& app);
    void drawTimeline();
    void drawActions(app::App& app);

    std::string m_caseId;
    std::uint64_t m_revision = 0;
    std::optional<core::Case> m_case;
    std::vector<core::Event> m_events;
    ReferenceNames m_names;
    ActionForm m_form;
    EraseForm m_erase;
    bool m_focusAction = false; // the next step takes the keyboard focus (a case opened, a step recorded)
    std::string m_recorded;     // the step just recorded, said until the next one starts
};

} // namespace tousu::ui
