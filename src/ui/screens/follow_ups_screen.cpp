#include "ui/screens/follow_ups_screen.h"

#include <imgui.h>

#include "app/app.h"
#include "present/format.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

core::ListFilter followUps(bool dueOnly) {
    core::ListFilter f;
    (dueOnly ? f.followUpDueOnly : f.followUpScheduled) = true;
    return f;
}

std::string withCount(const char* key, int n) { return std::string(tr(key)) + " (" + std::to_string(n) + ")"; }

} // namespace

std::optional<Navigation> FollowUpsScreen::draw(const ScreenContext& ctx) {
    app::App& app = ctx.app;

    m_names.refresh(app);
    m_due.setQuery(followUps(true), core::SortKey::FollowUpDue, false);
    m_scheduled.setQuery(followUps(false), core::SortKey::FollowUpDue, false);
    ImGui::SeparatorText(tr("follow_ups.title"));
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr("follow_ups.explain"));
    ImGui::PopTextWrapPos();
    if (ImGui::RadioButton((withCount("follow_ups.due", m_due.total(app)) + "##follow_ups_due").c_str(), m_dueOnly))
        m_dueOnly = true;
    ImGui::SameLine();
    if (ImGui::RadioButton((withCount("follow_ups.all", m_scheduled.total(app)) + "##follow_ups_all").c_str(),
                           !m_dueOnly))
        m_dueOnly = false;
    if (m_recorded) widgets::reportedText("follow_up_recorded", tr(m_recorded));
    drawTable(app);
    return m_caseId.empty() ? std::nullopt : drawForm(app);
}

void FollowUpsScreen::drawTable(app::App& app) {
    app::CaseListModel& model = m_dueOnly ? m_due : m_scheduled;
    const int total = model.total(app);
    if (total == 0) {
        ImGui::TextDisabled("%s", tr(m_dueOnly ? "queue.follow_ups_empty" : "follow_ups.none"));
        return;
    }
    const float height = m_caseId.empty() ? 0.0f : ImGui::GetContentRegionAvail().y * 0.5f;
    if (!ImGui::BeginTable("##follow_ups", 6,
                           ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV,
                           ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* key :
         {"col.number", "col.customer", "col.category", "col.department", "col.person", "follow_ups.when"})
        ImGui::TableSetupColumn(tr(key));
    ImGui::TableHeadersRow();
    const core::TimeMs now = app.clock().now();
    ImGuiListClipper clipper;
    clipper.Begin(total);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::CaseRow* r = model.row(app, i);
            if (!r) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string row = r->number + "##follow_up_row_" + r->number;
            if (ImGui::Selectable(row.c_str(), r->id == m_caseId, ImGuiSelectableFlags_SpanAllColumns)) {
                m_caseId = r->id, m_number = r->number, m_note.clear(), m_resolved.reset();
                m_outcome.clear();
                m_recorded = nullptr;
                m_focusNote = true;
            }
            ImGui::TableNextColumn();
            ImGui::Text("%s %s", r->customerName.c_str(), phoneFor(app, r->phone).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(trCode("category", r->category));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(m_names.department(r->department));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(m_names.person(r->person));
            ImGui::TableNextColumn();
            const bool due = r->followUpDue <= now;
            ImGui::TextColored(due ? colour::kDanger : colour::kText, "%s", formatShort(r->followUpDue).c_str());
        }
    }
    ImGui::EndTable();
}

std::optional<Navigation> FollowUpsScreen::drawForm(app::App& app) {
    char heading[160];
    std::snprintf(heading, sizeof heading, tr("follow_ups.record_for"), m_number.c_str());
    ImGui::SeparatorText(heading);
    const widgets::FormScope form("follow_up");
    if (form.cancelled()) {
        m_caseId.clear();
        return std::nullopt;
    }
    ImGui::TextUnformatted(tr("field.note"));
    if (m_focusNote) ImGui::SetWindowFocus(); // from the list (its own scrolling child window) to the form
    widgets::focusNextIf(m_focusNote);
    widgets::textArea("##follow_up_note", m_note, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 3));
    m_outcome.fieldError("follow_up", "note");
    widgets::yesNo("follow_ups.resolved", "follow_up_resolved", m_resolved);
    m_outcome.fieldError("follow_up", "resolved");
    if (m_resolved == false) {
        ImGui::SameLine();
        ImGui::TextColored(colour::kWarning, "%s", tr("follow_ups.will_reopen"));
    }
    ImGui::BeginDisabled(app.readOnly());
    if ((ImGui::Button(label("follow_ups.record", "follow_up_record").c_str()) || form.submitted()) &&
        m_outcome.record("follow_up", m_resolved ? app.cases().followUp(m_caseId, *m_resolved, m_note)
                                                 : core::Status(widgets::requiredChoice("resolved")))) {
        m_recorded = *m_resolved ? "follow_ups.recorded" : "follow_ups.recorded_reopened";
        m_caseId.clear();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool open = ImGui::Button(label("follow_ups.open_case", "follow_up_open").c_str());
    m_outcome.draw("follow_up");
    if (open) return Navigation{View::CaseDetail, m_caseId, {}};
    return std::nullopt;
}

} // namespace tousu::ui
