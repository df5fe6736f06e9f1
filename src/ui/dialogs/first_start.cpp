#include "ui/dialogs/first_start.h"

#include <imgui.h>

#include "app/app.h"
#include "core/validate.h"
#include "core/workflow.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/widgets.h"

namespace tousu::ui {

void FirstStart::secure(app::App& app) {
    m_error.reset();
    // A passphrase too short is said first (by the app); then whether the two agree.
    if (m_passphrase != m_confirm && core::utf8Length(m_passphrase) >= 8) {
        m_error = core::makeError(core::ErrorCode::InvalidInput, "error.invalid_input");
        m_error->fieldErrors.push_back(
            core::makeError(core::ErrorCode::InvalidInput, "error.secrets_differ", "", "confirm"));
        return;
    }
    auto st = app.access().secure(m_adminId, m_passphrase);
    if (st) st = app.signIn(m_adminId, m_passphrase);
    m_passphrase.clear();
    m_confirm.clear();
    if (!st) m_error = st.error();
}

void FirstStart::draw(app::App& app) {
    m_names.refresh(app);
    std::vector<widgets::Choice> administrators;
    for (const core::StaffMember& s : m_names.staff()) {
        const auto role = core::roleFromCode(s.role);
        if (role && core::roleMay(*role, core::Operation::EditSettings)) administrators.push_back({s.id, s.name});
    }
    if (m_adminId.empty() && !administrators.empty()) m_adminId = administrators.front().code;

    const float width = ImGui::GetFontSize() * 16;
    ImGui::SeparatorText(tr("first_start.title"));
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(tr("first_start.explain"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    const widgets::FormScope form("first_start");
    ImGui::SetNextItemWidth(width);
    widgets::combo(label("first_start.administrator", "first_start_admin"), "first_start_admin", administrators,
                   m_adminId);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(width);
    widgets::textField(label("first_start.passphrase", "first_start_passphrase"), m_passphrase,
                       tr("first_start.passphrase_hint"), ImGuiInputTextFlags_Password);
    widgets::fieldError(m_error, "secret");
    ImGui::SetNextItemWidth(width);
    widgets::textField(label("first_start.confirm", "first_start_confirm"), m_confirm, nullptr,
                       ImGuiInputTextFlags_Password);
    widgets::fieldError(m_error, "confirm");
    if (ImGui::Button(label("first_start.secure", "first_start_secure").c_str()) || form.submitted()) secure(app);
    if (m_error && m_error->fieldErrors.empty()) widgets::actionError(&*m_error);

    ImGui::Spacing();
    ImGui::SeparatorText(tr("first_start.single_title"));
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(tr("first_start.single_explain"));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(label("first_start.single", "first_start_single").c_str())) {
        auto st = app.access().useSinglePersonDesk();
        if (!st) m_error = st.error();
    }
}

} // namespace tousu::ui
