#include "ui/case_table.h"

#include <algorithm>

#include <imgui.h>

#include "app/app.h"
#include "core/validate.h"
#include "present/format.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

constexpr core::SortKey kColumnSort[] = {core::SortKey::Number,   core::SortKey::Received, core::SortKey::Customer,
                                         core::SortKey::Category, core::SortKey::State,    core::SortKey::Department,
                                         core::SortKey::Person,   core::SortKey::Due};
constexpr const char* kColumns[] = {"col.number", "col.received",   "col.customer", "col.category",
                                    "col.state",  "col.department", "col.person",   "col.time_left"};
constexpr int kColumnCount = 8;

void timeLeftCell(const core::CaseRow& r, core::TimeMs now) {
    if (r.followUpDue > 0 && r.nextDue == 0) { // resolved, a follow-up visit pending: red once due, as 回访 shows it
        ImGui::TextColored(r.followUpDue <= now ? colour::kDanger : colour::kText, "%s %s", tr("time.follow_up"),
                           formatShort(r.followUpDue).c_str());
        return;
    }
    if (r.paused) {
        ImGui::TextDisabled("%s", tr("time.paused"));
        return;
    }
    if (r.nextDue == 0) {
        ImGui::TextDisabled("%s", tr("time.done"));
        return;
    }
    const core::TimeMs remaining = r.nextDue - now;
    const double used = r.nextDue > r.receivedAt ? double(now - r.receivedAt) / double(r.nextDue - r.receivedAt) : 1.0;
    const ImVec4 colour = remaining < 0 ? colour::kDanger : used >= 0.8 ? colour::kWarning : colour::kText;
    ImGui::TextColored(colour, "%s", formatRemaining(remaining).c_str());
}

// The width a column needs for its widest content in the current language (and its title), so
// numbers, dates, categories, states and times are never cut; 0 for the elastic columns (customer,
// department, person), which share what is left by these weights.
float columnWidth(int column, const char* title) {
    const auto wider = [](float w, const std::string& text) {
        return std::max(w, ImGui::CalcTextSize(text.c_str()).x);
    };
    float w = ImGui::CalcTextSize(title).x + ImGui::GetFontSize(); // the sort arrow
    switch (column) {
    case 0:
        w = wider(w, "TS-BJ01-20261128-0000");
        break;
    case 1:
        w = wider(w, formatShort(0));
        break;
    case 3:
        for (core::Category c : core::kCategories) w = wider(w, trCode("category", core::code(c)));
        break;
    case 4:
        for (int s = 0; s <= int(core::State::Cancelled); ++s)
            w = wider(w, trCode("state", core::code(core::State(s))));
        break;
    case 7:
        for (const std::string& text :
             {formatRemaining(-999 * core::kHourMs - 59 * 60000),
              std::string(tr("time.follow_up")) + " " + formatShort(0), std::string(tr("time.paused"))})
            w = wider(w, text);
        break;
    default:
        return 0;
    }
    return w + ImGui::GetStyle().CellPadding.x * 2;
}
constexpr float kElasticWeight[kColumnCount] = {0, 0, 2.0f, 0, 0, 1.5f, 1.0f, 0};
// The least an elastic column should get before the table drops columns to give it that: a customer
// with a three-character name and a whole phone number; a department and a person by their names.
float elasticMinimum(int column) {
    const char* sample = column == 2   ? "王芳芳 13800138000"
                         : column == 5 ? "网络运维部"
                         : column == 6 ? "欧阳晓明"
                                       : "";
    return *sample ? ImGui::CalcTextSize(sample).x + ImGui::GetStyle().CellPadding.x * 2 : 0;
}
// Hidden on a narrow window: the received time (the number holds the date) and the department (the
// person implies it); the customer then keeps its minimum and the person takes the rest.
bool droppedWhenNarrow(int column) { return column == 1 || column == 5; }

} // namespace

std::vector<std::string> CaseSelection::ids() const {
    std::vector<std::string> out;
    for (const auto& entry : cases) out.push_back(entry.first);
    return out;
}

std::vector<std::string> CaseSelection::numbers() const {
    std::vector<std::string> out;
    for (const auto& entry : cases) out.push_back(entry.second);
    return out;
}

void CaseTable::tickBox(app::App& app, const core::CaseRow& row, int index, float x) {
    bool ticked = m_selection->cases.count(row.id) > 0;
    const float cellX = ImGui::GetCursorPosX();
    ImGui::SetCursorPosX(x + ImGui::GetStyle().ItemSpacing.x);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 0)); // a row's height
    const bool changed = ImGui::Checkbox(("##select_" + row.number).c_str(), &ticked);
    ImGui::PopStyleVar();
    ImGui::SameLine(); // the row starts at the cell's start, on the same line
    ImGui::SetCursorPosX(cellX);
    if (!changed) return;
    const auto set = [&](const core::CaseRow& r) {
        if (ticked)
            m_selection->cases[r.id] = r.number;
        else
            m_selection->cases.erase(r.id);
    };
    if (ImGui::GetIO().KeyShift && m_selection->lastRow >= 0) // the rows between, as sorted now
        for (int k = std::min(index, m_selection->lastRow); k <= std::max(index, m_selection->lastRow); ++k)
            if (const core::CaseRow* r = m_model.row(app, k)) set(*r);
    set(row);
    m_selection->lastRow = index;
}

