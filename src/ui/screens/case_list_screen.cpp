#include "ui/screens/case_list_screen.h"

#include <imgui.h>

#include "app/app.h"
#include "core/validate.h"
#include "ui/format.h"
#include "ui/i18n.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

constexpr store::SortKey kColumnSort[] = {store::SortKey::Number, store::SortKey::Received, store::SortKey::Customer,
                                          store::SortKey::Category, store::SortKey::State, store::SortKey::Department,
                                          store::SortKey::Person, store::SortKey::Due};
constexpr const char* kColumns[] = {"col.number", "col.received", "col.customer", "col.category",
                                    "col.state", "col.department", "col.person", "col.time_left"};

void timeLeftCell(const store::CaseRow& r, core::TimeMs now) {
    if (r.paused) { ImGui::TextDisabled("%s", tr("time.paused")); return; }
    if (r.nextDue == 0) { ImGui::TextDisabled("%s", tr("time.done")); return; }
    const core::TimeMs remaining = r.nextDue - now;
    const double used = r.nextDue > r.receivedAt ? double(now - r.receivedAt) / double(r.nextDue - r.receivedAt) : 1.0;
    const ImVec4 colour = remaining < 0 ? ImVec4(0.80f, 0.10f, 0.10f, 1) : used >= 0.8 ? ImVec4(0.80f, 0.50f, 0.00f, 1)
                                                                                      : ImVec4(0.15f, 0.15f, 0.15f, 1);
    ImGui::TextColored(colour, "%s", formatRemaining(remaining).c_str());
}

} // namespace

std::optional<Navigation> CaseListScreen::draw(app::App& app, const std::string& search) {
    std::optional<Navigation> nav;
    m_names.refresh(app);
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
    m_model.setQuery(m_filter, m_sort, m_descending);
    const int total = m_model.total(app);
    ImGui::SameLine();
    ImGui::TextDisabled(tr("list.count"), total);
    ImGui::SameLine();
    m_exportRequested = total > 0 && ImGui::SmallButton(label("list.export_csv", "export_csv").c_str());
    if (total == 0) {
        widgets::emptyState(tr("list.empty"));
        return nav;
    }

    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable;
    if (!ImGui::BeginTable("##case_table", 8, flags)) return nav;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (int i = 0; i < 8; ++i)
        ImGui::TableSetupColumn(tr(kColumns[i]), i == 1 ? ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending
                                                        : ImGuiTableColumnFlags_None);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty && specs->SpecsCount > 0) {
        m_sort = kColumnSort[specs->Specs[0].ColumnIndex];
        m_descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        specs->SpecsDirty = false;
    }
    const core::TimeMs now = app.clock().now();
    ImGuiListClipper clipper;
    clipper.Begin(total);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const store::CaseRow* r = m_model.row(app, i);
            if (!r) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string rowLabel = r->number + "##case_" + r->number;
            if (ImGui::Selectable(rowLabel.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
                nav = Navigation{View::CaseDetail, r->id};
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatShort(r->receivedAt).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%s %s", r->customerName.c_str(), core::maskPhone(r->phone).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(trCode("category", r->category));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(trCode("state", r->state));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(m_names.department(r->department));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(m_names.person(r->person));
            ImGui::TableNextColumn();
            timeLeftCell(*r, now);
        }
    }
    ImGui::EndTable();
    return nav;
}

} // namespace tousu::ui
