// Settings 设置: this desk (language, text size, my PIN), the office (code and name), departments,
// staff and roles, categories' sub-types, deadline policies and the working-hours calendar, and the
// message templates. Everyone sees them; only administrators change the office's (the app layer
// refuses everyone else, and the screen says so instead of offering the controls).
#pragma once
#include <cstdint>
#include <string>

#include "ui/forms/policy_editor.h"
#include "ui/forms/reference_editor.h"
#include "ui/forms/save_outcome.h"
#include "ui/screens/screen.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class SettingsScreen : public Screen {
  public:
    std::optional<Navigation> draw(const ScreenContext& ctx) override;

  private:
    void drawPage(app::App& app);
    void load(const app::App& app);
    void drawDesk(app::App& app);
    void drawOffice(app::App& app);
    void drawTemplates(app::App& app);

    std::uint64_t m_revision = 0;
    std::string m_officeCode, m_officeName, m_pin, m_templateLanguage;
    std::string m_templates[3];
    SaveOutcome m_outcome;
    ReferenceEditor m_reference;
    PolicyEditor m_policies;
};

} // namespace tousu::ui