int CaseTable::total(app::App& app, const core::ListFilter& filter) {
    m_model.setQuery(filter, m_sort, m_descending);
    return m_model.total(app);
}

std::optional<Navigation> CaseTable::draw(app::App& app, const core::ListFilter& filter, const char* tableId) {
    std::optional<Navigation> nav;
    m_names.refresh(app);
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable;
    // Follow-up visits: the last column is the visit's date, and the list starts with the most overdue.
    const bool visits = filter.followUpDueOnly || filter.followUpScheduled;
    float widths[kColumnCount], needed = 0;
    for (int i = 0; i < kColumnCount; ++i) {
        widths[i] = columnWidth(i, tr(visits && i == kColumnCount - 1 ? "col.follow_up_due" : kColumns[i]));
        needed += widths[i] + elasticMinimum(i);
    }
    if (m_selection) { // the tick box
        const float box = ImGui::GetFontSize() + ImGui::GetStyle().ItemSpacing.x;
        widths[0] += box;
        needed += box;
    }
    const bool narrow = ImGui::GetContentRegionAvail().x < needed;
    if (narrow) widths[2] = elasticMinimum(2);
    // Newest first by receipt, or by number (numbered in order of receipt) while received is hidden.
    const int firstSort = visits ? kColumnCount - 1 : narrow ? 0 : 1;
    // A table per language, text size and narrowness: ImGui keeps a fixed column's width once laid
    // out, and the widths fitted to one language's words would cut another's.
    const std::string fitted = std::string(tableId) + "_" + languageTag(language()) + "_" +
                               std::to_string(int(ImGui::GetFontSize())) + (narrow ? "_narrow" : "");
    ImGui::PushID(fitted.c_str());
    if (!ImGui::BeginTable(tableId, kColumnCount, flags)) {
        ImGui::PopID();
        return nav;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    for (int i = 0; i < kColumnCount; ++i) {
        const char* title = tr(visits && i == kColumnCount - 1 ? "col.follow_up_due" : kColumns[i]);
        const float fixed = widths[i];
        ImGuiTableColumnFlags f = fixed > 0 ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch;
        if (narrow && droppedWhenNarrow(i)) f |= ImGuiTableColumnFlags_DefaultHide;
        if (i == firstSort)
            f |= ImGuiTableColumnFlags_DefaultSort |
                 (visits ? ImGuiTableColumnFlags_PreferSortAscending : ImGuiTableColumnFlags_PreferSortDescending);
        ImGui::TableSetupColumn(title, f, fixed > 0 ? fixed : kElasticWeight[i]);
    }
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty && specs->SpecsCount > 0) {
        const int column = specs->Specs[0].ColumnIndex;
        m_sort = visits && column == kColumnCount - 1 ? core::SortKey::FollowUpDue : kColumnSort[column];
        m_descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        specs->SpecsDirty = false;
    }
    m_model.setQuery(filter, m_sort, m_descending);
    const core::TimeMs now = app.clock().now();
    ImGuiListClipper clipper;
    clipper.Begin(m_model.total(app));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            // Every index gets a row, even one that could not be read (the clipper measures rows).
            const core::CaseRow* r = m_model.row(app, i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (!r) {
                ImGui::TextDisabled("%s", tr("list.row_unreadable"));
                continue;
            }
            const std::string rowLabel = r->number + "##case_" + r->number;
            // The tick box sits after the number and is drawn before the row, so it takes the clicks on it
            // (the first item hovered wins) and the row all the others, from the first frame.
            const float cellX = ImGui::GetCursorPosX();
            if (m_selection) tickBox(app, *r, i, cellX + ImGui::CalcTextSize(r->number.c_str()).x);
            if (ImGui::Selectable(rowLabel.c_str(), m_selection && m_selection->cases.count(r->id),
                                  ImGuiSelectableFlags_SpanAllColumns))
                nav = Navigation{View::CaseDetail, r->id};
            if (ImGui::BeginPopupContextItem()) { // right-click: the customer's record
                if (ImGui::MenuItem(label("customer.open", "row_customer_record").c_str()))
                    if (auto c = app.cases().caseById(r->id); c && !c.value().customerKey.empty())
                        nav = customerRecord(c.value().customerKey);
                ImGui::EndPopup();
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatShort(r->receivedAt).c_str());
            ImGui::TableNextColumn();
            widgets::reportedText(("customer_" + r->number).c_str(), r->customerName + " " + phoneFor(app, r->phone));
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
    ImGui::PopID();
    return nav;
}

} // namespace tousu::ui
