#include "ui/forms/personal_data_panel.h"

#include <imgui.h>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/workflow.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

void PersonalDataPanel::drawWholeContacts(app::App& app) {
    ImGui::SeparatorText(tr("contacts.title"));
    ImGui::BeginDisabled(!app.settings().mayEditSettings());
    for (const core::Role role :
         {core::Role::Agent, core::Role::Handler, core::Role::Supervisor, core::Role::Admin, core::Role::Trainer}) {
        bool whole = app.settings().roleSeesWholeContacts(role);
        const std::string item = std::string(trCode("role", core::code(role))) + "##whole_contacts_" + core::code(role);
        if (ImGui::Checkbox(item.c_str(), &whole))
            if (auto st = app.settings().setRoleSeesWholeContacts(role, whole); !st) m_error = st.error();
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::EndDisabled();
    ImGui::SeparatorText(tr("retention.title"));
}

void PersonalDataPanel::draw(app::App& app) {
    drawWholeContacts(app);
    if (m_running) {
        auto erased = app.personalData().eraseDue(kBatch);
        if (!erased || erased.value() == 0) m_running = false;
        if (!erased)
            m_error = erased.error();
        else
            m_done += erased.value();
    }
    if (app.revision() != m_revision) {
        m_revision = app.revision();
        const auto due = app.personalData().retentionDue();
        m_due = due ? due.value() : 0;
    }
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr("retention.explain"));
    ImGui::PopTextWrapPos();
    ImGui::BeginDisabled(!app.settings().mayEditSettings() || m_running);
    std::vector<widgets::Choice> years;
    for (int y : {1, 2, 3, 5, 10}) {
        char text[64];
        std::snprintf(text, sizeof text, tr("retention.years_n"), y);
        years.push_back({std::to_string(y), text});
    }
    std::string kept = std::to_string(app.personalData().retentionYears());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (widgets::combo(label("retention.years", "retention_years"), "retention_years", years, kept))
        if (auto st = app.personalData().setRetentionYears(std::atoi(kept.c_str())); !st) m_error = st.error();
    char line[256];
    std::snprintf(line, sizeof line, tr("retention.due"), m_due);
    widgets::reportedText("retention_due", line);
    if (m_due > 0) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(colour::kWarning, "%s", tr("erase.backups"));
        ImGui::PopTextWrapPos();
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kDanger);
        if (ImGui::Button(label("retention.run", "retention_run").c_str())) {
            m_running = true;
            m_total = m_due;
            m_done = 0;
            m_error.reset();
        }
        ImGui::PopStyleColor();
    }
    ImGui::EndDisabled();
    if (m_running || m_done > 0) {
        std::snprintf(line, sizeof line, tr("retention.progress"), m_done, m_total);
        widgets::reportedText("retention_progress", line, m_running ? nullptr : &colour::kSuccess);
    }
    widgets::actionError(m_error ? &*m_error : nullptr);
}

} // namespace tousu::ui
