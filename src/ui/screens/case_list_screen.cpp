#include "ui/screens/case_list_screen.h"

#include <imgui.h>

#include "app/app.h"
#include "ui/i18n.h"
#include "ui/widgets.h"

namespace tousu::ui {

std::optional<Navigation> CaseListScreen::draw(app::App& app, const std::string& search) {
    m_filter.search = search;

    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    std::vector<widgets::Choice> states{{"", tr("list.filter_state")}};
    for (core::State s : core::kStates) states.push_back({core::code(s), trCode("state", core::code(s))});
    widgets::combo("##filter_state", "filter_state", states, m_filter.state);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    std::vector<widgets::Choice> categories{{"", tr("list.filter_category")}};
    for (core::Category c : core::kCategories) categories.push_back({core::code(c), trCode("category", core::code(c))});
    widgets::combo("##filter_category", "filter_category", categories, m_filter.category);
    ImGui::SameLine();
    ImGui::Checkbox(label("time.overdue_filter", "filter_overdue").c_str(), &m_filter.overdueOnly);
    const int total = m_table.total(app, m_filter);
    ImGui::SameLine();
    ImGui::TextDisabled(tr("list.count"), total);
    ImGui::SameLine();
    m_exportRequested = total > 0 && ImGui::SmallButton(label("list.export_csv", "export_csv").c_str());
    if (total == 0) {
        widgets::emptyState(tr("list.empty"));
        return std::nullopt;
    }
    return m_table.draw(app, m_filter, "##case_table");
}

} // namespace tousu::ui
