#include "ui/screens/case_list_screen.h"

#include <cstdio>
#include <imgui.h>

#include "app/app.h"
#include "core/validate.h"
#include "present/format.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

void CaseListScreen::drawDrillDown() {
    if (!m_drilled) return;
    const core::ListFilter& f = m_filter;
    std::string parts;
    const auto add = [&parts](const std::string& part) { parts += (parts.empty() ? "" : " · ") + part; };
    if (f.receivedFrom && f.receivedTo) add(formatDate(f.receivedFrom) + " — " + formatDate(f.receivedTo - 1));
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
        core::ListFilter plain;
        plain.state = f.state;
        plain.category = f.category;
        plain.overdueOnly = f.overdueOnly;
        show(plain);
        m_drilled = false;
    }
}

void CaseListScreen::show(const core::ListFilter& filter) {
    m_filter = filter;
    m_drilled = true;
    m_fromText = filter.receivedFrom ? formatDate(filter.receivedFrom) : std::string();
    m_toText = filter.receivedTo ? formatDate(filter.receivedTo - 1) : std::string();
}

// The filters as a person sets them: state, category, channel, department, person; the period
// received (dates typed as 2026-11-28, both ends included); overdue and repeat complaints only.
void CaseListScreen::drawFilters() {
    const auto choices = [](const char* anyKey, auto&& fill) {
        std::vector<widgets::Choice> c{{"", tr(anyKey)}};
        fill(c);
        return c;
    };
    // Each filter as wide as its longest choice in this language, on the next line when the line is full.
    bool first = true;
    const auto filter = [&first](const char* id, const std::vector<widgets::Choice>& c, std::string& value) {
        const float width = widgets::comboWidth(c);
        if (!first) widgets::sameLineIfFits(width);
        first = false;
        ImGui::SetNextItemWidth(width);
        return widgets::combo(std::string("##") + id, id, c, value);
    };
    filter("filter_state",
           choices("list.filter_state",
                   [](auto& c) {
                       for (core::State s : core::kStates) c.push_back({core::code(s), trCode("state", core::code(s))});
                   }),
           m_filter.state);
    filter("filter_category",
           choices("list.filter_category",
                   [](auto& c) {
                       for (core::Category k : core::kCategories)
                           c.push_back({core::code(k), trCode("category", core::code(k))});
                   }),
           m_filter.category);
    filter("filter_channel",
           choices("list.filter_channel",
                   [](auto& c) {
                       for (core::Channel k : core::kChannels)
                           c.push_back({core::code(k), trCode("channel", core::code(k))});
                   }),
           m_filter.channel);
    if (filter("filter_department",
               choices("list.filter_department",
                       [this](auto& c) {
                           for (const auto& d : m_names.departments()) c.push_back({d.id, m_names.department(d.id)});
                       }),
               m_filter.department))
        m_filter.person.clear();
    filter("filter_person",
           choices("list.filter_person",
                   [this](auto& c) {
                       for (const auto& p : m_names.staff())
                           if (m_filter.department.empty() || p.department == m_filter.department)
                               c.push_back({p.id, p.name});
                   }),
           m_filter.person);

    const float date = ImGui::GetFontSize() * 7;
    bool badDate = false;
    const auto dateField = [&](const char* id, const char* hint, std::string& text, core::TimeMs& into, int dayOffset) {
        ImGui::SetNextItemWidth(date);
        widgets::textField(id, text, tr(hint));
        const auto parsed = core::parseDate(text);
        into = text.empty() || !parsed ? 0 : parsed.value() + dayOffset * 86400000LL;
        badDate = badDate || (!text.empty() && !parsed);
    };
    dateField("##filter_from", "list.from", m_fromText, m_filter.receivedFrom, 0);
    ImGui::SameLine();
    ImGui::TextUnformatted("—");
    ImGui::SameLine();
    dateField("##filter_to", "list.to", m_toText, m_filter.receivedTo, 1);
    const auto checkbox = [](const char* key, const char* id, bool& value) {
        widgets::sameLineIfFits(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                                ImGui::CalcTextSize(tr(key)).x);
        ImGui::Checkbox(label(key, id).c_str(), &value);
    };
    checkbox("time.overdue_filter", "filter_overdue", m_filter.overdueOnly);
    checkbox("list.repeat_only", "filter_repeat", m_filter.repeatOnly);
    if (badDate) {
        ImGui::SameLine();
        ImGui::TextColored(colour::kDanger, "%s", tr("error.date_format"));
    }
}

std::optional<Navigation> CaseListScreen::draw(const ScreenContext& ctx) {
    app::App& app = ctx.app;
    const std::string& search = ctx.search;

    m_filter.search = search;
    m_names.refresh(app);
    drawDrillDown();

    drawFilters();
    const int total = m_table.total(app, m_filter);
    ImGui::SameLine();
    char count[64];
    std::snprintf(count, sizeof count, tr("list.count"), total);
    widgets::reportedText("list_count", count, &ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::SameLine();
    m_exportRequested = total > 0 && ImGui::SmallButton(label("list.export_csv", "export_csv").c_str());
    m_selectionExport = m_selectionBar.draw(app, ctx.host, m_selection, m_filter, total, m_names);
    if (total == 0) {
        widgets::emptyState(tr("list.empty"));
        return std::nullopt;
    }
    m_table.enableSelection(m_selection);
    return m_table.draw(app, m_filter, "##case_table");
}

} // namespace tousu::ui
