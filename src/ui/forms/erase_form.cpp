#include "ui/forms/erase_form.h"

#include <imgui.h>

#include "app/app.h"
#include "core/workflow.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

void EraseForm::draw(app::App& app, const core::Case& c) {
    const bool closed = c.state == core::State::Archived || c.state == core::State::Cancelled;
    if (c.erased || !closed || !core::roleMay(app.actor().role, core::Action::Erase) || app.readOnly()) return;
    if (!m_preview) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kDanger);
        if (ImGui::Button(label("erase.open", "erase_customer").c_str())) {
            auto preview = app.personalData().preview(c.id);
            if (preview) m_preview = preview.value();
            m_error = preview ? std::nullopt : std::optional<core::Error>(preview.error());
        }
        ImGui::PopStyleColor();
        widgets::actionError(m_error ? &*m_error : nullptr);
        return;
    }
    std::string numbers;
    for (const std::string& n : m_preview->numbers) numbers += (numbers.empty() ? "" : "、") + n;
    char text[1024];
    std::snprintf(text, sizeof text, tr("erase.explain"), static_cast<int>(m_preview->numbers.size()), numbers.c_str());
    ImGui::PushTextWrapPos(0);
    widgets::reportedText("erase_explain", text);
    ImGui::TextColored(colour::kWarning, "%s", tr("erase.backups"));
    ImGui::PopTextWrapPos();
    if (m_preview->open > 0) {
        std::snprintf(text, sizeof text, tr("erase.open_cases"), m_preview->open);
        widgets::reportedText("erase_open", text, &colour::kDanger);
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kDanger);
        if (ImGui::Button(label("erase.confirm", "erase_confirm").c_str())) {
            auto erased = app.personalData().eraseCustomer(c.id);
            if (erased)
                close();
            else
                m_error = erased.error();
        }
        ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    if (ImGui::Button(label("action.close", "erase_cancel").c_str())) close();
    widgets::actionError(m_error ? &*m_error : nullptr);
}

} // namespace tousu::ui
