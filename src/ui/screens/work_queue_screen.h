// Work queue 工作台, the landing screen: what needs the signed-in person's attention — their open
// cases, their department's, unassigned ones, those near or past a limit, follow-up visits due —
// each a tile with its count; the selected tile's cases in the shared case table below.
#pragma once
#include <array>
#include <cstdint>
#include <optional>

#include "ui/case_table.h"
#include "ui/screens/navigation.h"
#include "ui/screens/screen.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class WorkQueueScreen : public Screen {
  public:
    std::optional<Navigation> draw(const ScreenContext& ctx) override;

    enum Section { Mine, Department, Unassigned, Near, Overdue, FollowUps, kSectionCount };

  private:
    core::ListFilter filterFor(const app::App& app, int section) const;
    void refresh(app::App& app); // filters and counts, once per data revision, minute or sign-in

    int m_selected = Mine;
    std::array<core::ListFilter, kSectionCount> m_filters{};
    std::array<int, kSectionCount> m_counts{};
    int m_allCases = 0;
    std::uint64_t m_revision = 0;
    long long m_minute = -1;
    std::string m_actor;
    CaseTable m_table, m_visitTable;
};

} // namespace tousu::ui
