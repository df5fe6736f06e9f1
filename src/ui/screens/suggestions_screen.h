// Suggestions 意见建议: ideas about the complaint process itself from staff and customers
// (八、总结与反馈机制) — a short form to record one, and the list with a status each that anyone
// may move on (new → accepted → done, or declined).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "present/reference_names.h"
#include "ui/present.h"
#include "ui/screens/screen.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class SuggestionsScreen : public Screen {
  public:
    std::optional<Navigation> draw(const ScreenContext& ctx) override;

  private:
    void drawPage(app::App& app);
    void drawForm(app::App& app); // a new suggestion
    std::string m_source = "staff", m_content;
    std::optional<core::Error> m_error;
    bool m_added = false;
    ReferenceNames m_names;
    std::uint64_t m_revision = 0;
    std::vector<core::Suggestion> m_list; // read once per data revision
};

} // namespace tousu::ui
