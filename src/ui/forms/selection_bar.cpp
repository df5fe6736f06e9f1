#include "ui/forms/selection_bar.h"

#include <algorithm>

#include <imgui.h>

#include "app/app.h"
#include "core/workflow.h"
#include "present/case_file.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

bool fittingButton(const std::string& text) {
    widgets::sameLineIfFits(ImGui::CalcTextSize(text.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2);
    return ImGui::SmallButton(text.c_str());
}

} // namespace

SelectionExport SelectionBar::draw(app::App& app, const Host& host, CaseSelection& selection,
                                   const core::ListFilter& filter, int total, const present::ReferenceNames& names) {
    SelectionExport request = SelectionExport::None;
    ImGui::AlignTextToFramePadding();
    const int n = static_cast<int>(selection.cases.size());
    char line[128];
    std::snprintf(line, sizeof line, tr("select.count"), n);
    widgets::reportedText("selection_count", line, n ? nullptr : &ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    std::snprintf(line, sizeof line, tr("select.all"), std::min(total, kMaxSelection));
    if (total > 0 && fittingButton(std::string(line) + "##select_all")) {
        core::ListQuery q;
        q.filter = filter;
        q.limit = kMaxSelection;
        if (auto page = app.cases().listCases(q))
            for (const core::CaseRow& r : page.value().rows) selection.cases[r.id] = r.number;
        m_done.clear();
    }
    if (n == 0) return request;
    if (fittingButton(label("select.export_bundle", "selection_bundle"))) request = SelectionExport::Bundle;
    if (fittingButton(label("select.export_csv", "selection_csv"))) request = SelectionExport::Csv;
    if (fittingButton(label("select.print", "selection_print"))) {
        auto page = present::caseFileHtml(app, selection.ids());
        const std::string name = n == 1 ? present::caseFileName(selection.cases.begin()->second)
                                        : present::caseFileName(std::to_string(n) + tr("select.cases_suffix"));
        if (page && host.saveFile) host.saveFile(name, "text/html;charset=utf-8", page.value());
        m_error = page ? std::nullopt : std::optional<core::Error>(page.error());
    }
    if (core::roleMay(app.actor().role, core::Action::Reassign) && !app.readOnly() &&
        fittingButton(label("select.reassign", "selection_reassign"))) {
        m_reassigning = true;
        m_error.reset();
        m_done.clear();
    }
    if (fittingButton(label("select.clear", "selection_clear"))) {
        selection = {};
        m_reassigning = false;
        m_done.clear();
    }
    if (m_reassigning) drawReassign(app, selection, names);
    if (!m_done.empty()) widgets::reportedText("selection_done", m_done, &colour::kSuccess);
    if (m_error && m_error->fieldErrors.empty()) {
        std::string text = tr(m_error->messageKey);
        if (m_error->messageKey == "error.reassign_not_allowed") text += m_error->detail; // which case
        widgets::reportedText("selection_error", text, &colour::kDanger);
    }
    return request;
}

void SelectionBar::drawReassign(app::App& app, CaseSelection& selection, const present::ReferenceNames& names) {
    const widgets::FormScope scope("selection_reassign_form");
    std::vector<widgets::Choice> depts, people;
    for (const auto& d : names.departments()) depts.push_back({d.id, names.department(d.id)});
    for (const auto& s : names.staff())
        if (s.department == m_department) people.push_back({s.id, s.name});
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (widgets::combo(label("field.department", "reassign_department"), "reassign_department", depts, m_department))
        m_person.clear();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    widgets::combo(label("field.person", "reassign_person"), "reassign_person", people, m_person);
    widgets::fieldError(m_error, "person");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    widgets::textField(label("field.reason", "reassign_reason"), m_reason);
    widgets::fieldError(m_error, "reason");
    if (ImGui::Button(label("select.reassign_go", "reassign_go").c_str()) || scope.submitted()) {
        const int n = static_cast<int>(selection.cases.size());
        if (auto st = app.cases().reassignMany(selection.ids(), m_department, m_person, m_reason); st) {
            char done[128];
            std::snprintf(done, sizeof done, tr("select.reassigned"), n, names.person(m_person));
            m_done = done;
            m_reassigning = false;
            m_reason.clear();
            m_error.reset();
            selection = {};
        } else {
            m_error = st.error();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(label("action.close", "reassign_close").c_str()) || scope.cancelled()) m_reassigning = false;
}

} // namespace tousu::ui
