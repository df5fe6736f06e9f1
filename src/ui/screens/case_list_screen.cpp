#include "ui/screens/case_list_screen.h"

#include <cstdio>
#include <imgui.h>

#include "app/app.h"
#include "core/validate.h"
#include "ui/format.h"
#include "ui/i18n.h"
#include "ui/widgets.h"

namespace tousu::ui {

void CaseListScreen::drawDrillDown() {
    const store::ListFilter& f = m_filter;
    std::string parts;
    const auto add = [&parts](const std::string& part) { parts += (parts.empty() ? "" : " · ") + part; };
    if (f.receivedFrom && f.receivedTo)
        add(formatDate(f.receivedFrom) + " — " + formatDate(f.receivedTo - 1));
    if (!f.channel.empty()) add(trCode("channel", f.channel));
    if (!f.department.empty()) add(m_names.department(f.department));
    if (f.unassignedOnly) add(tr("dash.unassigned"));
    if (!f.person.empty()) add(m_names.person(f.person));
    if (f.subType) add(m_names.subType(*f.subType));
    if (!f.customerKey.empty()) add(core::maskPhone(f.customerKey));
    if (parts.empty()) return;
    widgets::reportedText("drill_down", std::string(tr("list.drill_down")) + parts);
    ImGui::SameLine();
    if (ImGui::SmallButton(label("list.clear_filter", "clear_filter").c_str())) {
        store::ListFilter plain;
        plain.state = f.state;
        plain.category = f.category;
        plain.overdueOnly = f.overdueOnly;
        m_filter = plain;
    }
}

std::optional<Navigation> CaseListScreen::draw(app::App& app, const std::string& search) {
    m_filter.search = search;
    m_names.refresh(app);
    drawDrillDown();

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
    char count[64];
    std::snprintf(count, sizeof count, tr("list.count"), total);
    widgets::reportedText("list_count", count, &ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::SameLine();
    m_exportRequested = total > 0 && ImGui::SmallButton(label("list.export_csv", "export_csv").c_str());
    if (total == 0) {
        widgets::emptyState(tr("list.empty"));
        return std::nullopt;
    }
    return m_table.draw(app, m_filter, "##case_table");
}

} // namespace tousu::ui
